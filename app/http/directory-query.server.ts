import { data } from "@remix-run/node";

/** Reads ?sort=, ?filter= and ?after= for a directory page; an unknown sort is a 400 that names the choices. */
export function readDirectoryQuery<S extends string>(request: Request, sorts: readonly S[]) {
  const url = new URL(request.url);
  const rawSort = url.searchParams.get("sort") ?? sorts[0];
  if (!(sorts as readonly string[]).includes(rawSort)) {
    throw data({ message: `Unknown sort "${rawSort.slice(0, 40)}". Use ${sorts.join(", ")}.` }, { status: 400 });
  }
  // Longer filters are cut rather than refused: nothing a person types here should end in an error page.
  const filter = (url.searchParams.get("filter") ?? "").trim().slice(0, 50);
  return { sort: rawSort as S, filter, after: url.searchParams.get("after") };
}

// A permanent link to any post: answers redirect to their place in the question's thread.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseId } from "~/forms/limits";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { getPostForEdit } from "~/services/question-queries.server";
import { answerPath, questionPath } from "~/lib/paths";
import { keptQuery } from "~/http/canonical.server";

/** The query goes before the #fragment. */
function withQuery(path: string, query: string) {
  const hash = path.indexOf("#");
  return hash === -1 ? `${path}${query}` : `${path.slice(0, hash)}${query}${path.slice(hash)}`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  try {
    const post = await getPostForEdit(context.db, id);
    // Permanent: straight to the thread's own address (slug and all), so search engines keep one URL.
    const target = post.type === "question" ? questionPath(post) : answerPath({ id: post.questionId!, title: post.questionTitle }, post.id);
    return redirect(withQuery(target, keptQuery(request)), 301);
  } catch (error) {
    throwAsResponse(error);
  }
}

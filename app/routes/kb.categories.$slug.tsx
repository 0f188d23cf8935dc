import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList, KbNav } from "~/components/kb-parts";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { isStaff } from "~/domain/privileges";
import { getViewer } from "~/http/viewer.server";
import { getKbCategory } from "~/services/kb-queries.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) notFound("That category");
  const viewer = await getViewer(request, context);
  try {
    return { ...(await getKbCategory(context.db, slug)), staff: isStaff(viewer) };
  } catch (error) {
    throwAsResponse(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.category.name} - Knowledge base - Peerdesk` : "Category not found - Peerdesk" }];

export default function CategoryPage() {
  const { category, articles, staff } = useLoaderData<typeof loader>();
  return (
    <div className="page page--medium">
      <h1>{category.name}</h1>
      <KbNav staff={staff} />
      <ArticleList articles={articles} empty="No published articles in this category yet." />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

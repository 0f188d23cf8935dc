// A permanent link to any post: answers redirect to their place in the question's thread.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseId } from "~/forms/fields";
import { notFound, throwAsResponse } from "~/http/responses.server";
import { getPostForEdit } from "~/services/question-queries.server";
import { answerPath, questionPath } from "~/lib/paths";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id === null) notFound("That post");
  try {
    const post = await getPostForEdit(context.db, id);
    return redirect(post.type === "question" ? questionPath(post) : answerPath({ id: post.questionId! }, post.id));
  } catch (error) {
    throwAsResponse(error);
  }
}

// GET /feeds/questions/:id: an Atom feed of one question's answers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/forms/limits";
import { feedResponse } from "~/http/crawler-responses.server";
import { answersFeed } from "~/services/feeds.server";
import { NotFoundError } from "~/services/errors";

export const loader = ({ params, context }: LoaderFunctionArgs) =>
  feedResponse(async () => {
    const id = parseId(params.id);
    if (id === null) throw new NotFoundError("That question");
    return answersFeed(context.db, id);
  });

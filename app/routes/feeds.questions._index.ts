// GET /feeds/questions: an Atom feed of the newest questions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/http/crawler-responses.server";
import { questionsFeed } from "~/services/feeds.server";

export const loader = ({ context }: LoaderFunctionArgs) => feedResponse(() => questionsFeed(context.db));

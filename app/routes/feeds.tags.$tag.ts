// GET /feeds/tags/:tag: an Atom feed of the newest questions in one tag.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/http/crawler-responses.server";
import { tagFeed } from "~/services/feeds.server";

export const loader = ({ params, context }: LoaderFunctionArgs) => feedResponse(() => tagFeed(context.db, params.tag ?? ""));

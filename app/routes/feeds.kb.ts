// GET /feeds/kb: an Atom feed of the newest published knowledge-base articles.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/http/crawler-responses.server";
import { knowledgeBaseFeed } from "~/services/feeds.server";

export const loader = ({ context }: LoaderFunctionArgs) => feedResponse(() => knowledgeBaseFeed(context.db));

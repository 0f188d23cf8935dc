// The server half of page-meta: absolute addresses from the configured public URL (PUBLIC_URL).
import { truncateText } from "~/lib/excerpt";
import { DESCRIPTION_CHARS, type PageSeo } from "~/lib/page-meta";
import { publicUrl } from "~/services/email.server";

export function pageSeo(input: { title: string; path: string; description: string; type?: PageSeo["type"]; noindex?: boolean }): PageSeo {
  return {
    title: input.title,
    description: truncateText(input.description, DESCRIPTION_CHARS) || input.title,
    url: publicUrl(input.path),
    ...(input.type ? { type: input.type } : {}),
    ...(input.noindex ? { noindex: true } : {}),
  };
}

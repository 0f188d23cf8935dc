import { serializeJsonLd } from "~/lib/structured-data";

/**
 * Structured data for search engines. A data block, not a script: browsers never run it, so the
 * CSP's script-src (and its nonce) does not apply.
 */
export function JsonLd({ data }: { data: unknown }) {
  if (!data) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

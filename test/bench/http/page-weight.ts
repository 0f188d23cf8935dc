// What a visitor's browser downloads to run a question page: the scripts it names (<script src>)
// and preloads (<link rel="modulepreload">), each gzipped at level 9, summed. Measured from the
// production build as served, so it follows whatever the build puts on the page.
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

export async function questionPageJavaScript(origin: string, pagePath: string): Promise<PageWeight> {
  const html = await (await fetch(origin + pagePath)).text();
  const hrefs = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) hrefs.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) hrefs.add(href);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const href of hrefs) {
    const body = Buffer.from(await (await fetch(new URL(href.replaceAll("&amp;", "&"), origin))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { page: pagePath, scripts: hrefs.size, rawBytes, gzipBytes };
}

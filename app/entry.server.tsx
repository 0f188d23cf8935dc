import { Writable } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { isCacheableRender } from "./http/page-cache.server";

const ABORT_DELAY = 5_000;

/**
 * Remix logs every error thrown while answering. An address that matches no page is a visitor's
 * typo or a bot's probe, not a fault: one line, no stack trace. A request the browser gave up on
 * is not logged at all. Everything else keeps its stack, which is what an operator needs.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  // Remix hands an unknown address over as a 404 error response (wrapping "No route matches URL").
  if (isRouteErrorResponse(error) && error.status === 404) {
    console.warn(`404 ${request.method} ${new URL(request.url).pathname.slice(0, 200)}`);
    return;
  }
  console.error(error);
}

/**
 * Pages are rendered whole, then sent as one body. Nothing on them is deferred, so streaming the
 * shell gained no time; it made the compression middleware flush (and compress) every small chunk
 * on its own, which cost more CPU and sent more bytes. A whole page is also what the anonymous
 * page cache keeps.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const collector = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    collector.on("finish", () => {
      const html = Buffer.concat(chunks);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      if (loadContext.pageCache && request.method === "GET" && isCacheableRender(remixContext, responseStatusCode, responseHeaders)) {
        responseHeaders.set("ETag", loadContext.pageCache.store(html, responseHeaders));
        responseHeaders.set("Vary", "Cookie");
      }
      resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(collector);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY).unref();
  });
}

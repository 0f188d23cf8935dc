// Request bodies read with a ceiling that holds while they stream. Content-Length alone proves
// nothing: a chunked body has none, so a 300 MB upload used to be read whole into memory before
// anything looked at its size. Here the bytes are counted as they arrive and reading stops at the cap.

/**
 * The largest form any page of ours sends: a 30,000-character body is at most 270 KB once
 * URL-encoded (a three-byte UTF-8 character becomes nine bytes, "%E4%B8%AD"), plus a title and
 * a few short fields. 1 MB leaves room without letting one request hold much memory.
 */
export const FORM_BYTES_LIMIT = 1024 * 1024;

export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly limitBytes: number) {
    super(`That submission is too large (limit ${Math.floor(limitBytes / 1024).toLocaleString("en")} KB).`);
  }
}

/** The body's bytes, refusing (and no longer reading) a body once it passes `limitBytes`. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Stop here without cancelling: under Express a cancel destroys the socket, and the client
      // would see a reset instead of the 413. Left unread, the stream stops pulling and pauses the
      // socket (memory stays flat), the answer goes out, and the client stops sending.
      reader.releaseLock();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A form body (URL-encoded or multipart) parsed by the platform's own parser, after the bytes
 * passed the cap. Throws BodyTooLargeError, or a TypeError for a body that is not a form.
 */
export async function readFormBody(request: Request, limitBytes: number): Promise<FormData> {
  const bytes = await readBodyBytes(request, limitBytes);
  const type = request.headers.get("content-type") ?? "";
  return new Response(bytes, { headers: { "Content-Type": type } }).formData();
}

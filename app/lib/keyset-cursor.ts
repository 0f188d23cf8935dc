// A keyset page link: the last row's sort key and tie-breaker, opaque in the URL. Pages built this
// way stay fast and stable at any depth (no OFFSET), and a hand-edited link is refused, not trusted.
import { z } from "zod";
import { InvalidInputError } from "~/services/errors";

export function encodeCursor(key: string | number, tieBreaker: string | number): string {
  return Buffer.from(JSON.stringify([key, tieBreaker])).toString("base64url");
}

/** Null when there is no cursor (the first page); a 400-shaped refusal when it does not decode to the schemas. */
export function decodeCursor<K, T>(raw: string | null | undefined, key: z.ZodType<K>, tieBreaker: z.ZodType<T>): { key: K; tieBreaker: T } | null {
  if (raw === null || raw === undefined || raw === "") return null;
  const invalid = new InvalidInputError({ after: "That page link is not valid. Go back to the first page." });
  if (raw.length > 300) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  const checked = z.tuple([key, tieBreaker]).safeParse(parsed);
  if (!checked.success) throw invalid;
  return { key: checked.data[0], tieBreaker: checked.data[1] };
}

export const cursorInt = z.number().int().min(-2_147_483_648).max(2_147_483_647);
export const cursorId = z.number().int().min(1).max(2_147_483_647);
export const cursorText = z.string().max(200);

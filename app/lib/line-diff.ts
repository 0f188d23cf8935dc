// A line diff of two texts, for people comparing versions (an article's source answer since
// promotion, an edit against the version saved meanwhile). Run on the server: the page gets the
// parts, the browser never loads the diff library.
import { diffLines } from "diff";

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

/** What changed from `before` to `after`, line by line. */
export function lineDiff(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

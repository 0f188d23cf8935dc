// "Original question" fields (flagging a duplicate, closing as one): the member types words from
// the original's title, or pastes its link or number, and picks from the questions that match.
// Ordinary module: the browser uses the same reading to decide when to search as they type.
import { parseQuestionReference } from "~/domain/closing";
import { readId } from "./limits";

export type QuestionPick =
  | { kind: "id"; id: number }
  | { kind: "words"; words: string }
  /** Nothing typed and nothing chosen. */
  | { kind: "none" }
  /** A link or number that names no question here ("/users/3", "https://elsewhere.example/"). */
  | { kind: "bad-reference" };

export const QUESTION_PICK_MESSAGES = {
  none: "Type words from the original question's title, or paste its link or number.",
  badReference: "That is not a link to a question here. Paste a question's link or number, or type words from its title.",
  choose: "Choose the original question below, or search again with other words.",
  nothingFound: (words: string) => `No question matches “${words.length > 60 ? `${words.slice(0, 60)}…` : words}”. Try other words, or paste its link.`,
} as const;

/** Fewer characters than this are not searched as words (the live list waits for more). */
export const PICK_MIN_WORD_CHARACTERS = 3;

/**
 * What the two fields name: a question chosen from the list wins; else the typed text as a
 * reference ("42", "#42", a link); else the typed text as words to search for.
 */
export function readQuestionPick(typed: string | undefined, chosen?: string | undefined): QuestionPick {
  const choice = readId(chosen ?? "");
  if (chosen && choice !== null) return { kind: "id", id: choice };
  const text = (typed ?? "").trim();
  if (text === "") return { kind: "none" };
  const id = parseQuestionReference(text);
  if (id !== null) return { kind: "id", id };
  if (/^(#?\d+|[a-z][a-z0-9+.-]*:\/\/\S*|\/\S*)$/i.test(text)) return { kind: "bad-reference" };
  return { kind: "words", words: text };
}

// What an "original question" field names: a question chosen from the list, a reference typed
// as its number or link, words to search for, nothing, or a link that names no question here.
import { describe, expect, it } from "vitest";
import { readQuestionPick } from "~/forms/question-pick";

describe("readQuestionPick", () => {
  it.each([
    { typed: "42", chosen: undefined, pick: { kind: "id", id: 42 } },
    { typed: " #42 ", chosen: undefined, pick: { kind: "id", id: 42 } },
    { typed: "https://help.example/questions/42/some-title#answer-7", chosen: undefined, pick: { kind: "id", id: 42 } },
    { typed: "/questions/42", chosen: "", pick: { kind: "id", id: 42 } },
    // A question picked from the list wins over whatever is still in the field.
    { typed: "export invoices", chosen: "17", pick: { kind: "id", id: 17 } },
    { typed: "42", chosen: "17", pick: { kind: "id", id: 17 } },
    { typed: "  export invoices to CSV ", chosen: undefined, pick: { kind: "words", words: "export invoices to CSV" } },
    { typed: "export invoices", chosen: "not-a-number", pick: { kind: "words", words: "export invoices" } },
    { typed: "", chosen: undefined, pick: { kind: "none" } },
    { typed: "   ", chosen: "0", pick: { kind: "none" } },
    { typed: undefined, chosen: undefined, pick: { kind: "none" } },
    { typed: "/users/3", chosen: undefined, pick: { kind: "bad-reference" } },
    { typed: "https://elsewhere.example/nothing", chosen: undefined, pick: { kind: "bad-reference" } },
    { typed: "0", chosen: undefined, pick: { kind: "bad-reference" } },
    { typed: "99999999999", chosen: undefined, pick: { kind: "bad-reference" } },
  ])("typed $typed, chosen $chosen -> $pick.kind", ({ typed, chosen, pick }) => {
    expect(readQuestionPick(typed, chosen)).toEqual(pick);
  });
});

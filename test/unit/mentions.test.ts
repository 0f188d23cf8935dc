// @mention rules: a handle is the display name without spaces or punctuation, matched without
// case; code, email addresses and strangers are never mentions.
import { describe, expect, it } from "vitest";
import { MENTIONS_PER_POST, mentionHandle, mentionedPeople, writtenHandles } from "~/domain/mentions";

const people = [
  { id: 1, displayName: "Priya Nair (Ledgerly)" },
  { id: 2, displayName: "Zoë O'Brien" },
  { id: 3, displayName: "Tom" },
];

describe("mentions", () => {
  it("a handle is the name without spaces or punctuation, letters of any script kept", () => {
    expect(mentionHandle("Priya Nair (Ledgerly)")).toBe("PriyaNairLedgerly");
    expect(mentionHandle("Zoë O'Brien")).toBe("ZoëOBrien");
  });

  it("finds handles in prose, once each, ignoring case; not in code, not in an email address", () => {
    expect(writtenHandles("Thanks @PriyaNairLedgerly and @priyanairledgerly, see `@Tom` and\n```\n@ZoëOBrien\n```\nmail tom@example.com")).toEqual(["priyanairledgerly"]);
    expect(writtenHandles("(@Tom) @zoëobrien.")).toEqual(["tom", "zoëobrien"]);
  });

  it("reaches only the thread's people whose handle is written in full", () => {
    expect(mentionedPeople("@Priya could you check? cc @ZoeOBrien @Tom", people).map((p) => p.id)).toEqual([3]);
    expect(mentionedPeople("@PriyaNairLedgerly @ZoëOBrien", people).map((p) => p.id)).toEqual([1, 2]);
    expect(mentionedPeople("nobody here", people)).toEqual([]);
  });

  it("one post reaches at most MENTIONS_PER_POST people", () => {
    const crowd = Array.from({ length: 15 }, (_, i) => ({ id: i + 1, displayName: `Member ${String.fromCharCode(65 + i)}x` }));
    const text = crowd.map((person) => `@${mentionHandle(person.displayName)}`).join(" ");
    expect(mentionedPeople(text, crowd)).toHaveLength(MENTIONS_PER_POST);
  });
});

// @mentions: "@PriyaNair" in an answer, a comment or an edit calls a person already in the
// thread (the asker, someone who answered or commented), as on Stack Overflow, so a mention
// cannot be used to ping strangers. A person's handle is their display name without spaces or
// punctuation; matching ignores case. Pure: the service gives the thread's people.

/** At most this many people hear of one post's mentions (more is a ping list, not a conversation). */
export const MENTIONS_PER_POST = 10;

/** "Priya Nair (Ledgerly)" → "PriyaNairLedgerly": what to type after "@". */
export function mentionHandle(displayName: string): string {
  return displayName.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "");
}

// Code is quoted text: an "@" in a code span or block calls nobody.
const CODE = /```[\s\S]*?(```|$)|~~~[\s\S]*?(~~~|$)|`[^`\n]*`/g;
// Not after a letter, digit or dot (an email address, a decorator in prose is still a mention).
const MENTION = /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}]{2,60})/gu;

/** The handles written in a text, lower-cased, once each, in order. */
export function writtenHandles(markdown: string): string[] {
  const text = markdown.replace(CODE, " ");
  const seen = new Set<string>();
  for (const match of text.matchAll(MENTION)) seen.add(match[1].toLocaleLowerCase("en"));
  return [...seen];
}

/** The people of the thread a text mentions (by exact handle), at most MENTIONS_PER_POST. */
export function mentionedPeople<T extends { id: number; displayName: string }>(markdown: string, people: T[]): T[] {
  const handles = new Set(writtenHandles(markdown));
  if (handles.size === 0) return [];
  const found = new Map<number, T>();
  for (const person of people) {
    if (handles.has(mentionHandle(person.displayName).toLocaleLowerCase("en"))) found.set(person.id, person);
  }
  return [...found.values()].slice(0, MENTIONS_PER_POST);
}

/** The people a writer may mention, once each with their handle, for the "@" suggestions. */
export function mentionable(people: { id: number; displayName: string }[]): { id: number; displayName: string; handle: string }[] {
  const byId = new Map(people.map((person) => [person.id, { id: person.id, displayName: person.displayName, handle: mentionHandle(person.displayName) }]));
  return [...byId.values()];
}

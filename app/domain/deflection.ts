// What counts as a deflection. One visit to the ask page is an "ask session"; its events are
// facts (suggestions shown, a suggestion opened, "this solved my problem", a question posted).
// An ask is "abandoned after opening a suggestion" when a suggestion was opened and, by the end
// of the window, neither a question was posted nor the problem marked solved: the customer
// found what they needed, or gave up. Only the first is a saving, so the report shows both
// figures side by side and counts only "solved" as a sure deflection.

/** How long after opening a suggestion an ask session may still end in a posted question. */
export const ABANDON_WINDOW_MINUTES = 30;

/** How many days the staff report shows by default, and at most. */
export const DEFLECTION_REPORT_DAYS = { default: 30, max: 365 } as const;

/** A random id the ask page carries in a hidden field: letters and digits only, so it is safe to store. */
export const ASK_SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface DeflectionDay {
  day: string;
  sessionsWithSuggestions: number;
  suggestionsOpened: number;
  solved: number;
  abandonedAfterOpening: number;
  postedAnyway: number;
}

/** Share of sessions shown suggestions that ended in "solved", as a whole percentage (null with none). */
export function solvedRate(days: Pick<DeflectionDay, "sessionsWithSuggestions" | "solved">[]): number | null {
  const shown = days.reduce((sum, day) => sum + day.sessionsWithSuggestions, 0);
  if (shown === 0) return null;
  return Math.round((100 * days.reduce((sum, day) => sum + day.solved, 0)) / shown);
}

/** The text a search miss is stored under: trimmed, lower case, spaces collapsed, at most 200 characters. */
export function normaliseSearchMiss(query: string): string | null {
  const normalised = query.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase().slice(0, 200);
  return normalised.length >= 2 ? normalised : null;
}

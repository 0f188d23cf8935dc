// Two weeks of what ask-time suggestions did, so /admin/deflection has figures on first start:
// recorded through the same service the ask page uses, against the demo's published articles.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticles } from "../../db/schema";
import { recordDeflectionEvent, recordSearchMiss } from "~/services/deflection.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Searches customers made that found nothing: what the knowledge base is missing. */
const DEMO_SEARCH_MISSES: [string, number][] = [
  ["export to sage 50", 6],
  ["payroll kenya", 4],
  ["dark mode", 3],
  ["invoice in arabic", 2],
  ["import from freshbooks", 2],
];

export async function seedDeflection(db: Database, customerIds: number[], now: Date) {
  const articles = await db
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .where(and(eq(kbArticles.status, "published"), isNull(kbArticles.deletedAt)));
  if (articles.length === 0 || customerIds.length === 0) return;
  for (let day = 13; day >= 0; day--) {
    // A steady few asks a day: one in five only glances at the list; of those who open a
    // suggestion about one in three marks it solved, the rest leave (abandoned after opening).
    const asks = 3 + (day % 4);
    for (let n = 0; n < asks; n++) {
      const userId = customerIds[(day + n) % customerIds.length];
      const article = articles[(day + n) % articles.length];
      const at = new Date(now.getTime() - day * DAY - (n + 1) * 2 * HOUR);
      const askSession = `demo-ask-${day}-${n}-session`;
      const record = (kind: "suggestions_shown" | "suggestion_opened" | "solved", minutes: number) =>
        recordDeflectionEvent(db, { askSession, kind, userId, target: kind === "suggestions_shown" ? null : { kind: "article", id: article.id } }, new Date(at.getTime() + minutes * 60_000));
      await record("suggestions_shown", 0);
      if ((day + n) % 5 === 4) continue; // shown, not opened
      await record("suggestion_opened", 1);
      if ((day + n) % 3 === 0) await record("solved", 3);
    }
  }
  for (const [query, times] of DEMO_SEARCH_MISSES) {
    for (let i = 0; i < times; i++) await recordSearchMiss(db, query, new Date(now.getTime() - i * DAY));
  }
}

// tags.question_count follows every write to a question: ask, retag, delete, restore. A trigger
// keeps it, so no code path can forget it. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, tags } from "../../db/schema";
import { askQuestion, postAnswer } from "~/services/posting.server";
import { useTestDatabase } from "../support/databases";
import { makeUser } from "../support/fixtures";

const t = useTestDatabase();

async function countsOf(...names: string[]) {
  const rows = await t.db.select({ name: tags.name, count: tags.questionCount }).from(tags);
  return Object.fromEntries(names.map((name) => [name, rows.find((row) => row.name === name)?.count ?? null]));
}

describe("tag question counts", () => {
  it("count live questions through asking, answering, retagging, deleting and restoring", async () => {
    const user = await makeUser(t.db);
    const body = "The totals on the report do not match the ledger at all.";
    const first = await askQuestion(t.db, { authorId: user.id, title: "Totals do not match the ledger report", body, tags: ["tc-ledger", "tc-reports"] });
    await askQuestion(t.db, { authorId: user.id, title: "Ledger export misses the last day", body, tags: ["tc-ledger"] });
    await postAnswer(t.db, { authorId: user.id, questionId: first.id, body: "Check the date filter on the report first." });
    expect(await countsOf("tc-ledger", "tc-reports")).toEqual({ "tc-ledger": 2, "tc-reports": 1 });

    await t.db.update(posts).set({ tags: ["tc-ledger", "tc-exports"] }).where(eq(posts.id, first.id));
    expect(await countsOf("tc-ledger", "tc-reports", "tc-exports")).toEqual({ "tc-ledger": 2, "tc-reports": 0, "tc-exports": 1 });

    await t.db.update(posts).set({ deletedAt: new Date(), deletionReason: "staff" }).where(eq(posts.id, first.id));
    expect(await countsOf("tc-ledger", "tc-exports")).toEqual({ "tc-ledger": 1, "tc-exports": 0 });

    await t.db.update(posts).set({ deletedAt: null, deletionReason: null }).where(eq(posts.id, first.id));
    expect(await countsOf("tc-ledger", "tc-exports")).toEqual({ "tc-ledger": 2, "tc-exports": 1 });
  });
});

// Flags and review decisions at the same instant give exact results. Like concurrency.test.ts,
// this runs on PostgreSQL whenever one is reachable: PGlite runs transactions one at a time and
// proves nothing about locks.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flags, moderationLog, posts, reviewItems } from "../../db/schema";
import { ConflictError } from "~/services/errors";
import { flagPost } from "~/services/flags.server";
import { recount } from "~/services/recount.server";
import { decideReviewItem } from "~/services/review.server";
import { castVote } from "~/services/voting.server";
import { findPostgresServer, planTestDatabase, useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, reputationOf } from "../support/fixtures";

const plan = planTestDatabase(await findPostgresServer());
if (plan.driver === "pglite") console.warn("WARNING: no PostgreSQL reachable: the flag concurrency tests proved NOTHING about row locks.");
const t = useTestDatabase(plan);

describe(`flags and reviews at once on ${plan.label}`, () => {
  it("three spam flags at the same instant hide the answer exactly once", async () => {
    const asker = await makeUser(t.db);
    const author = await makeUser(t.db, { reputation: 100 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, author.id, question.id, "Cheap watches here.");
    const voter = await makeUser(t.db, { reputation: 20 });
    await castVote(t.db, { voterId: voter.id, postId: answer.id, direction: "up" });
    const flaggers = await Promise.all([1, 2, 3].map(() => makeUser(t.db, { reputation: 20 })));

    const results = await Promise.allSettled(flaggers.map((flagger) => flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam" })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(results.filter((result) => result.status === "fulfilled" && result.value.hidden)).toHaveLength(1);

    const [row] = await t.db.select().from(posts).where(eq(posts.id, answer.id));
    expect(row.deletionReason).toBe("hidden_by_flags");
    const [q] = await t.db.select({ answerCount: posts.answerCount }).from(posts).where(eq(posts.id, question.id));
    expect(q.answerCount).toBe(0);
    expect(await reputationOf(t.db, author.id)).toBe(100);
    const hidden = await t.db.select().from(moderationLog).where(and(eq(moderationLog.postId, answer.id), eq(moderationLog.action, "post_hidden")));
    expect(hidden).toHaveLength(1);
    const items = await t.db.select().from(reviewItems).where(eq(reviewItems.postId, answer.id));
    expect(items.map((item) => [item.reason, item.status])).toEqual([["auto_hidden", "open"]]);
    expect(await recount(t.db)).toEqual([]);
  });

  it("one member flagging twice at once records one flag and tells the second click why", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id);
    const flagger = await makeUser(t.db, { reputation: 20 });
    const results = await Promise.allSettled([1, 2].map(() => flagPost(t.db, { flaggerId: flagger.id, postId: question.id, kind: "off_topic" })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await t.db.select().from(flags).where(eq(flags.postId, question.id))).toHaveLength(1);
  });

  it("two staff confirming spam on one item at once: one decision, one penalty, a clear 409 for the other", async () => {
    const asker = await makeUser(t.db);
    const spammer = await makeUser(t.db, { reputation: 250 });
    const question = await makeQuestion(t.db, asker.id);
    const answer = await makeAnswer(t.db, spammer.id, question.id, "Buy followers now.");
    const flagger = await makeUser(t.db, { reputation: 20 });
    await flagPost(t.db, { flaggerId: flagger.id, postId: answer.id, kind: "spam" });
    const [item] = await t.db.select().from(reviewItems).where(and(eq(reviewItems.postId, answer.id), eq(reviewItems.status, "open")));
    const first = await makeUser(t.db, { role: "staff", name: "Ana Staff" });
    const second = await makeUser(t.db, { role: "staff", name: "Ben Staff" });

    const results = await Promise.allSettled(
      [first, second].map((staff) => decideReviewItem(t.db, { reviewerId: staff.id, itemId: item.id, decision: "confirm_spam", note: "spam" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(String(rejected.reason.message)).toMatch(/^Already decided by (Ana|Ben) Staff/);
    expect(await reputationOf(t.db, spammer.id)).toBe(150);
    const confirmed = await t.db.select().from(moderationLog).where(and(eq(moderationLog.postId, answer.id), eq(moderationLog.action, "spam_confirmed")));
    expect(confirmed).toHaveLength(1);
    expect(await recount(t.db)).toEqual([]);
  });
});

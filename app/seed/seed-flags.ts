// Demo moderation on first start: a spam answer with an open spam flag, a needs-staff flag on a
// real answer, and a brand-new member's link-heavy answer held back, so /review has work to show.
// Recorded through the same services the site uses.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, reviewItems } from "../../db/schema";
import { flagPost } from "~/services/flags.server";
import { postAnswer } from "~/services/posting.server";
import { decideReviewItem } from "~/services/review.server";
import { signUp } from "~/services/users.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export async function seedFlags(db: Database, idOf: (key: string) => number, password: string, now: Date) {
  const questions = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.type, "question"), isNull(posts.deletedAt)))
    .orderBy(asc(posts.id))
    .limit(3);
  const answer = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.type, "answer"), isNull(posts.deletedAt)))
    .orderBy(asc(posts.id))
    .limit(1);
  if (questions.length < 3 || answer.length === 0) return;

  // The demo's history: staff looked at each member's first post soon after it appeared.
  const firstPosts = await db.select({ id: reviewItems.id, createdAt: reviewItems.createdAt }).from(reviewItems).where(and(eq(reviewItems.reason, "first_post"), eq(reviewItems.status, "open")));
  for (const item of firstPosts) {
    const at = new Date(Math.min(item.createdAt.getTime() + 6 * HOUR, now.getTime() - 6 * HOUR));
    await decideReviewItem(db, { reviewerId: idOf("staff2"), itemId: item.id, decision: "dismiss", note: "First post looks fine." }, at);
  }

  const spammer = await signUp(
    db,
    { email: "deals4u@example.com", displayName: "Best Deals 4U", password, role: "customer" },
    new Date(now.getTime() - 12 * DAY),
  );
  const spam = await postAnswer(
    db,
    { authorId: spammer.id, questionId: questions[0].id, body: "Stop struggling with invoices! Get 90% off accounting licences today at https://cheap-licences.example and tell your friends." },
    new Date(now.getTime() - 5 * HOUR),
  );
  await flagPost(db, { flaggerId: idOf("super1"), postId: spam.id, kind: "spam", reason: "Advertising a licence reseller." }, new Date(now.getTime() - 4 * HOUR));

  await flagPost(
    db,
    { flaggerId: idOf("super2"), postId: answer[0].id, kind: "needs_staff", reason: "The screenshot link in this answer shows a customer's bank details." },
    new Date(now.getTime() - 3 * HOUR),
  );

  const newcomer = await signUp(
    db,
    { email: "newcomer@example.com", displayName: "Nina Newcomer", password, role: "customer" },
    new Date(now.getTime() - 2 * HOUR),
  );
  await postAnswer(
    db,
    {
      authorId: newcomer.id,
      questionId: questions[1].id,
      body: "I had the same problem. These helped me: https://help.ledgerly.example/exports, https://help.ledgerly.example/csv and https://forum.example/thread/42",
    },
    new Date(now.getTime() - HOUR),
  );
}

// The demo community (seed-if-empty.ts seeds it on a first start), made by replaying the content
// through the real services, so scores, counts and the reputation ledger are exactly what
// users would have produced (and `npm run recount` finds no drift).
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { emailOutbox, kbArticles } from "../../db/schema";
import { ForbiddenError } from "~/services/errors";
import { listCategories } from "~/services/kb-queries.server";
import { recordFeedback } from "~/services/kb-readers.server";
import { changeArticleStatus, promoteAnswer, updateArticle } from "~/services/knowledge-base.server";
import { addComment, askQuestion, editPost, postAnswer } from "~/services/posting.server";
import { refreshSearchStatistics } from "~/services/search/statistics.server";
import { signUp } from "~/services/users.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { demoKnowledgeArticles, demoQuestions, demoUsers } from "./demo-content";
import type { DemoComment } from "./demo-types";
import { seedBadges } from "./seed-badges";
import { seedDeflection } from "./seed-deflection";
import { seedModeration } from "./seed-moderation";
import { seedFlags } from "./seed-flags";
import { seedProfiles } from "./seed-profiles";
import { seedEscalations } from "./seed-escalations";

export const DEMO_PASSWORD = "peerdesk-demo";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Demo members with the reputation to review and edit (see seedLongStandingUpvotes). */
export const LONG_STANDING_MEMBERS = ["super1", "super3"];

/** Seeds the demo community when the database has no user yet; `onSeeding` hears that it starts (it takes a while). */
export async function seedDemoData(db: Database, now = new Date()) {
  // Oldest first, each question at a fixed hour of its day so the order is stable.
  const timeline = demoQuestions
    .map((question, index) => ({ question, index, at: new Date(now.getTime() - question.daysAgo * DAY - ((index * 7) % 20) * HOUR / 4) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  const earliestActivity = new Map<string, number>();
  const touch = (key: string, at: number) => earliestActivity.set(key, Math.min(earliestActivity.get(key) ?? at, at));
  for (const { question, at } of timeline) touch(question.author, at.getTime());

  const idByKey = new Map<string, number>();
  for (const user of demoUsers) {
    const joined = now.getTime() - user.joinedDaysAgo * DAY;
    const createdAt = new Date(Math.min(joined, (earliestActivity.get(user.key) ?? joined) - 2 * DAY));
    const { id } = await signUp(
      db,
      { email: user.email, displayName: user.displayName, password: DEMO_PASSWORD, role: user.role },
      createdAt,
    );
    idByKey.set(user.key, id);
  }
  const idOf = (key: string) => {
    const id = idByKey.get(key);
    if (!id) throw new Error(`demo content refers to unknown user "${key}"`);
    return id;
  };

  // Votes from members who have not yet earned the privilege are skipped, as the site would.
  const tolerate = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
    }
  };
  const vote = async (voters: string[] | undefined, postId: number, direction: "up" | "down", at: number, apart = HOUR) => {
    for (const [i, key] of (voters ?? []).entries()) {
      await tolerate(() => castVote(db, { voterId: idOf(key), postId, direction }, new Date(Math.min(at + (i + 1) * apart, now.getTime()))));
    }
  };
  const comment = async (list: DemoComment[] | undefined, postId: number, at: number) => {
    for (const [i, item] of (list ?? []).entries()) {
      await tolerate(() => addComment(db, { authorId: idOf(item.author), postId, body: item.body }, new Date(Math.min(at + (i + 1) * HOUR / 2, now.getTime()))));
    }
  };

  let answerCount = 0;
  const postsOf = new Map<string, LongStandingPost[]>();
  const acceptedAnswerByQuestionIndex = new Map<number, { answerId: number; authorKey: string; body: string }>();
  for (const { question, index, at } of timeline) {
    const asked = await askQuestion(db, { authorId: idOf(question.author), title: question.title, body: question.body, tags: question.tags }, at);
    const questionVotedBy = [...(question.upvoters ?? []), ...(question.downvoters ?? [])];
    postsOf.set(question.author, [...(postsOf.get(question.author) ?? []), { postId: asked.id, at: at.getTime(), votedBy: questionVotedBy }]);
    await comment(question.comments, asked.id, at.getTime());
    await vote(question.upvoters, asked.id, "up", at.getTime());
    await vote(question.downvoters, asked.id, "down", at.getTime());
    for (const answer of question.answers) {
      const answeredAt = Math.min(at.getTime() + answer.hoursAfter * HOUR, now.getTime());
      const posted = await postAnswer(db, { authorId: idOf(answer.author), questionId: asked.id, body: answer.body }, new Date(answeredAt));
      answerCount++;
      const votedBy = [...(answer.upvoters ?? []), ...(answer.downvoters ?? [])];
      postsOf.set(answer.author, [...(postsOf.get(answer.author) ?? []), { postId: posted.id, at: answeredAt, votedBy }]);
      await comment(answer.comments, posted.id, answeredAt);
      await vote(answer.upvoters, posted.id, "up", answeredAt);
      await vote(answer.downvoters, posted.id, "down", answeredAt);
      if (answer.accepted) {
        acceptedAnswerByQuestionIndex.set(index, { answerId: posted.id, authorKey: answer.author, body: answer.body });
        await acceptAnswer(db, { actorId: idOf(question.author), answerId: posted.id }, new Date(Math.min(answeredAt + 2 * HOUR, now.getTime())));
      }
    }
  }
  await seedLongStandingUpvotes(postsOf, vote, now);
  const articles = await seedKnowledgeBase(db, acceptedAnswerByQuestionIndex, idOf, now);
  await seedDeflection(db, demoUsers.filter((user) => user.role === "customer").map((user) => idOf(user.key)), now);
  await seedFlags(db, idOf, DEMO_PASSWORD, now);
  await seedModeration(db, idOf, now);
  await seedBadges(db, now);
  await seedProfiles(db, idOf);
  await seedEscalations(db, now);
  // The demo members are fictional: the emails their history queued are not for sending.
  await db.delete(emailOutbox);
  // Word rarity for ask-time suggestions, counted over the content just written.
  await refreshSearchStatistics(db, now);
  return { users: demoUsers.length, questions: demoQuestions.length, answers: answerCount, articles };
}

/**
 * Two members whose posts the community has found useful for months: each post got an upvote from
 * most regulars and staff, one a day after it was written, so they hold the reputation to review
 * and to edit others' posts (PRODUCT.md's 500 and 1000), and the README's demo logins can say so
 * truthfully. Through castVote, so the ledger, the daily cap and the voters' own privileges apply.
 * A day apart, not an hour: votes an hour apart crowd one calendar day, where the daily cap takes
 * a share that depends on the hour the demo was seeded, and the promise would hold only some hours.
 */
interface LongStandingPost {
  postId: number;
  at: number;
  /** Who voted on it in the content already: a second vote the same way would take the first back. */
  votedBy: string[];
}

async function seedLongStandingUpvotes(
  postsOf: Map<string, LongStandingPost[]>,
  vote: (voters: string[], postId: number, direction: "up", at: number, apart: number) => Promise<void>,
  now: Date,
) {
  const regulars = demoUsers.map((user) => user.key);
  for (const author of LONG_STANDING_MEMBERS) {
    for (const post of postsOf.get(author) ?? []) {
      const fullDaysSince = Math.floor((now.getTime() - post.at) / DAY) - 1;
      const voters = regulars.filter((key) => key !== author && !post.votedBy.includes(key)).slice(0, Math.max(0, fullDaysSince));
      await vote(voters, post.postId, "up", post.at, DAY);
    }
  }
}

/** Promotes the chosen accepted answers, files and publishes them; one source is edited later. */
async function seedKnowledgeBase(
  db: Database,
  accepted: Map<number, { answerId: number; authorKey: string; body: string }>,
  idOf: (key: string) => number,
  now: Date,
) {
  const categories = await listCategories(db);
  const staffId = idOf("staff1");
  const readers = demoUsers.filter((user) => user.role === "customer").map((user) => idOf(user.key));
  let count = 0;
  for (const [i, item] of demoKnowledgeArticles.entries()) {
    const source = accepted.get(item.questionIndex);
    if (!source) throw new Error(`demo article ${i} points at a question without an accepted answer`);
    const promotedAt = new Date(now.getTime() - (40 - i * 5) * DAY);
    const article = await promoteAnswer(db, { actorId: staffId, answerId: source.answerId }, promotedAt);
    const draft = await db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    const categoryId = categories.find((category) => category.name === item.category)?.id ?? null;
    await updateArticle(
      db,
      { actorId: staffId, articleId: article.id, title: draft[0].title, body: source.body, categoryId, note: "Kept the answer, filed it" },
      new Date(promotedAt.getTime() + HOUR),
    );
    await changeArticleStatus(db, { actorId: staffId, articleId: article.id, change: "publish" }, new Date(promotedAt.getTime() + 2 * HOUR));
    for (const [j, reader] of readers.slice(0, 3 + (i % 4)).entries()) {
      const helpful = (i + j) % 5 !== 0;
      await recordFeedback(db, { articleId: article.id, voter: { userId: reader }, helpful, comment: helpful ? null : "It didn't cover the mobile app." }, new Date(promotedAt.getTime() + (3 + j) * HOUR));
    }
    if (item.needsReview) {
      await editPost(
        db,
        { editorId: idOf(source.authorKey), postId: source.answerId, body: `${source.body}\n\n**Update:** since the latest release this setting has moved to *Settings → Advanced*.`, summary: "Setting moved in the new release" },
        new Date(now.getTime() - 2 * DAY),
      );
    }
    count++;
  }
  return count;
}

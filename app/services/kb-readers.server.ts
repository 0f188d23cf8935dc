// What readers add to an article: "Was this helpful?" votes (with an optional comment) and
// views. "Most helpful" ranks on these counters, so each reader counts once: one vote per
// reader per article, one view per reader per article a day, and ceilings per network address,
// since a script can mint a new visitor cookie with every request.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kbArticleViews, kbArticles, kbFeedback } from "../../db/schema";
import { can } from "~/domain/privileges";
import { requireAllowed } from "./actors.server";
import { NotFoundError, RateLimitedError } from "./errors";
import { articleFacts } from "./knowledge-base.server";
import { hitRateLimit, type RateLimitRule } from "./rate-limits.server";

const HOUR = 60 * 60;

export const KB_READER_LIMITS = {
  /** Votes from signed-out readers on one network address (an office shares one). */
  anonymousFeedbackPerAddress: { limit: 20, windowSeconds: HOUR },
  /** Votes sent without the visitor cookie that reading the article sets: scripts, mostly. */
  cookielessFeedbackPerAddress: { limit: 5, windowSeconds: HOUR },
  /** "What was missing?" comments from one reader, across articles. */
  feedbackCommentsPerReader: { limit: 10, windowSeconds: HOUR },
  /** Views counted from one network address a day, however many visitor cookies it shows. */
  viewsPerAddress: { limit: 200, windowSeconds: 24 * HOUR },
} satisfies Record<string, RateLimitRule>;

/** A signed-in user, or a signed-out visitor known by their cookie's hash (a new one if they sent none). */
export type FeedbackVoter = { userId: number } | { visitorHash: string; address: string; hadCookie: boolean };

const TOO_MUCH_FEEDBACK = "We have received a lot of feedback from your network. Please try again later.";

/** The limits a vote counts against, before anything is written. */
async function hitFeedbackLimits(db: Database, voter: FeedbackVoter, withComment: boolean, now: Date) {
  if (!("userId" in voter)) {
    await hitRateLimit(db, `kb-feedback:address:${voter.address}`, KB_READER_LIMITS.anonymousFeedbackPerAddress, now, TOO_MUCH_FEEDBACK);
    if (!voter.hadCookie) await hitRateLimit(db, `kb-feedback:cookieless:${voter.address}`, KB_READER_LIMITS.cookielessFeedbackPerAddress, now, TOO_MUCH_FEEDBACK);
  }
  if (withComment) {
    const reader = "userId" in voter ? `user:${voter.userId}` : `visitor:${voter.visitorHash}`;
    await hitRateLimit(db, `kb-feedback-comment:${reader}`, KB_READER_LIMITS.feedbackCommentsPerReader, now, "You have sent a lot of comments. Please wait a little.");
  }
}

/** One "Was this helpful?" vote per reader; voting again replaces the vote. Counters move with it. */
export async function recordFeedback(
  db: Database,
  input: { articleId: number; voter: FeedbackVoter; helpful: boolean; comment?: string | null },
  now = new Date(),
) {
  const comment = input.helpful ? null : (input.comment ?? null);
  await hitFeedbackLimits(db, input.voter, comment !== null, now);
  return db.transaction(async (tx) => {
    // The article's row lock makes a reader's parallel votes count one after another.
    const [article] = await tx.select().from(kbArticles).where(eq(kbArticles.id, input.articleId)).for("update");
    if (!article) throw new NotFoundError("That article");
    requireAllowed(can(null, { type: "rateArticle", article: articleFacts(article) }), "That article");
    const voter = input.voter;
    const who = "userId" in voter ? { userId: voter.userId } : { visitorHash: voter.visitorHash };
    const match = "userId" in voter ? eq(kbFeedback.userId, voter.userId) : eq(kbFeedback.visitorHash, voter.visitorHash);
    const [existing] = await tx.select().from(kbFeedback).where(and(eq(kbFeedback.articleId, article.id), match));
    if (existing) {
      await tx.update(kbFeedback).set({ helpful: input.helpful, comment, createdAt: now }).where(eq(kbFeedback.id, existing.id));
    } else {
      await tx.insert(kbFeedback).values({ articleId: article.id, ...who, helpful: input.helpful, comment, createdAt: now });
    }
    const yes = (input.helpful ? 1 : 0) - (existing?.helpful === true ? 1 : 0);
    const no = (input.helpful ? 0 : 1) - (existing?.helpful === false ? 1 : 0);
    await tx
      .update(kbArticles)
      .set({ helpfulYes: sql`${kbArticles.helpfulYes} + ${yes}`, helpfulNo: sql`${kbArticles.helpfulNo} + ${no}` })
      .where(eq(kbArticles.id, article.id));
    return { helpful: input.helpful };
  });
}

/** Who read an article, for counting it once a day. */
export interface ArticleReader {
  /** A user, a visitor cookie, or (for a request without the cookie) the address. */
  readerKey: string;
  /** The hashed network address, for the daily ceiling. */
  address: string;
  /** The visitor cookie this response sets: the same reader's next view, made with it, is not new. */
  newVisitorKey?: string;
}

/** Only today's rows decide anything; a day's margin allows for app servers whose clocks disagree. */
const KEEP_VIEW_ROWS_DAYS = 2;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Counts a view once per reader per article per UTC day; returns whether it counted. Requests
 * without the visitor cookie count once per address: a script that never keeps cookies adds one.
 */
export async function recordView(db: Database, input: { articleId: number } & ArticleReader, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(kbArticleViews)
      .values({ articleId: input.articleId, visitorHash: input.readerKey, day: utcDay(now) })
      .onConflictDoNothing()
      .returning({ day: kbArticleViews.day });
    if (inserted.length === 0) return false;
    if (input.newVisitorKey) {
      await tx.insert(kbArticleViews).values({ articleId: input.articleId, visitorHash: input.newVisitorKey, day: utcDay(now) }).onConflictDoNothing();
    }
    try {
      await hitRateLimit(tx, `kb-view:address:${input.address}`, KB_READER_LIMITS.viewsPerAddress, now);
    } catch (error) {
      // Reading never fails: past the ceiling the view is simply not counted.
      if (error instanceof RateLimitedError) return false;
      throw error;
    }
    await tx
      .update(kbArticles)
      .set({ views: sql`${kbArticles.views} + 1` })
      .where(eq(kbArticles.id, input.articleId));
    // Only the counter is kept for good. Pruning this article's rows only: its row lock, taken
    // just above, already orders its viewers, so this adds no contention.
    const cutoff = utcDay(new Date(now.getTime() - KEEP_VIEW_ROWS_DAYS * 24 * HOUR * 1000));
    await tx.delete(kbArticleViews).where(and(eq(kbArticleViews.articleId, input.articleId), lt(kbArticleViews.day, cutoff)));
    return true;
  });
}

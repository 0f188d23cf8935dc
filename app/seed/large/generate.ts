// Generates one slice of the large data set as plain rows, with ids chosen here so a question,
// its answers and its accepted answer go into the database in one statement. Pure apart from the
// reputation state it is handed (the running totals the daily cap and the floor need).
import { RENDERER_VERSION } from "~/lib/markdown.server";
import { appliedDelta, REPUTATION_RULES, type ReputationReason } from "~/domain/reputation";
import { SUPPORT_VOCABULARY, supportWords, zipfRank } from "../support-text";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Answers per question, 0..8: many with 1-3, some unanswered, a few long threads.
const ANSWER_COUNT_WEIGHTS = [0.14, 0.26, 0.22, 0.15, 0.09, 0.06, 0.04, 0.02, 0.02];
const ACCEPT_CHANCE = 0.45;
const UPVOTE_CHANCE = 0.88;

/** 400 tag names, ranked: the vocabulary's words, then product-area names. Drawn Zipf-like, so a
 * few tags carry most questions and most tags few (the long tail). */
export const TAG_POOL = [...new Set(SUPPORT_VOCABULARY)].concat(Array.from({ length: 400 }, (_, i) => `area-${i + 1}`)).slice(0, 400);

export interface SeedPlan {
  firstUserId: number;
  userCount: number;
  /** Questions are spread evenly from `startsAt` to `endsAt`. */
  startsAt: number;
  endsAt: number;
  totalQuestions: number;
}

export interface UserLedger {
  current: number;
  day: number;
  cappedGainToday: number;
}

export interface SliceRows {
  posts: PostRow[];
  votes: { postId: number; voterId: number; value: number; createdAt: Date }[];
  comments: { postId: number; authorId: number; body: string; createdAt: Date }[];
  revisions: { postId: number; revisionNumber: number; editorId: number; title: string | null; tags: string[] | null; bodyMarkdown: string; createdAt: Date }[];
  reputationEvents: {
    userId: number;
    reason: ReputationReason;
    delta: number;
    postId: number;
    actorId: number | null;
    countsTowardDailyCap: boolean;
    createdAt: Date;
  }[];
}

export interface PostRow {
  id: number;
  type: "question" | "answer";
  questionId: number | null;
  authorId: number;
  title: string | null;
  tags: string[];
  bodyMarkdown: string;
  bodyHtml: string;
  rendererVersion: number;
  score: number;
  answerCount: number;
  acceptedAnswerId: number | null;
  createdAt: Date;
  lastActivityAt: Date;
}

export function emptySlice(): SliceRows {
  return { posts: [], votes: [], comments: [], revisions: [], reputationEvents: [] };
}

export class SliceGenerator {
  constructor(
    private readonly plan: SeedPlan,
    private readonly random: () => number,
    private readonly ledgers: Map<number, UserLedger>,
  ) {}

  /** Question number `index` (0-based in this run) with its answers, votes, comments and ledger rows. */
  addQuestion(rows: SliceRows, index: number, questionId: number, nextPostId: () => number) {
    const { plan, random } = this;
    const askedAt = plan.startsAt + ((plan.endsAt - plan.startsAt) * index) / plan.totalQuestions;
    const askerId = this.activeUser();
    const title = this.title();
    const tags = this.tags();
    const body = this.paragraphs(2, 40);
    const question: PostRow = this.post(questionId, "question", null, askerId, title, tags, body, askedAt);
    rows.posts.push(question);

    const answerCount = pick(random, ANSWER_COUNT_WEIGHTS);
    let lastActivity = askedAt;
    const answers: PostRow[] = [];
    for (let a = 0; a < answerCount; a++) {
      const answeredAt = this.later(askedAt, 2 * DAY);
      const answer = this.post(nextPostId(), "answer", questionId, this.activeUser(), null, [], this.paragraphs(1, 30), answeredAt);
      answers.push(answer);
      rows.posts.push(answer);
      lastActivity = Math.max(lastActivity, answeredAt);
    }
    question.answerCount = answerCount;
    question.lastActivityAt = new Date(lastActivity);

    for (const post of [question, ...answers]) {
      this.vote(rows, post);
      this.comment(rows, post);
      rows.revisions.push({
        postId: post.id,
        revisionNumber: 1,
        editorId: post.authorId,
        title: post.title,
        tags: post.type === "question" ? post.tags : null,
        bodyMarkdown: post.bodyMarkdown,
        createdAt: post.createdAt,
      });
    }

    if (answers.length > 0 && random() < ACCEPT_CHANCE) {
      const accepted = answers[Math.floor(random() * answers.length)];
      question.acceptedAnswerId = accepted.id;
      // Accepting your own answer earns nothing (acceptEvents); the accept still stands.
      if (accepted.authorId !== askerId) {
        const at = this.later(accepted.createdAt.getTime(), 3 * DAY);
        this.earn(rows, accepted.authorId, "answer_accepted", accepted.id, null, at);
        this.earn(rows, askerId, "accepted_an_answer", accepted.id, null, at);
      }
    }
  }

  private post(id: number, type: PostRow["type"], questionId: number | null, authorId: number, title: string | null, tags: string[], body: string, at: number): PostRow {
    return {
      id,
      type,
      questionId,
      authorId,
      title,
      tags,
      bodyMarkdown: body,
      // The words are plain letters and digits, so the rendered form is the paragraphs, unescaped.
      bodyHtml: body
        .split("\n\n")
        .map((paragraph) => `<p>${paragraph}</p>`)
        .join("\n"),
      rendererVersion: RENDERER_VERSION,
      score: 0,
      answerCount: 0,
      acceptedAnswerId: null,
      createdAt: new Date(at),
      lastActivityAt: new Date(at),
    };
  }

  /** Votes from distinct members who are not the author; their number is skewed (most posts few). */
  private vote(rows: SliceRows, post: PostRow) {
    const count = Math.min(40, Math.floor(-Math.log(1 - this.random()) * (post.type === "question" ? 2.5 : 2)));
    const voters = new Set<number>();
    for (let i = 0; i < count * 3 && voters.size < count; i++) {
      const voter = this.anyUser();
      if (voter !== post.authorId) voters.add(voter);
    }
    for (const voterId of voters) {
      const value = this.random() < UPVOTE_CHANCE ? 1 : -1;
      const at = this.later(post.createdAt.getTime(), 20 * DAY);
      rows.votes.push({ postId: post.id, voterId, value, createdAt: new Date(at) });
      post.score += value;
      // The same events castVote writes (voteEvents): to the author, and a cost to whoever downvotes an answer.
      this.earn(rows, post.authorId, value === 1 ? "post_upvoted" : "post_downvoted", post.id, voterId, at);
      if (value === -1 && post.type === "answer") this.earn(rows, voterId, "answer_downvote_cast", post.id, voterId, at);
    }
  }

  private comment(rows: SliceRows, post: PostRow) {
    if (this.random() < 0.6) return;
    const count = 1 + Math.floor(-Math.log(1 - this.random()));
    for (let i = 0; i < count; i++) {
      const at = this.later(post.createdAt.getTime(), DAY);
      rows.comments.push({ postId: post.id, authorId: this.activeUser(), body: `${capitalise(supportWords(this.random, 6 + Math.floor(this.random() * 14)))}?`, createdAt: new Date(at) });
    }
  }

  /** One ledger row, applied as the services apply it: vote gains stop at the daily cap, nothing goes below the floor. */
  private earn(rows: SliceRows, userId: number, reason: Exclude<ReputationReason, "reversal">, postId: number, actorId: number | null, at: number) {
    const rule = REPUTATION_RULES[reason];
    const ledger = this.ledgers.get(userId) ?? { current: 1, day: -1, cappedGainToday: 0 };
    const day = Math.floor(at / DAY);
    if (ledger.day !== day) Object.assign(ledger, { day, cappedGainToday: 0 });
    const delta = appliedDelta(rule.points, rule.capped, ledger);
    ledger.current += delta;
    if (rule.capped) ledger.cappedGainToday += delta;
    this.ledgers.set(userId, ledger);
    rows.reputationEvents.push({ userId, reason, delta, postId, actorId, countsTowardDailyCap: rule.capped, createdAt: new Date(at) });
  }

  /** Writers are skewed: a few members write much of the forum. */
  private activeUser() {
    return this.plan.firstUserId + zipfRank(this.random, this.plan.userCount) - 1;
  }

  /** Voters are spread over everyone. */
  private anyUser() {
    return this.plan.firstUserId + Math.floor(this.random() * this.plan.userCount);
  }

  private later(from: number, typical: number) {
    return Math.min(this.plan.endsAt, from + Math.floor(-Math.log(1 - this.random()) * typical) + 60_000);
  }

  private title() {
    const words = supportWords(this.random, 3 + Math.floor(this.random() * 6));
    const shapes = [`How do I ${words}?`, `Why is ${words} wrong?`, `${capitalise(words)} not working`, `Can I ${words}?`, `${capitalise(words)} after update`];
    return shapes[Math.floor(this.random() * shapes.length)];
  }

  private tags() {
    const count = 1 + Math.floor(this.random() * 3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(TAG_POOL[zipfRank(this.random, TAG_POOL.length) - 1]);
    return [...chosen];
  }

  private paragraphs(maxExtra: number, words: number) {
    const count = 1 + Math.floor(this.random() * (maxExtra + 1));
    return Array.from({ length: count }, () => `${capitalise(supportWords(this.random, words / 2 + Math.floor(this.random() * words)))}.`).join("\n\n");
  }
}

function pick(random: () => number, weights: number[]) {
  let r = random();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

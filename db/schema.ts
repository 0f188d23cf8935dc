// The whole database schema. Counters (score, answer_count, reputation) are caches of the
// rows they count (votes, answers, reputation_events); `npm run recount` proves them equal.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  jsonb,
  type AnyPgColumn,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

import {
  BADGE_TIERS,
  CLOSE_REASONS,
  CLOSE_VOTE_KINDS,
  CLOSE_VOTE_STATUSES,
  DELETION_REASONS,
  FLAG_KINDS,
  FLAG_STATUSES,
  MODERATION_ACTIONS,
  REVIEW_REASONS,
  REVIEW_STATUSES,
} from "../app/domain/moderation";
import { EMAIL_DELIVERIES } from "../app/domain/email-delivery";
import { ESCALATION_REASONS, ESCALATION_STAGES } from "../app/domain/escalation-stages";
import { ROLES } from "../app/domain/roles";

export type { Role } from "../app/domain/roles";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
// Millisecond precision, as JavaScript's Date has: keyset cursors built from a Date must compare
// exactly with the stored value, or rows that differ only in microseconds are skipped.
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("customer"),
    reputation: integer("reputation").notNull().default(1),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** A cache of the newest suspension in `suspensions`: the guard reads it with the actor. */
    suspendedUntil: timestamptz("suspended_until"),
    suspensionReason: text("suspension_reason"),
    /** What a member says about themselves on their profile (all optional, plain text; website an http(s) URL). */
    bio: text("bio"),
    location: text("location"),
    website: text("website"),
    /** Set when the member deleted their account: the row stays so their posts keep an author, scrubbed of their data. */
    deletedAt: timestamptz("deleted_at"),
    /** The name as people would read it: case, width, spacing and invisible characters ignored,
     * so "Maya Okafor" and "maya  okafor" + U+200B are one name and the second is taken. */
    displayNameKey: text("display_name_key").generatedAlwaysAs(sql`peerdesk_name_key(display_name)`),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_display_name_key_unique").on(t.displayNameKey),
    index("users_reputation_idx").on(t.reputation, t.id),
    check("users_role_check", sql`${t.role} in ('customer', 'staff', 'admin')`),
    check("users_reputation_floor", sql`${t.reputation} >= 1`),
  ],
);

// Lucia session guide: the id is the SHA-256 of the token in the cookie, so a leaked
// database does not leak usable sessions.
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamptz("expires_at").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** For the member's list of their sessions: roughly when it was last used, and by what browser. */
    lastSeenAt: timestamptz("last_seen_at"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Single-use emailed links for an existing account: a password reset, or a change of email
 * (confirmed at the new address, held in `newEmail`). Only the token's SHA-256 is stored.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: serial("id").primaryKey(),
    purpose: text("purpose", { enum: ["password_reset", "email_change"] }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    newEmail: text("new_email"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [
    uniqueIndex("account_tokens_token_unique").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_purpose_check", sql`${t.purpose} in ('password_reset', 'email_change')`),
  ],
);

/**
 * Every tag in use, with how many live questions carry it (kept by a trigger on posts, so every
 * write path counts) and a short description staff write. /tags and tag pages read it.
 */
export const tags = pgTable(
  "tags",
  {
    name: text("name").primaryKey(),
    description: text("description"),
    questionCount: integer("question_count").notNull().default(0),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    descriptionUpdatedAt: timestamptz("description_updated_at"),
    descriptionUpdatedBy: integer("description_updated_by").references(() => users.id),
  },
  (t) => [index("tags_question_count_idx").on(t.questionCount, t.name), check("tags_question_count_floor", sql`${t.questionCount} >= 0`)],
);

/** Questions and answers share one table (as on Stack Exchange) so votes, comments,
 * revisions and the reputation ledger can point at any post with one foreign key. */
export const posts = pgTable(
  "posts",
  {
    id: serial("id").primaryKey(),
    type: text("type", { enum: ["question", "answer"] }).notNull(),
    questionId: integer("question_id"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    bodyMarkdown: text("body_markdown").notNull(),
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    score: integer("score").notNull().default(0),
    answerCount: integer("answer_count").notNull().default(0),
    acceptedAnswerId: integer("accepted_answer_id"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    lastActivityAt: timestamptz("last_activity_at").notNull().defaultNow(),
    editedAt: timestamptz("edited_at"),
    deletedAt: timestamptz("deleted_at"),
    /** Who took the post out of sight (null: the system, e.g. flags) and why (DELETION_REASONS). */
    deletedBy: integer("deleted_by").references((): AnyPgColumn => users.id),
    deletionReason: text("deletion_reason", { enum: DELETION_REASONS }),
    // Questions only: closed (no new answers), a duplicate of another, locked (no answers, comments or votes).
    closedAt: timestamptz("closed_at"),
    closeReason: text("close_reason", { enum: CLOSE_REASONS }),
    duplicateOfId: integer("duplicate_of_id"),
    lockedAt: timestamptz("locked_at"),
    // Answers only: staff vouch for it (distinct from the asker's accept; counts as solved).
    staffVerifiedAt: timestamptz("staff_verified_at"),
    staffVerifiedBy: integer("staff_verified_by").references((): AnyPgColumn => users.id),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', peerdesk_tags_text(tags)), 'B') || setweight(to_tsvector('english', body_markdown), 'C')`,
    ),
  },
  (t) => [
    foreignKey({ name: "posts_question_fk", columns: [t.questionId], foreignColumns: [t.id] }),
    foreignKey({ name: "posts_accepted_answer_fk", columns: [t.acceptedAnswerId], foreignColumns: [t.id] }),
    foreignKey({ name: "posts_duplicate_of_fk", columns: [t.duplicateOfId], foreignColumns: [t.id] }),
    index("posts_duplicate_of_idx").on(t.duplicateOfId).where(sql`duplicate_of_id is not null`),
    // "Solved" asks whether a question has a live staff-verified answer: a tiny index, so that
    // check is a probe and never a scan of every post (lists went from 5 to 470 ms without it).
    index("answers_staff_verified_idx").on(t.questionId).where(sql`type = 'answer' and staff_verified_at is not null and deleted_at is null`),
    check("posts_type_check", sql`${t.type} in ('question', 'answer')`),
    check(
      "posts_shape_check",
      sql`(${t.type} = 'question' and ${t.questionId} is null and ${t.title} is not null) or (${t.type} = 'answer' and ${t.questionId} is not null and ${t.title} is null)`,
    ),
    // Keyset pagination indexes for each question-list sort (live questions only). Ascending on
    // purpose: scanned backwards they give exactly ORDER BY ... DESC (NULLS FIRST), which an
    // index declared "DESC NULLS LAST" would not match.
    index("questions_newest_idx").on(t.createdAt, t.id).where(sql`type = 'question' and deleted_at is null`),
    index("questions_active_idx").on(t.lastActivityAt, t.id).where(sql`type = 'question' and deleted_at is null`),
    index("questions_top_idx").on(t.score, t.id).where(sql`type = 'question' and deleted_at is null`),
    index("questions_unanswered_idx").on(t.createdAt, t.id).where(sql`type = 'question' and deleted_at is null and answer_count = 0`),
    index("questions_tags_idx").using("gin", t.tags).where(sql`type = 'question'`),
    index("answers_question_idx").on(t.questionId).where(sql`type = 'answer'`),
    index("posts_author_idx").on(t.authorId, t.type, t.createdAt),
    // One full-text index per kind, over live posts only: a search names its kind and "not
    // deleted", so it reads one small index instead of intersecting a big one with another.
    // fastupdate off: every search would otherwise also scan the list of entries not yet merged
    // (up to 4 MB until the next vacuum); posting pays the merge instead, once.
    index("questions_search_idx").using("gin", t.searchVector).with({ fastupdate: false }).where(sql`type = 'question' and deleted_at is null`),
    index("answers_search_idx").using("gin", t.searchVector).with({ fastupdate: false }).where(sql`type = 'answer' and deleted_at is null`),
    // Trigram index on question titles: typo-tolerant title matches and "did you mean" similarity.
    index("questions_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`).where(sql`type = 'question'`),
  ],
);

export const votes = pgTable(
  "votes",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    voterId: integer("voter_id")
      .notNull()
      .references(() => users.id),
    value: smallint("value").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.voterId] }),
    index("votes_voter_idx").on(t.voterId),
    check("votes_value_check", sql`${t.value} in (-1, 1)`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: serial("id").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [index("comments_post_idx").on(t.postId, t.createdAt)],
);

/** Every version of every post, the first included: nothing written is ever lost. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: serial("id").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    revisionNumber: integer("revision_number").notNull(),
    editorId: integer("editor_id")
      .notNull()
      .references(() => users.id),
    title: text("title"),
    tags: text("tags").array(),
    bodyMarkdown: text("body_markdown").notNull(),
    summary: text("summary"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("post_revisions_number_unique").on(t.postId, t.revisionNumber),
    // The Editor badges count a member's edits of others' posts: without it, every check (after
    // each edit, and per member in a backfill) read every revision of the forum.
    index("post_revisions_editor_idx").on(t.editorId).where(sql`${t.revisionNumber} > 1`),
  ],
);

/** Append-only reputation ledger. `delta` is what was applied after the daily cap and the
 * floor; a reversal row points at the row it reverses and carries the opposite amount. */
export const reputationEvents = pgTable(
  "reputation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    delta: integer("delta").notNull(),
    postId: integer("post_id").references(() => posts.id),
    actorId: integer("actor_id").references(() => users.id),
    countsTowardDailyCap: boolean("counts_toward_daily_cap").notNull().default(false),
    reversesId: bigint("reverses_id", { mode: "number" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("reputation_events_user_idx").on(t.userId, t.createdAt),
    index("reputation_events_post_idx").on(t.postId, t.actorId, t.reason),
    uniqueIndex("reputation_events_reversal_unique").on(t.reversesId),
  ],
);

/** A browser that has logged in to an account before: a random token in a cookie, stored as its
 * SHA-256. A login from such a browser is exempt from the per-account ceiling, so strangers
 * guessing passwords cannot lock the owner out. */
export const loginDevices = pgTable(
  "login_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    lastUsedAt: timestamptz("last_used_at").notNull().defaultNow(),
  },
  (t) => [index("login_devices_user_idx").on(t.userId)],
);

/** A sign-up waiting for its emailed link: the account exists only once the link is opened, so
 * the sign-up form answers the same whether or not the email already has an account. */
export const signupRequests = pgTable(
  "signup_requests",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [uniqueIndex("signup_requests_token_unique").on(t.tokenHash), index("signup_requests_email_idx").on(t.email)],
);

/** Fixed-window counters shared by every app process (login, sign-up, posting limits). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamptz("window_start").notNull(),
  count: integer("count").notNull(),
});

export type User = typeof users.$inferSelect;
export type Post = typeof posts.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Knowledge base: staff promote answers into articles that customers read and rate.

export const kbCategories = pgTable(
  "kb_categories",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("kb_categories_slug_unique").on(t.slug), uniqueIndex("kb_categories_name_unique").on(t.name)],
);

export const kbArticles = pgTable(
  "kb_articles",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    categoryId: integer("category_id").references(() => kbCategories.id),
    status: text("status", { enum: ["draft", "published", "archived"] }).notNull().default("draft"),
    sourceQuestionId: integer("source_question_id").references(() => posts.id),
    sourceAnswerId: integer("source_answer_id").references(() => posts.id),
    /** The answer's revision the article was made from: the base of the "what changed" diff. */
    sourceRevisionNumber: integer("source_revision_number"),
    creditedUserId: integer("credited_user_id").references(() => users.id),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    publishedAt: timestamptz("published_at"),
    lastVerifiedAt: timestamptz("last_verified_at"),
    lastVerifiedById: integer("last_verified_by_id").references(() => users.id),
    views: integer("views").notNull().default(0),
    helpfulYes: integer("helpful_yes").notNull().default(0),
    helpfulNo: integer("helpful_no").notNull().default(0),
    deletedAt: timestamptz("deleted_at"),
    /** Title A, body C: the same weights as questions so ranks compare across kinds. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body_markdown), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("kb_articles_slug_unique").on(t.slug),
    index("kb_articles_search_idx").using("gin", t.searchVector).with({ fastupdate: false }),
    index("kb_articles_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    // One live article per answer: promoting twice finds the first.
    uniqueIndex("kb_articles_source_answer_unique").on(t.sourceAnswerId).where(sql`deleted_at is null`),
    index("kb_articles_category_idx").on(t.categoryId, t.status),
    index("kb_articles_published_idx").on(t.publishedAt, t.id).where(sql`status = 'published' and deleted_at is null`),
    check("kb_articles_status_check", sql`${t.status} in ('draft', 'published', 'archived')`),
  ],
);

/** One row per reader per article per day, so a view counts once a day and reloads add nothing.
 * Rows older than a couple of days are pruned; only the counter on kb_articles is kept. */
export const kbArticleViews = pgTable(
  "kb_article_views",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => kbArticles.id),
    visitorHash: text("visitor_hash").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.visitorHash, t.day] }), index("kb_article_views_day_idx").on(t.day)],
);

/** Old slugs keep working after a rename: they redirect to the article. */
export const kbSlugRedirects = pgTable("kb_slug_redirects", {
  slug: text("slug").primaryKey(),
  articleId: integer("article_id")
    .notNull()
    .references(() => kbArticles.id),
});

export const kbArticleRevisions = pgTable(
  "kb_article_revisions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => kbArticles.id),
    revisionNumber: integer("revision_number").notNull(),
    editorId: integer("editor_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    categoryId: integer("category_id"),
    note: text("note"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kb_article_revisions_number_unique").on(t.articleId, t.revisionNumber)],
);

/** "Was this helpful?": one vote per signed-in user or per anonymous visitor (a cookie's hash). */
export const kbFeedback = pgTable(
  "kb_feedback",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => kbArticles.id),
    userId: integer("user_id").references(() => users.id),
    visitorHash: text("visitor_hash"),
    helpful: boolean("helpful").notNull(),
    comment: text("comment"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("kb_feedback_user_unique").on(t.articleId, t.userId).where(sql`user_id is not null`),
    uniqueIndex("kb_feedback_visitor_unique").on(t.articleId, t.visitorHash).where(sql`visitor_hash is not null`),
    check("kb_feedback_voter_check", sql`(${t.userId} is not null) <> (${t.visitorHash} is not null)`),
  ],
);

/** What happened to a member's content, shown on their profile. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    link: text("link"),
    /** Who acted (null for the system: a badge); never the recipient. */
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    postId: integer("post_id").references(() => posts.id, { onDelete: "cascade" }),
    /** What the notice is about ("answer:42"): one notice per recipient and thing, however often the event fires. */
    dedupeKey: text("dedupe_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    readAt: timestamptz("read_at"),
    /** Waiting for the recipient's daily digest email (their preference for this kind when it was written). */
    emailDigest: boolean("email_digest").notNull().default(false),
    /** When it went out by email (instantly, or in a digest); null if it has not, or never will. */
    emailedAt: timestamptz("emailed_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt, t.id),
    // The digest job reads only notices still waiting for a digest, oldest first.
    index("notifications_digest_due_idx").on(t.createdAt).where(sql`email_digest and emailed_at is null`),
    uniqueIndex("notifications_dedupe_unique").on(t.userId, t.dedupeKey),
    // The bell's unread count reads only unread rows.
    index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`),
  ],
);

/**
 * How a member wants each kind of notification by email: at once, in a daily digest, or not at
 * all. No row: the kind's default (app/domain/email-notifications.ts).
 */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    delivery: text("delivery", { enum: EMAIL_DELIVERIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("email_preferences_delivery_check", sql`${t.delivery} in ('instant', 'daily', 'off')`)],
);

/**
 * Keys the site signs with (unsubscribe links), made once on first use and kept in the database,
 * so every app process agrees on them without any setting to configure.
 */
export const siteKeys = pgTable("site_keys", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
});

/**
 * The escalation ladder's clock, in one row an admin can change: how long the community has
 * before tag experts are asked, how long experts have before staff, and how long staff have.
 * Only questions asked since `started_at` climb it, so turning it on never floods staff with
 * years of old unanswered questions.
 */
export const escalationSettings = pgTable(
  "escalation_settings",
  {
    id: smallint("id").primaryKey().default(1),
    communityMinutes: integer("community_minutes").notNull().default(240),
    expertMinutes: integer("expert_minutes").notNull().default(720),
    staffMinutes: integer("staff_minutes").notNull().default(1440),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
  },
  (t) => [check("escalation_settings_one_row", sql`${t.id} = 1`), check("escalation_settings_positive", sql`${t.communityMinutes} > 0 and ${t.expertMinutes} > 0 and ${t.staffMinutes} > 0`)],
);

/**
 * Where a question stands on the ladder once it has left the community: offered to tag experts,
 * or in the staff queue (with when staff will have looked at it). One row per question; the
 * private note is the asker's, for staff only, and lives here so no query of posts can leak it.
 */
export const questionEscalations = pgTable(
  "question_escalations",
  {
    questionId: integer("question_id")
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: ESCALATION_STAGES }).notNull(),
    reason: text("reason", { enum: ESCALATION_REASONS }).notNull(),
    /** When it reached the stage it is on. */
    stageAt: timestamptz("stage_at").notNull(),
    /** In the staff queue: when staff will have looked at it by. */
    staffDueAt: timestamptz("staff_due_at"),
    privateNote: text("private_note"),
    /** Answered, solved, closed or deleted: off the ladder. */
    resolvedAt: timestamptz("resolved_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("question_escalations_open_idx").on(t.stage, t.stageAt).where(sql`resolved_at is null`),
    check("question_escalations_stage_check", sql`${t.stage} in ('experts', 'staff')`),
    check("question_escalations_reason_check", sql`${t.reason} in ('unanswered', 'requested')`),
  ],
);

/** Members following a question: they hear of each new answer. The asker follows their own by default. */
export const questionFollows = pgTable(
  "question_follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId] }), index("question_follows_question_idx").on(t.questionId)],
);

/** Members following a tag: they hear of each new question in it. */
export const tagFollows = pgTable(
  "tag_follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] }), index("tag_follows_tag_idx").on(t.tag)],
);

/**
 * How many live questions and published articles contain each lexeme: the rarity (IDF) that
 * ask-time suggestions weigh words by, and that lets them look only where the rare words are.
 * A snapshot, rebuilt by refreshSearchStatistics (app/services/search/statistics.server.ts).
 */
export const searchLexemes = pgTable("search_lexemes", {
  lexeme: text("lexeme").primaryKey(),
  documents: integer("documents").notNull(),
});

/** The size of the collection the snapshot above was counted over, and when (one row). */
export const searchCorpus = pgTable(
  "search_corpus",
  {
    id: smallint("id").primaryKey().default(1),
    documents: integer("documents").notNull(),
    refreshedAt: timestamptz("refreshed_at").notNull(),
  },
  (t) => [check("search_corpus_single_row", sql`${t.id} = 1`)],
);

/**
 * The side column's "Related" list of a question, worked out by the similarity ranking (a search
 * over the whole forum, the costliest read a question page made) and kept: ids only, in rank
 * order, so titles, answer counts and deletions are read live. Recomputed when a day old or when
 * the question's title or tags change (source_key). Not a content table: writing it tells no cache.
 */
export const relatedPosts = pgTable("related_posts", {
  questionId: integer("question_id")
    .primaryKey()
    .references(() => posts.id, { onDelete: "cascade" }),
  items: jsonb("items").$type<{ kind: "question" | "article"; id: number }[]>().notNull(),
  sourceKey: text("source_key").notNull(),
  computedAt: timestamptz("computed_at").notNull(),
});

/**
 * An article's "Related articles", kept the same way (the ranking compares the article with every
 * published one: 80 ms of PostgreSQL at 5,000 articles). Ids in rank order; titles and
 * publication are read live. Recomputed when a day old or when the title changes.
 */
export const relatedArticleLists = pgTable("related_article_lists", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => kbArticles.id, { onDelete: "cascade" }),
  articleIds: integer("article_ids").array().notNull(),
  sourceKey: text("source_key").notNull(),
  computedAt: timestamptz("computed_at").notNull(),
});

/**
 * Transactional outbox: an email is queued in the same transaction as the change it reports, and
 * any app process delivers it later (FOR UPDATE SKIP LOCKED), retrying with back-off.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial("id").primaryKey(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamptz("sent_at"),
    /** One-click unsubscribe address (RFC 8058), sent as List-Unsubscribe with List-Unsubscribe-Post. */
    unsubscribeUrl: text("unsubscribe_url"),
  },
  (t) => [index("email_outbox_pending_idx").on(t.nextAttemptAt, t.id).where(sql`sent_at is null`)],
);

// ---------------------------------------------------------------------------------------------
// Deflection: what ask-time suggestions did for one visit to the ask page (an "ask session").
// Facts only; "abandoned after opening a suggestion" is derived from them when reported.

export const DEFLECTION_EVENT_KINDS = ["suggestions_shown", "suggestion_opened", "solved", "question_posted"] as const;
export type DeflectionEventKind = (typeof DEFLECTION_EVENT_KINDS)[number];

export const deflectionEvents = pgTable(
  "deflection_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    askSession: text("ask_session").notNull(),
    kind: text("kind", { enum: DEFLECTION_EVENT_KINDS }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    visitorHash: text("visitor_hash"),
    // The suggestion opened or marked solved ("article" or "question"), or the question posted.
    targetKind: text("target_kind").notNull().default(""),
    targetId: integer("target_id").notNull().default(0),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    // One fact per session, kind and target: reloads and double clicks count once.
    uniqueIndex("deflection_events_once").on(t.askSession, t.kind, t.targetKind, t.targetId),
    index("deflection_events_created_idx").on(t.createdAt),
    check("deflection_events_kind", sql`${t.kind} in ('suggestions_shown', 'suggestion_opened', 'solved', 'question_posted')`),
  ],
);

/** Searches that found nothing: the normalised query and how often, never who asked. */
export const searchMisses = pgTable("search_misses", {
  query: text("query").primaryKey(),
  count: integer("count").notNull().default(1),
  firstSeenAt: timestamptz("first_seen_at").notNull().defaultNow(),
  lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
}, (t) => [index("search_misses_last_seen_idx").on(t.lastSeenAt)]);

// ---------------------------------------------------------------------------------------------
// Moderation and trust (vocabulary and knobs: app/domain/moderation.ts).

/** A member's report that a post or comment is wrong. One open flag per flagger per target. */
export const flags = pgTable(
  "flags",
  {
    id: serial("id").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    /** Set when the flag is about a comment (postId is then the comment's post). */
    commentId: integer("comment_id").references(() => comments.id),
    flaggerId: integer("flagger_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: FLAG_KINDS }).notNull(),
    /** The flagger's words ("other" needs them). */
    reason: text("reason"),
    duplicateOfId: integer("duplicate_of_id").references(() => posts.id),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("open"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    resolvedAt: timestamptz("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("flags_one_open_on_post").on(t.flaggerId, t.postId).where(sql`status = 'open' and comment_id is null`),
    uniqueIndex("flags_one_open_on_comment").on(t.flaggerId, t.commentId).where(sql`status = 'open' and comment_id is not null`),
    index("flags_post_idx").on(t.postId, t.status),
    index("flags_flagger_idx").on(t.flaggerId, t.createdAt),
    check("flags_kind_check", sql`${t.kind} in ('spam', 'abusive', 'off_topic', 'needs_staff', 'duplicate', 'other')`),
    check("flags_status_check", sql`${t.status} in ('open', 'helpful', 'declined')`),
  ],
);

/** The review queue: one open item per post or comment; deciding it is one conditional update. */
export const reviewItems = pgTable(
  "review_items",
  {
    id: serial("id").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id),
    commentId: integer("comment_id").references(() => comments.id),
    reason: text("reason", { enum: REVIEW_REASONS }).notNull(),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("open"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    decidedAt: timestamptz("decided_at"),
    decidedBy: integer("decided_by").references(() => users.id),
    /** What the reviewer did (a MODERATION_ACTIONS value) and why. */
    decision: text("decision"),
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("review_items_one_open_on_post").on(t.postId).where(sql`status = 'open' and comment_id is null`),
    uniqueIndex("review_items_one_open_on_comment").on(t.commentId).where(sql`status = 'open' and comment_id is not null`),
    index("review_items_queue_idx").on(t.createdAt, t.id).where(sql`status = 'open'`),
    check("review_items_status_check", sql`${t.status} in ('open', 'decided')`),
  ],
);

/** Every moderation action, by staff or by the system (actor null). Append-only: a trigger refuses
 * updates and deletes, so nobody can rewrite what happened. */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action", { enum: MODERATION_ACTIONS }).notNull(),
    targetUserId: integer("target_user_id").references(() => users.id),
    postId: integer("post_id").references(() => posts.id),
    commentId: integer("comment_id").references(() => comments.id),
    reason: text("reason"),
    /** Facts worth keeping with the entry (e.g. the votes a serial-voting reversal undid). */
    details: jsonb("details"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_created_idx").on(t.createdAt, t.id),
    index("moderation_log_actor_idx").on(t.actorId, t.createdAt),
    index("moderation_log_target_idx").on(t.targetUserId, t.createdAt),
  ],
);

/** Votes to close or reopen a question, one open vote per voter and kind; they expire. */
export const closeVotes = pgTable(
  "close_votes",
  {
    id: serial("id").primaryKey(),
    questionId: integer("question_id")
      .notNull()
      .references(() => posts.id),
    voterId: integer("voter_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: CLOSE_VOTE_KINDS }).notNull(),
    reason: text("reason", { enum: CLOSE_REASONS }),
    duplicateOfId: integer("duplicate_of_id").references(() => posts.id),
    status: text("status", { enum: CLOSE_VOTE_STATUSES }).notNull().default("open"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("close_votes_one_open").on(t.questionId, t.voterId, t.kind).where(sql`status = 'open'`),
    index("close_votes_question_idx").on(t.questionId, t.kind, t.status),
  ],
);

/** Every suspension ever set (users.suspended_until caches the current one). */
export const suspensions = pgTable(
  "suspensions",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    staffId: integer("staff_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    liftedAt: timestamptz("lifted_at"),
    liftedBy: integer("lifted_by").references(() => users.id),
  },
  (t) => [index("suspensions_user_idx").on(t.userId, t.startsAt)],
);

/** Badges earned; the rules and names are data in app/domain/badges.ts, keyed by slug. */
export const userBadges = pgTable(
  "user_badges",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    badge: text("badge").notNull(),
    tier: text("tier", { enum: BADGE_TIERS }).notNull(),
    /** The post that earned it, where one did. */
    postId: integer("post_id").references(() => posts.id),
    awardedAt: timestamptz("awarded_at").notNull().defaultNow(),
  },
  (t) => [
    // Awarded once per member: a trigger fired twice inserts once.
    uniqueIndex("user_badges_once").on(t.userId, t.badge),
    index("user_badges_badge_idx").on(t.badge, t.awardedAt),
  ],
);

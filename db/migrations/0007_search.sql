-- Trigram similarity for titles (typos, near-duplicates). PGlite loads the extension's bundle in
-- db/client.ts; both databases then need it created once.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "search_corpus" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"documents" integer NOT NULL,
	"refreshed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "search_corpus_single_row" CHECK ("search_corpus"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "search_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "posts_search_idx";--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body_markdown), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "kb_articles_title_trgm_idx" ON "kb_articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "questions_search_idx" ON "posts" USING gin ("search_vector") WITH (fastupdate=false) WHERE type = 'question' and deleted_at is null;--> statement-breakpoint
CREATE INDEX "answers_search_idx" ON "posts" USING gin ("search_vector") WITH (fastupdate=false) WHERE type = 'answer' and deleted_at is null;--> statement-breakpoint
CREATE INDEX "questions_title_trgm_idx" ON "posts" USING gin ("title" gin_trgm_ops) WHERE type = 'question';
-- Trigram similarity for titles (typos, near-duplicates). PGlite loads the extension's bundle in
-- db/client.ts; both databases then need it created once.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body_markdown), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "kb_articles_title_trgm_idx" ON "kb_articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "questions_title_trgm_idx" ON "posts" USING gin ("title" gin_trgm_ops) WHERE type = 'question';
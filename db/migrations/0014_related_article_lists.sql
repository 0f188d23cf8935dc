CREATE TABLE "related_article_lists" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"article_ids" integer[] NOT NULL,
	"source_key" text NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "related_article_lists" ADD CONSTRAINT "related_article_lists_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;
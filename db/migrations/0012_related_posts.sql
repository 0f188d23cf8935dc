CREATE TABLE "related_posts" (
	"question_id" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"source_key" text NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "related_posts" ADD CONSTRAINT "related_posts_question_id_posts_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "account_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"new_email" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	CONSTRAINT "account_tokens_purpose_check" CHECK ("account_tokens"."purpose" in ('password_reset', 'email_change'))
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text,
	"question_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"description_updated_at" timestamp (3) with time zone,
	"description_updated_by" integer,
	CONSTRAINT "tags_question_count_floor" CHECK ("tags"."question_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bio" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_description_updated_by_users_id_fk" FOREIGN KEY ("description_updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_tokens_token_unique" ON "account_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "account_tokens_user_idx" ON "account_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "tags_question_count_idx" ON "tags" USING btree ("question_count","name");--> statement-breakpoint
-- tags.question_count follows every write to a question (ask, retag, delete, restore, hide), whichever
-- code path makes it: a question counts for each of its tags while it is live (not deleted).
CREATE FUNCTION peerdesk_count_question_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_tags text[] := '{}';
  new_tags text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.type = 'question' AND OLD.deleted_at IS NULL THEN
    old_tags := coalesce(OLD.tags, '{}');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.type = 'question' AND NEW.deleted_at IS NULL THEN
    new_tags := coalesce(NEW.tags, '{}');
  END IF;
  IF old_tags = new_tags THEN
    RETURN NULL;
  END IF;
  INSERT INTO tags (name, question_count)
    SELECT DISTINCT added, 1 FROM unnest(new_tags) AS added WHERE NOT (added = ANY (old_tags))
    ON CONFLICT (name) DO UPDATE SET question_count = tags.question_count + 1;
  UPDATE tags SET question_count = question_count - 1
    WHERE name IN (SELECT removed FROM unnest(old_tags) AS removed WHERE NOT (removed = ANY (new_tags)));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER posts_count_question_tags AFTER INSERT OR DELETE OR UPDATE OF tags, deleted_at, type ON "posts"
  FOR EACH ROW EXECUTE FUNCTION peerdesk_count_question_tags();--> statement-breakpoint
INSERT INTO tags (name, question_count)
  SELECT tag, count(*) FROM posts, unnest(posts.tags) AS tag
  WHERE posts.type = 'question' AND posts.deleted_at IS NULL
  GROUP BY tag;

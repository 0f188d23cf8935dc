-- The comparison key of a display name: NFKC (full-width and compatibility forms fold), invisible
-- and direction-control characters removed, runs of spaces made one, lower case. Names whose keys
-- match are one name to a reader, so the second is refused as taken.
CREATE OR REPLACE FUNCTION peerdesk_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(btrim(regexp_replace(regexp_replace(normalize(name, NFKC),
    '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]', '', 'g'),
    '\s+', ' ', 'g'))) $$;
--> statement-breakpoint
-- Names that already collide keep working: all but the oldest get their id appended.
UPDATE "users" u SET "display_name" = u."display_name" || ' ' || u."id"
  FROM "users" older
  WHERE older."id" < u."id" AND peerdesk_name_key(older."display_name") = peerdesk_name_key(u."display_name");
--> statement-breakpoint
CREATE TABLE "kb_article_views" (
	"article_id" integer NOT NULL,
	"visitor_hash" text NOT NULL,
	"day" text NOT NULL,
	CONSTRAINT "kb_article_views_article_id_visitor_hash_day_pk" PRIMARY KEY("article_id","visitor_hash","day")
);
--> statement-breakpoint
CREATE TABLE "login_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signup_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "display_name_key" text GENERATED ALWAYS AS (peerdesk_name_key(display_name)) STORED;--> statement-breakpoint
ALTER TABLE "kb_article_views" ADD CONSTRAINT "kb_article_views_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_devices" ADD CONSTRAINT "login_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_article_views_day_idx" ON "kb_article_views" USING btree ("day");--> statement-breakpoint
CREATE INDEX "login_devices_user_idx" ON "login_devices" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signup_requests_token_unique" ON "signup_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signup_requests_email_idx" ON "signup_requests" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_display_name_key_unique" ON "users" USING btree ("display_name_key");
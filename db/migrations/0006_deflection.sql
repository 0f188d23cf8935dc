CREATE TABLE "deflection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ask_session" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" integer,
	"visitor_hash" text,
	"target_kind" text DEFAULT '' NOT NULL,
	"target_id" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deflection_events_kind" CHECK ("deflection_events"."kind" in ('suggestions_shown', 'suggestion_opened', 'solved', 'question_posted'))
);
--> statement-breakpoint
CREATE TABLE "search_misses" (
	"query" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deflection_events" ADD CONSTRAINT "deflection_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deflection_events_once" ON "deflection_events" USING btree ("ask_session","kind","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "deflection_events_created_idx" ON "deflection_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "search_misses_last_seen_idx" ON "search_misses" USING btree ("last_seen_at");
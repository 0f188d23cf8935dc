CREATE TABLE "escalation_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"community_minutes" integer DEFAULT 240 NOT NULL,
	"expert_minutes" integer DEFAULT 720 NOT NULL,
	"staff_minutes" integer DEFAULT 1440 NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_settings_one_row" CHECK ("escalation_settings"."id" = 1),
	CONSTRAINT "escalation_settings_positive" CHECK ("escalation_settings"."community_minutes" > 0 and "escalation_settings"."expert_minutes" > 0 and "escalation_settings"."staff_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "question_escalations" (
	"question_id" integer PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"reason" text NOT NULL,
	"stage_at" timestamp (3) with time zone NOT NULL,
	"staff_due_at" timestamp (3) with time zone,
	"private_note" text,
	"resolved_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_escalations_stage_check" CHECK ("question_escalations"."stage" in ('experts', 'staff')),
	CONSTRAINT "question_escalations_reason_check" CHECK ("question_escalations"."reason" in ('unanswered', 'requested'))
);
--> statement-breakpoint
ALTER TABLE "question_escalations" ADD CONSTRAINT "question_escalations_question_id_posts_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_escalations_open_idx" ON "question_escalations" USING btree ("stage","stage_at") WHERE resolved_at is null;--> statement-breakpoint
INSERT INTO "escalation_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;

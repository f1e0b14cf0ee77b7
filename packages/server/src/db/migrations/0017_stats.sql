CREATE TABLE "campaign" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"monthly_due_day" integer DEFAULT 5 NOT NULL,
	"final_due_days" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "stat_day" (
	"region_code" text NOT NULL,
	"day" date NOT NULL,
	"figure" text NOT NULL,
	"dim" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "stat_day_region_code_day_figure_dim_pk" PRIMARY KEY("region_code","day","figure","dim")
);
--> statement-breakpoint
CREATE TABLE "stat_distinct" (
	"region_code" text NOT NULL,
	"figure" text NOT NULL,
	"dim" text NOT NULL,
	"day" date NOT NULL,
	"entity" text NOT NULL,
	CONSTRAINT "stat_distinct_region_code_figure_dim_day_entity_pk" PRIMARY KEY("region_code","figure","dim","day","entity")
);
--> statement-breakpoint
CREATE TABLE "stat_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"watermark" bigint NOT NULL,
	"rolled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submission" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"due_on" date NOT NULL,
	"state" text NOT NULL,
	"figures" jsonb NOT NULL,
	"remarks" text,
	"filled_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "txid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_region_idx" ON "campaign" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "submission_period_uq" ON "submission" USING btree ("campaign_id","region_code","period");--> statement-breakpoint
CREATE INDEX "submission_region_idx" ON "submission" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "event_txid_idx" ON "event" USING btree ("txid");--> statement-breakpoint
INSERT INTO "stat_state" ("id", "watermark") VALUES (1, 0) ON CONFLICT DO NOTHING;

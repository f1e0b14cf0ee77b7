CREATE TABLE "emergency_response" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"state" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"activated_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warning_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_proposal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"response_id" uuid,
	"kind" text NOT NULL,
	"from_level" text,
	"to_level" text,
	"warning_ids" uuid[] NOT NULL,
	"forecast_min_c" real,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "response_table" (
	"region_code" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"auto_activate" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "response_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"owner_role" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_proposal" ADD CONSTRAINT "response_proposal_response_id_emergency_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."emergency_response"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_task" ADD CONSTRAINT "response_task_response_id_emergency_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."emergency_response"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_response_active_uq" ON "emergency_response" USING btree ("region_code") WHERE "emergency_response"."state" = 'active';--> statement-breakpoint
CREATE INDEX "emergency_response_region_idx" ON "emergency_response" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "response_proposal_open_uq" ON "response_proposal" USING btree ("region_code") WHERE "response_proposal"."state" = 'open';--> statement-breakpoint
CREATE INDEX "response_proposal_region_idx" ON "response_proposal" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "response_task_response_idx" ON "response_task" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "response_task_due_idx" ON "response_task" USING btree ("due_at") WHERE "response_task"."state" = 'open' AND "response_task"."escalated_at" IS NULL;
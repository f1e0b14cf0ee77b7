CREATE TABLE "shift" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"members" jsonb NOT NULL,
	"vehicles" text[] NOT NULL,
	"planned_hotspot_ids" uuid[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "encounter" ADD COLUMN "shift_id" uuid;--> statement-breakpoint
ALTER TABLE "hotspot_checkin" ADD COLUMN "shift_id" uuid;--> statement-breakpoint
ALTER TABLE "shift" ADD CONSTRAINT "shift_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shift_open_uq" ON "shift" USING btree ("team_id") WHERE "shift"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "shift_region_started_idx" ON "shift" USING btree ("region_code" text_pattern_ops,"started_at");
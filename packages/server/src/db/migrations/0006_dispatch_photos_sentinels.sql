CREATE TABLE "alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"lead_id" uuid,
	"dispatch_id" uuid,
	"team_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dispatch" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"state" text NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"accept_by" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"arrive_by" timestamp with time zone NOT NULL,
	"arrived_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"eta_minutes" integer,
	"distance_m" integer,
	"outcome" text,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sentinel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"phone" text NOT NULL,
	"org_type" text NOT NULL,
	"org_name" text,
	"region_code" text NOT NULL,
	"state" text NOT NULL,
	"token_hash" text NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"vehicle" text,
	"status" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"position_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"department" text NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead" ADD COLUMN "sentinel_id" uuid;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_dispatch_id_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_photo" ADD CONSTRAINT "lead_photo_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_region_idx" ON "alert" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "alert_dispatch_kind_uq" ON "alert" USING btree ("dispatch_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_live_per_lead_uq" ON "dispatch" USING btree ("lead_id") WHERE "dispatch"."state" IN ('pending', 'accepted', 'on_scene');--> statement-breakpoint
CREATE INDEX "dispatch_team_state_idx" ON "dispatch" USING btree ("team_id","state");--> statement-breakpoint
CREATE INDEX "dispatch_region_idx" ON "dispatch" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "lead_photo_lead_idx" ON "lead_photo" USING btree ("lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sentinel_token_uq" ON "sentinel" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sentinel_phone_uq" ON "sentinel" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "sentinel_region_idx" ON "sentinel" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "team_region_name_uq" ON "team" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "team_region_idx" ON "team" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "team_position_idx" ON "team" USING gist (ll_to_earth("lat", "lng"));--> statement-breakpoint
CREATE INDEX "team_member_team_idx" ON "team_member" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "team_member_user_idx" ON "team_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "lead_sentinel_idx" ON "lead" USING btree ("sentinel_id");
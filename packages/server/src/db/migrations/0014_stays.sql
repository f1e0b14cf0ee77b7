CREATE TABLE "bed_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"bed_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"until_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "station_bed" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zone_id" uuid NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_zone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "station_zone_capacity_ck" CHECK ("station_zone"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stay" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"handover_id" uuid,
	"arrival_kind" text NOT NULL,
	"state" text NOT NULL,
	"triage_facts" text[] NOT NULL,
	"triage_route" text NOT NULL,
	"notify_police" boolean NOT NULL,
	"sex" text NOT NULL,
	"age" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"impaired" boolean DEFAULT false NOT NULL,
	"reason_for_help" text,
	"identity_unknown" boolean DEFAULT false NOT NULL,
	"photo_taken" boolean DEFAULT false NOT NULL,
	"fingerprint_taken" boolean DEFAULT false NOT NULL,
	"receipt_number" text,
	"stay_limit_days" integer,
	"arrived_at" timestamp with time zone NOT NULL,
	"admitted_at" timestamp with time zone,
	"discharged_at" timestamp with time zone,
	"discharge_type" text,
	"discharge_details" jsonb,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "stay_belonging" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"state" text NOT NULL,
	"note" text,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stay_care" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "stay_extension" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"reason" text NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stay_extension_days_ck" CHECK ("stay_extension"."days" > 0)
);
--> statement-breakpoint
CREATE TABLE "tracing_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bed_assignment" ADD CONSTRAINT "bed_assignment_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bed_assignment" ADD CONSTRAINT "bed_assignment_bed_id_station_bed_id_fk" FOREIGN KEY ("bed_id") REFERENCES "public"."station_bed"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_bed" ADD CONSTRAINT "station_bed_zone_id_station_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."station_zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_zone" ADD CONSTRAINT "station_zone_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay" ADD CONSTRAINT "stay_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay" ADD CONSTRAINT "stay_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay" ADD CONSTRAINT "stay_handover_id_handover_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handover"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_belonging" ADD CONSTRAINT "stay_belonging_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_care" ADD CONSTRAINT "stay_care_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_extension" ADD CONSTRAINT "stay_extension_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracing_task" ADD CONSTRAINT "tracing_task_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracing_task" ADD CONSTRAINT "tracing_task_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bed_assignment_bed_open_uq" ON "bed_assignment" USING btree ("bed_id") WHERE "bed_assignment"."until_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bed_assignment_stay_open_uq" ON "bed_assignment" USING btree ("stay_id") WHERE "bed_assignment"."until_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "station_bed_label_uq" ON "station_bed" USING btree ("zone_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "station_zone_name_uq" ON "station_zone" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_handover_uq" ON "stay" USING btree ("handover_id");--> statement-breakpoint
CREATE INDEX "stay_region_idx" ON "stay" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stay_person_idx" ON "stay" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "stay_open_idx" ON "stay" USING btree ("org_id") WHERE "stay"."state" IN ('arrived', 'admitted');--> statement-breakpoint
CREATE INDEX "stay_belonging_stay_idx" ON "stay_belonging" USING btree ("stay_id");--> statement-breakpoint
CREATE INDEX "stay_care_stay_idx" ON "stay_care" USING btree ("stay_id","at");--> statement-breakpoint
CREATE INDEX "stay_extension_stay_idx" ON "stay_extension" USING btree ("stay_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracing_task_stay_uq" ON "tracing_task" USING btree ("stay_id");
CREATE TABLE "encounter" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"lead_id" uuid,
	"team_id" uuid,
	"user_id" uuid,
	"region_code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"facts" text[] NOT NULL,
	"sex" text NOT NULL,
	"age_band" text,
	"clothing" text,
	"condition" text,
	"proposed_category" text NOT NULL,
	"category" text NOT NULL,
	"override_reason" text,
	"obligations" jsonb NOT NULL,
	"items_given" jsonb NOT NULL,
	"forecast_min_temp_c" double precision NOT NULL,
	"follow_up_due_at" timestamp with time zone,
	"follow_up_of" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"temp_number" text NOT NULL,
	"region_code" text NOT NULL,
	"name" text,
	"sex" text NOT NULL,
	"age_band" text,
	"birth_date" text,
	"resident_id" text,
	"home_region" text,
	"dialect" text,
	"phone" text,
	"features" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "encounter_client_uq" ON "encounter" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "encounter_person_idx" ON "encounter" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "encounter_region_idx" ON "encounter" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "encounter_follow_up_idx" ON "encounter" USING btree ("follow_up_due_at") WHERE "encounter"."follow_up_due_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "encounter_follow_up_of_uq" ON "encounter" USING btree ("follow_up_of");--> statement-breakpoint
CREATE UNIQUE INDEX "person_temp_number_uq" ON "person" USING btree ("temp_number");--> statement-breakpoint
CREATE UNIQUE INDEX "person_resident_id_uq" ON "person" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "person_region_idx" ON "person" USING btree ("region_code" text_pattern_ops);
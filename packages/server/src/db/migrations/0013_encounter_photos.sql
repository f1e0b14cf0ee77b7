CREATE TABLE "encounter_photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"of_minor" boolean NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encounter_photo" ADD CONSTRAINT "encounter_photo_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "encounter_photo_client_uq" ON "encounter_photo" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "encounter_photo_encounter_idx" ON "encounter_photo" USING btree ("encounter_id");
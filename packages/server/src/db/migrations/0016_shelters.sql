CREATE TABLE "shelter" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"host_kind" text NOT NULL,
	"host_name" text,
	"org_id" uuid,
	"region_code" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"hours" jsonb NOT NULL,
	"capacity_day" integer DEFAULT 0 NOT NULL,
	"capacity_night" integer DEFAULT 0 NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"occupancy" integer DEFAULT 0 NOT NULL,
	"occupancy_at" timestamp with time zone,
	"public_phone" text,
	"contact_name" text,
	"contact_phone" text,
	"notes" text,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shelter_occupancy_ck" CHECK ("shelter"."occupancy" >= 0),
	CONSTRAINT "shelter_capacity_ck" CHECK ("shelter"."capacity_day" >= 0 AND "shelter"."capacity_night" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shelter_count" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"shelter_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"count" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shelter_count_nonnegative_ck" CHECK ("shelter_count"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shelter_keeper" (
	"shelter_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "shelter_keeper_shelter_id_user_id_pk" PRIMARY KEY("shelter_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "shelter" ADD CONSTRAINT "shelter_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_count" ADD CONSTRAINT "shelter_count_shelter_id_shelter_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_keeper" ADD CONSTRAINT "shelter_keeper_shelter_id_shelter_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_keeper" ADD CONSTRAINT "shelter_keeper_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shelter_region_name_uq" ON "shelter" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "shelter_region_idx" ON "shelter" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "shelter_active_position_idx" ON "shelter" USING gist (ll_to_earth("lat", "lng")) WHERE "shelter"."status" IN ('open', 'full');--> statement-breakpoint
CREATE UNIQUE INDEX "shelter_count_client_uq" ON "shelter_count" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "shelter_count_shelter_idx" ON "shelter_count" USING btree ("shelter_id","at");--> statement-breakpoint
CREATE INDEX "shelter_keeper_user_idx" ON "shelter_keeper" USING btree ("user_id");
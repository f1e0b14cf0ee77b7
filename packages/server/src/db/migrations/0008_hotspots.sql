CREATE TABLE "hotspot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"risk" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"usual_count" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"last_visited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_checkin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"hotspot_id" uuid NOT NULL,
	"team_id" uuid,
	"user_id" uuid,
	"region_code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"distance_m" integer NOT NULL,
	"too_far" boolean NOT NULL,
	"people_seen" integer,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotspot_checkin" ADD CONSTRAINT "hotspot_checkin_hotspot_id_hotspot_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_checkin" ADD CONSTRAINT "hotspot_checkin_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hotspot_region_name_uq" ON "hotspot" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "hotspot_region_idx" ON "hotspot" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "hotspot_checkin_client_uq" ON "hotspot_checkin" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "hotspot_checkin_hotspot_idx" ON "hotspot_checkin" USING btree ("hotspot_id","at");
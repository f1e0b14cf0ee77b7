CREATE TABLE "forecast_min" (
	"region_code" text NOT NULL,
	"night" date NOT NULL,
	"min_c" real NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "forecast_min_region_code_night_pk" PRIMARY KEY("region_code","night")
);
--> statement-breakpoint
CREATE TABLE "weather_warning" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sender" text NOT NULL,
	"identifier" text NOT NULL,
	"sent" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"msg_type" text NOT NULL,
	"kind" text NOT NULL,
	"colour" text NOT NULL,
	"headline" text,
	"description" text,
	"instruction" text,
	"region_codes" text[] NOT NULL,
	"region_code" text NOT NULL,
	"unresolved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"active_from" timestamp with time zone NOT NULL,
	"expires" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "weather_warning_alert_uq" ON "weather_warning" USING btree ("sender","identifier","kind");--> statement-breakpoint
CREATE INDEX "weather_warning_region_idx" ON "weather_warning" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "weather_warning_live_idx" ON "weather_warning" USING btree ("active_from") WHERE "weather_warning"."ended_at" IS NULL;
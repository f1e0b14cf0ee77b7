CREATE TABLE "weather_feed_state" (
	"url" text PRIMARY KEY NOT NULL,
	"etag" text,
	"last_modified" text,
	"fetched_at" timestamp with time zone NOT NULL,
	"status" integer NOT NULL,
	"error" text
);

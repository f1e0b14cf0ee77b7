CREATE TABLE "stat_distinct_day" (
	"region_code" text NOT NULL,
	"figure" text NOT NULL,
	"dim" text NOT NULL,
	"prev_day" date NOT NULL,
	"day" date NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "stat_distinct_day_region_code_figure_dim_prev_day_day_pk" PRIMARY KEY("region_code","figure","dim","prev_day","day")
);
--> statement-breakpoint
ALTER TABLE "stat_distinct" DROP CONSTRAINT "stat_distinct_region_code_figure_dim_day_entity_pk";--> statement-breakpoint
ALTER TABLE "stat_distinct" ADD CONSTRAINT "stat_distinct_region_code_figure_dim_entity_day_pk" PRIMARY KEY("region_code","figure","dim","entity","day");--> statement-breakpoint
CREATE INDEX "stat_day_read_idx" ON "stat_day" USING btree ("region_code","dim","day","figure","value");--> statement-breakpoint
-- Members already rolled up: each counted under its previous day in its region (see schema.ts).
INSERT INTO "stat_distinct_day" ("region_code", "figure", "dim", "prev_day", "day", "n")
SELECT "region_code", "figure", "dim", coalesce("prev", '-infinity'::date), "day", count(*)
FROM (
  SELECT "region_code", "figure", "dim", "day",
         lag("day") OVER (PARTITION BY "region_code", "figure", "dim", "entity" ORDER BY "day") AS "prev"
  FROM "stat_distinct"
) m
GROUP BY 1, 2, 3, 4, 5;

CREATE TABLE "stat_month" (
	"region_code" text NOT NULL,
	"dim" text NOT NULL,
	"month" date NOT NULL,
	"figure" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "stat_month_region_code_dim_month_figure_pk" PRIMARY KEY("region_code","dim","month","figure")
);
--> statement-breakpoint
CREATE INDEX "stat_distinct_day_by_prev_idx" ON "stat_distinct_day" USING btree ("region_code","dim","prev_day","day","figure","n");--> statement-breakpoint
CREATE INDEX "stat_distinct_day_by_day_idx" ON "stat_distinct_day" USING btree ("region_code","dim","day","prev_day","figure","n");--> statement-breakpoint
-- What the rollup has already folded, by month; under the rollup's lock, so no run folds
-- events into stat_day between this read and the commit (modules/stats/rollup.ts).
SELECT pg_advisory_xact_lock(7260017);--> statement-breakpoint
INSERT INTO "stat_month" ("region_code", "dim", "month", "figure", "value")
SELECT "region_code", "dim", date_trunc('month', "day")::date, "figure", sum("value")
FROM "stat_day"
GROUP BY 1, 2, 3, 4;

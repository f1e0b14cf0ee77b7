ALTER TABLE "encounter" ADD COLUMN "merged_from_person_id" uuid;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "name_initials" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "merged_at" timestamp with time zone;
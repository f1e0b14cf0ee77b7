CREATE TABLE "duty_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"user_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "duty_assignment_uq" UNIQUE NULLS NOT DISTINCT("region_code","org_id","day","slot","user_id")
);
--> statement-breakpoint
CREATE TABLE "duty_gap_flag" (
	"region_code" text NOT NULL,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_gap_flag_region_code_day_slot_pk" PRIMARY KEY("region_code","day","slot")
);
--> statement-breakpoint
CREATE TABLE "duty_handover" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"to_phone" text NOT NULL,
	"text" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "duty_assignment" ADD CONSTRAINT "duty_assignment_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignment" ADD CONSTRAINT "duty_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handover" ADD CONSTRAINT "duty_handover_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handover" ADD CONSTRAINT "duty_handover_written_by_app_user_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handover" ADD CONSTRAINT "duty_handover_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_assignment_region_day_idx" ON "duty_assignment" USING btree ("region_code" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "duty_assignment_user_idx" ON "duty_assignment" USING btree ("user_id","day");--> statement-breakpoint
CREATE INDEX "duty_handover_region_idx" ON "duty_handover" USING btree ("region_code" text_pattern_ops,"written_at");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("created_at") WHERE "notification_outbox"."state" = 'pending';
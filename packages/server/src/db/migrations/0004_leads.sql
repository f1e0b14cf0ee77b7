CREATE TABLE "idempotency_key" (
	"partner_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_partner_key_id_key_pk" PRIMARY KEY("partner_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "lead" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"descriptors" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"accuracy_m" real,
	"region_code" text NOT NULL,
	"reporter_phone" text,
	"call_back" boolean DEFAULT false NOT NULL,
	"device_token" text,
	"partner_key_id" uuid,
	"external_ref" text,
	"spam_score" real,
	"spam_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"duplicate_of" uuid,
	"outcome_note" text,
	"received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "partner_key" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"region_code" text NOT NULL,
	"key_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "partner_key" ADD CONSTRAINT "partner_key_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_tracking_code_uq" ON "lead" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "lead_region_idx" ON "lead" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "lead_state_received_idx" ON "lead" USING btree ("state","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_key_hash_uq" ON "partner_key" USING btree ("key_hash");
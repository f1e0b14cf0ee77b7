CREATE TABLE "supply_discrepancy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"item_id" uuid,
	"supply_kind" text,
	"quantity" integer NOT NULL,
	"movement_id" uuid NOT NULL,
	"encounter_id" uuid,
	"region_code" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text
);
--> statement-breakpoint
CREATE TABLE "supply_donation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"donor_kind" text NOT NULL,
	"donor_name" text NOT NULL,
	"donor_contact" text,
	"received_on" date NOT NULL,
	"place_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supply_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"supply_kind" text NOT NULL,
	"is_kit" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supply_kit_component" (
	"kit_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "supply_kit_component_kit_id_item_id_pk" PRIMARY KEY("kit_id","item_id"),
	CONSTRAINT "supply_kit_component_quantity_ck" CHECK ("supply_kit_component"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "supply_movement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid,
	"request_hash" text,
	"kind" text NOT NULL,
	"reason" text,
	"note" text,
	"from_place_id" uuid,
	"to_place_id" uuid,
	"team_id" uuid,
	"donation_id" uuid,
	"encounter_id" uuid,
	"stay_id" uuid,
	"person_id" uuid,
	"region_code" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_movement_line" (
	"movement_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "supply_movement_line_movement_id_place_id_item_id_pk" PRIMARY KEY("movement_id","place_id","item_id"),
	CONSTRAINT "supply_movement_line_nonzero_ck" CHECK ("supply_movement_line"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "supply_place" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"team_id" uuid,
	"shelter_id" uuid,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "supply_place_team_ck" CHECK (("supply_place"."kind" = 'team_vehicle') = ("supply_place"."team_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "supply_stock" (
	"place_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"min_quantity" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_stock_place_id_item_id_pk" PRIMARY KEY("place_id","item_id"),
	CONSTRAINT "supply_stock_nonnegative_ck" CHECK ("supply_stock"."quantity" >= 0),
	CONSTRAINT "supply_stock_min_ck" CHECK ("supply_stock"."min_quantity" IS NULL OR "supply_stock"."min_quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "supply_discrepancy" ADD CONSTRAINT "supply_discrepancy_place_id_supply_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_discrepancy" ADD CONSTRAINT "supply_discrepancy_item_id_supply_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_discrepancy" ADD CONSTRAINT "supply_discrepancy_movement_id_supply_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."supply_movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_donation" ADD CONSTRAINT "supply_donation_place_id_supply_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_donation" ADD CONSTRAINT "supply_donation_movement_id_supply_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."supply_movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_kit_component" ADD CONSTRAINT "supply_kit_component_kit_id_supply_item_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_kit_component" ADD CONSTRAINT "supply_kit_component_item_id_supply_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_from_place_id_supply_place_id_fk" FOREIGN KEY ("from_place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_to_place_id_supply_place_id_fk" FOREIGN KEY ("to_place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement" ADD CONSTRAINT "supply_movement_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement_line" ADD CONSTRAINT "supply_movement_line_movement_id_supply_movement_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."supply_movement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement_line" ADD CONSTRAINT "supply_movement_line_place_id_supply_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movement_line" ADD CONSTRAINT "supply_movement_line_item_id_supply_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_place" ADD CONSTRAINT "supply_place_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_place" ADD CONSTRAINT "supply_place_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_stock" ADD CONSTRAINT "supply_stock_place_id_supply_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."supply_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_stock" ADD CONSTRAINT "supply_stock_item_id_supply_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_discrepancy_open_idx" ON "supply_discrepancy" USING btree ("region_code" text_pattern_ops) WHERE "supply_discrepancy"."resolved_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supply_donation_movement_uq" ON "supply_donation" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "supply_donation_region_idx" ON "supply_donation" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "supply_item_name_uq" ON "supply_item" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_movement_client_uq" ON "supply_movement" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "supply_movement_region_idx" ON "supply_movement" USING btree ("region_code" text_pattern_ops,"at");--> statement-breakpoint
CREATE INDEX "supply_movement_encounter_idx" ON "supply_movement" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "supply_movement_line_place_idx" ON "supply_movement_line" USING btree ("place_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_place_region_name_uq" ON "supply_place" USING btree ("region_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_place_team_uq" ON "supply_place" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "supply_place_region_idx" ON "supply_place" USING btree ("region_code" text_pattern_ops);
--> statement-breakpoint
-- The supply ledger is evidence like the event log: a correction is a new movement (盘点调整), never an edit.
CREATE FUNCTION supply_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER supply_movement_append_only BEFORE UPDATE OR DELETE ON supply_movement
  FOR EACH ROW EXECUTE FUNCTION supply_ledger_is_append_only();
--> statement-breakpoint
CREATE TRIGGER supply_movement_line_append_only BEFORE UPDATE OR DELETE ON supply_movement_line
  FOR EACH ROW EXECUTE FUNCTION supply_ledger_is_append_only();

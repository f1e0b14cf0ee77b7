ALTER TABLE "lead" ADD COLUMN "client_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_client_id_uq" ON "lead" USING btree ("client_id");
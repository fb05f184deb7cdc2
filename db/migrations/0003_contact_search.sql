DROP INDEX "contacts_company_name_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "name_key" text GENERATED ALWAYS AS (portaria_fold(name)) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_key" text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_key" text GENERATED ALWAYS AS (portaria_fold(name || ' ' || email || ' ' || coalesce(document, ''))) STORED;--> statement-breakpoint
CREATE INDEX "contacts_list_name_idx" ON "contacts" USING btree ("company_id","name_key","id") WHERE "contacts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "contacts_list_email_idx" ON "contacts" USING btree ("company_id","email_key","id") WHERE "contacts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "contacts_list_document_idx" ON "contacts" USING btree ("company_id","document","id") WHERE "contacts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("search_key" gin_trgm_ops);
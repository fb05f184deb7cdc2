-- Contact lifecycle (PRODUCT.md §2.10): "Desativar acesso" (status 'deactivated', which keeps
-- the e-mail and document reserved), restore within 30 days and the erase job (erased_at),
-- "Último acesso" (last_access_at) and "Revisão de acessos", the import that created a contact
-- ("Desfazer importação"), and cancelled e-mails (an undone import's queued invitations).
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_status";--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_removed_not_admin";--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_status";--> statement-breakpoint
DROP INDEX "contacts_active_email_key";--> statement-breakpoint
DROP INDEX "contacts_active_document_key";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_access_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "import_job_id" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undone_by_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_removed" integer;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_kept" integer;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "undo_kept_rows" jsonb;--> statement-breakpoint
CREATE INDEX "contacts_lifecycle_idx" ON "contacts" USING btree ("company_id","status","name_key","id") WHERE "contacts"."status" <> 'active';--> statement-breakpoint
CREATE INDEX "contacts_review_idx" ON "contacts" USING btree ("company_id",coalesce("last_access_at", "created_at"),"id") WHERE "contacts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "contacts_import_idx" ON "contacts" USING btree ("company_id","import_job_id") WHERE "contacts"."import_job_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_erase_idx" ON "contacts" USING btree ("removed_at") WHERE "contacts"."status" = 'removed' and "contacts"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "tickets_requester_idx" ON "tickets" USING btree ("company_id","requester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_active_email_key" ON "contacts" USING btree ("company_id",lower("email")) WHERE "contacts"."status" <> 'removed';--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_active_document_key" ON "contacts" USING btree ("company_id","document") WHERE "contacts"."status" <> 'removed';--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_erased_removed" CHECK ("contacts"."erased_at" is null or "contacts"."status" = 'removed');--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_status" CHECK ("contacts"."status" in ('active', 'deactivated', 'removed'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_removed_not_admin" CHECK (not ("contacts"."is_admin" and "contacts"."status" <> 'active'));--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('pending', 'sent', 'logged', 'failed', 'cancelled'));--> statement-breakpoint
-- Last access, as far as it is known: the person's latest session, for contacts of companies
-- they could reach then.
UPDATE contacts c SET last_access_at = s.last_used
  FROM (SELECT account_id, max(last_used_at) AS last_used FROM sessions GROUP BY account_id) s
  WHERE s.account_id = c.account_id AND c.status = 'active';
--> statement-breakpoint
-- A removed contact restored later must not get its old sessions back.
UPDATE contacts SET sessions_ended_at = removed_at WHERE status = 'removed' AND removed_at IS NOT NULL;

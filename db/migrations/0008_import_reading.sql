-- A preview is read in several short transactions (the embedded database serves nobody else
-- during a transaction), so the job exists while it is read: status 'reading', hidden until
-- complete. The history names whoever started the import, not only who uploaded the file.
ALTER TABLE "import_jobs" DROP CONSTRAINT "import_jobs_status";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "started_by_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_started_by_fk" FOREIGN KEY ("company_id","started_by_contact_id") REFERENCES "public"."contacts"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_status" CHECK ("import_jobs"."status" in ('reading', 'previewed', 'importing', 'done', 'failed'));
-- CSV imports: the preview's counts per status, the job's cursor and lease (a worker that
-- dies mid-import is replaced, and the job resumes after the last committed batch), each
-- row's problem (column, reason, other line). Tokens get an index for "void the earlier
-- invitation". A transaction that sets portaria.defer_contact_count counts its own contacts
-- (an import batch does so as its last step, so batches never queue on the counter).
ALTER TABLE "import_jobs" ADD COLUMN "new_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "duplicate_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "registered_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "skipped_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "failed_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "cursor_line" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "lease_owner" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "input" jsonb;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "field" text;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "other_line" integer;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "warning" text;--> statement-breakpoint
CREATE INDEX "auth_tokens_open_idx" ON "auth_tokens" USING btree ("account_id","purpose") WHERE "auth_tokens"."used_at" is null;--> statement-breakpoint
CREATE INDEX "import_jobs_company_idx" ON "import_jobs" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_running_idx" ON "import_jobs" USING btree ("lease_until") WHERE "import_jobs"."status" = 'importing';--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_status" CHECK ("import_rows"."status" in ('new', 'error', 'duplicate', 'registered', 'imported', 'failed'));--> statement-breakpoint
CREATE OR REPLACE FUNCTION portaria_count_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portaria.defer_contact_count', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contact_counts (company_id, active)
      SELECT company_id, count(*) FILTER (WHERE status = 'active') FROM new_rows GROUP BY company_id
    ON CONFLICT (company_id) DO UPDATE SET active = contact_counts.active + excluded.active;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE contact_counts c SET active = c.active - d.n
      FROM (SELECT company_id, count(*) FILTER (WHERE status = 'active') AS n FROM old_rows GROUP BY company_id) d
      WHERE c.company_id = d.company_id AND d.n <> 0;
  ELSE
    INSERT INTO contact_counts (company_id, active)
      SELECT company_id, sum(delta) FROM (
        SELECT company_id, 1 AS delta FROM new_rows WHERE status = 'active'
        UNION ALL
        SELECT company_id, -1 AS delta FROM old_rows WHERE status = 'active'
      ) changes GROUP BY company_id HAVING sum(delta) <> 0
    ON CONFLICT (company_id) DO UPDATE SET active = contact_counts.active + excluded.active;
  END IF;
  RETURN NULL;
END
$$;

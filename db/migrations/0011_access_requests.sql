-- "Quero me cadastrar" and "Domínios da empresa" (PRODUCT.md §2.8, §10.1): access requests are
-- confirmed by e-mail before they reach the administrator; sign-up submissions are queued so
-- the public page does the same work for everyone; a domain approves automatically in one
-- company at most.
CREATE TABLE "company_domains" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"domain" text NOT NULL,
	"policy" text DEFAULT 'approval' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_domains_pkey" PRIMARY KEY("company_id","id"),
	CONSTRAINT "company_domains_policy" CHECK ("company_domains"."policy" in ('approval', 'auto')),
	CONSTRAINT "company_domains_domain_format" CHECK ("company_domains"."domain" = lower("company_domains"."domain") and "company_domains"."domain" ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE TABLE "signup_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_code" text NOT NULL,
	"email" text NOT NULL,
	"data" jsonb NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_requests" DROP CONSTRAINT "access_requests_status";--> statement-breakpoint
ALTER TABLE "access_requests" DROP CONSTRAINT "access_requests_decided_by_fk";
--> statement-breakpoint
ALTER TABLE "access_requests" DROP CONSTRAINT "access_requests_contact_fk";
--> statement-breakpoint
DROP INDEX "access_requests_pending_idx";--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "status" SET DEFAULT 'unconfirmed';--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "requests_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "decided_by_email" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "auto_approved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "company_domains" ADD CONSTRAINT "company_domains_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_domains_company_domain_key" ON "company_domains" USING btree ("company_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "company_domains_auto_key" ON "company_domains" USING btree ("domain") WHERE "company_domains"."policy" = 'auto';--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_token_key" ON "access_requests" USING btree ("token_hash") WHERE "access_requests"."token_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_pending_key" ON "access_requests" USING btree ("company_id",lower("email")) WHERE "access_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "access_requests_list_idx" ON "access_requests" USING btree ("company_id","status","confirmed_at","id");--> statement-breakpoint
CREATE INDEX "access_requests_decided_idx" ON "access_requests" USING btree ("company_id","status","decided_at","id");--> statement-breakpoint
CREATE INDEX "access_requests_unnotified_idx" ON "access_requests" USING btree ("company_id") WHERE "access_requests"."status" = 'pending' and "access_requests"."notified_at" is null;--> statement-breakpoint
CREATE INDEX "access_requests_unconfirmed_idx" ON "access_requests" USING btree ("company_id",lower("email")) WHERE "access_requests"."status" = 'unconfirmed';--> statement-breakpoint
UPDATE "access_requests" SET "confirmed_at" = "created_at" WHERE "confirmed_at" IS NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_confirmed" CHECK ("access_requests"."status" = 'unconfirmed' or "access_requests"."confirmed_at" is not null);--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_status" CHECK ("access_requests"."status" in ('unconfirmed', 'pending', 'approved', 'rejected', 'replaced'));
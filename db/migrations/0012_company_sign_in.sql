-- "Login da empresa" (PRODUCT.md §10.2): each company's OpenID Connect provider (the client secret
-- encrypted), the domains that sign in through it (one company per domain), sign-ins on their
-- way to the provider and back (bound to the browser that started them), and sessions opened
-- through it. Requests made by signing in there have no document or phone.
CREATE TABLE "company_sign_in" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"browser_hash" text NOT NULL,
	"company_id" uuid NOT NULL,
	"email" text NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "document" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "area_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "sso_company_id" uuid;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "source" text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_domains" ADD COLUMN "sign_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "company_sign_in" ADD CONSTRAINT "company_sign_in_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_domains_sign_in_key" ON "company_domains" USING btree ("domain") WHERE "company_domains"."sign_in";
-- Account security (docs/decisions/003): sessions kept on the server, invitations bound to
-- the contact they were issued for, "Esqueci minha senha" queued, mail written to the
-- server's log when no SMTP server is configured. Sessions signed before this migration carry
-- no session id and end: everyone signs in again.
CREATE TABLE "password_reset_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_status";--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
-- Open invitations name the active contact of their company and account; an invitation whose
-- contact is gone, or whose account already has a password, could only overwrite someone's
-- password: void it.
UPDATE "auth_tokens" t SET "contact_id" = c."id" FROM "contacts" c
  WHERE t."purpose" = 'invite' AND t."used_at" IS NULL AND c."company_id" = t."company_id" AND c."account_id" = t."account_id" AND c."status" = 'active';--> statement-breakpoint
UPDATE "auth_tokens" SET "used_at" = now()
  WHERE "used_at" IS NULL AND (("purpose" = 'invite' AND "contact_id" IS NULL)
    OR ("purpose" = 'invite' AND "account_id" IN (SELECT "id" FROM "accounts" WHERE "password_hash" IS NOT NULL)));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "session_version";--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_invite_contact" CHECK ("auth_tokens"."purpose" <> 'invite' or "auth_tokens"."contact_id" is not null or "auth_tokens"."used_at" is not null);--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('pending', 'sent', 'logged', 'failed'));
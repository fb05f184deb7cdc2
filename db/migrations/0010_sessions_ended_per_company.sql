-- "Encerrar sessões" ends a person's sessions for one company only (docs/decisions/003); reset
-- e-mails per address and hour are counted through an index.
ALTER TABLE "contacts" ADD COLUMN "sessions_ended_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "auth_tokens_account_idx" ON "auth_tokens" USING btree ("account_id","purpose","created_at");
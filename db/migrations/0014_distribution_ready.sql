-- Ready to distribute by company (docs/decisions/013): a tenant table's unique constraints lead
-- with company_id. The access request's link is looked up by its hash alone, through a plain index.
DROP INDEX "access_requests_token_key";--> statement-breakpoint
CREATE INDEX "access_requests_token_idx" ON "access_requests" USING btree ("token_hash") WHERE "access_requests"."token_hash" is not null;
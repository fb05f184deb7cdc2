-- A page of the whole list in name order (no filter, no search) skips its offset through
-- this index: the keys alone, a sixth of contacts_list_name_idx, which carries the filters'
-- copies and the search key. Page 960 of 1,920 (offset 24,000): 12 ms → 4 ms (bench/README.md).
CREATE INDEX "contacts_page_name_idx" ON "contacts" USING btree ("company_id","name_key","id") WHERE "contacts"."status" = 'active';--> statement-breakpoint
-- "Revisão de acessos" counts everyone it shows, and tells "never signed in" from "inactive":
-- with both dates in the index (drizzle-kit does not describe INCLUDE; the schema names the
-- same keys) the count reads the index alone instead of every row of the company
-- (50,000 contacts: 22–34 ms → 5–9 ms).
DROP INDEX "contacts_review_idx";--> statement-breakpoint
CREATE INDEX "contacts_review_idx" ON "contacts" USING btree ("company_id",coalesce("last_access_at", "created_at"),"id")
  INCLUDE ("last_access_at","created_at") WHERE "contacts"."status" = 'active';

-- The triggers' statements never keep a plan made for other sizes, and read by key.
--
-- PL/pgSQL keeps a function's statement plans for the life of the connection. A statement
-- with no variable (these read the statement's transition table) is planned once, on its
-- first call, with the sizes of that moment, and that plan serves every later call. A
-- connection that first ran the permissions' copy while contact_permissions had one page kept
-- a sequential scan of it for every contact of every later batch: a 50,000-row import took
-- 44 s instead of 8, its batches growing from 0.5 to 2.6 s as the table grew (bench/README.md).
-- A first call with a very large statement could just as well leave a plan that reads a whole
-- index on every later, small call.
--
-- So the two copies that join a statement's rows to the tables (permissions, invitation) run
-- their statements through EXECUTE: planned on every call, with that call's row count and the
-- tables' sizes of the moment (a fraction of a millisecond per statement, not per row). And
-- every trigger function reads by key whatever the sizes: no sequential scan where an index
-- can answer, and no hash or merge join, which read a whole table or index to join a few rows
-- (with sequential scans alone forbidden, a 4,000-row statement chose a merge join over the
-- whole primary key of contacts). A nested loop over the statement's rows, each looked up by
-- its key, costs what the statement's size costs. The functions that run per row, whose
-- statements take the row's values as parameters, are planned for each call's values
-- (force_custom_plan).
CREATE OR REPLACE FUNCTION portaria_copy_permissions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The contacts the statement touched: an update may also move a row away from a contact
  -- (changed_before); an insert or a delete has no changed_before.
  touched text := CASE WHEN TG_OP = 'UPDATE'
    THEN 'SELECT company_id, contact_id FROM changed_rows UNION SELECT company_id, contact_id FROM changed_before'
    ELSE 'SELECT DISTINCT company_id, contact_id FROM changed_rows' END;
BEGIN
  EXECUTE format($sql$
    UPDATE contacts c SET permissions = x.held
      FROM (
        SELECT ch.company_id, ch.contact_id,
          coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM contact_permissions p
                    WHERE p.company_id = ch.company_id AND p.contact_id = ch.contact_id), '{}'::text[]) AS held
        FROM (%s) ch
      ) x
      WHERE c.company_id = x.company_id AND c.id = x.contact_id AND c.permissions IS DISTINCT FROM x.held
  $sql$, touched);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portaria_copy_invitation_to_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $sql$
    UPDATE contacts c SET invitation_pending = (a.password_hash IS NULL)
      FROM changed_rows n JOIN accounts a ON a.id = n.account_id
      WHERE c.company_id = n.company_id AND c.id = n.id AND c.invitation_pending IS DISTINCT FROM (a.password_hash IS NULL)
  $sql$;
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER FUNCTION portaria_copy_permissions() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_permissions() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_permissions() SET enable_mergejoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_mergejoin = off;--> statement-breakpoint
-- The contact counter's statements read the statement's rows and one row per company.
ALTER FUNCTION portaria_count_contacts() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_count_contacts() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_count_contacts() SET enable_mergejoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET enable_mergejoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET enable_mergejoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET enable_mergejoin = off;

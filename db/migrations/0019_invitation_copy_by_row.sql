-- A new contact's copy of its invitation's state is checked against its account alone.
--
-- The inserted rows carry the copy they were written with (insertContacts writes it in the
-- same statement), so the statement's rows are compared with their accounts first (a
-- materialised step: flattened, the planner joined contacts first), and only a row whose copy
-- differs is looked up in contacts and corrected: one key lookup per new
-- contact instead of two. The contacts' condition stays, for a row changed since (the copy is
-- then only written if it is still wrong). Replacing a function resets its settings: they are
-- set again as migration 0017 set them.
CREATE OR REPLACE FUNCTION portaria_copy_invitation_to_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $sql$
    WITH wrong AS MATERIALIZED (
      SELECT n.company_id, n.id, (a.password_hash IS NULL) AS pending
      FROM changed_rows n JOIN accounts a ON a.id = n.account_id
      WHERE n.invitation_pending IS DISTINCT FROM (a.password_hash IS NULL)
    )
    UPDATE contacts c SET invitation_pending = w.pending
      FROM wrong w
      WHERE c.company_id = w.company_id AND c.id = w.id AND c.invitation_pending IS DISTINCT FROM w.pending
  $sql$;
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_hashjoin = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_mergejoin = off;

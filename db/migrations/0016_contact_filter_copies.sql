ALTER TABLE "contacts" ADD COLUMN "permissions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "invitation_pending" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- The list's filters ("Permissões", "Convite") read these two columns of the contact's own
-- row, through the list's indexes, instead of probing contact_permissions and accounts for
-- every row found (bench/README.md, decision 017). Triggers keep them, whoever writes:
-- insertContacts writes both already, and the triggers then find nothing to change.
UPDATE contacts c SET permissions = p.held
  FROM (SELECT company_id, contact_id, array_agg(permission ORDER BY permission) AS held
        FROM contact_permissions GROUP BY company_id, contact_id) p
  WHERE c.company_id = p.company_id AND c.id = p.contact_id;
--> statement-breakpoint
UPDATE contacts c SET invitation_pending = false
  FROM accounts a WHERE a.id = c.account_id AND a.password_hash IS NOT NULL;
--> statement-breakpoint
-- contacts.permissions: the sorted keys of the contact's rows in contact_permissions. One
-- statement-level trigger per operation; a contact whose copy is already right is not
-- written (an import writes it with the contact).
CREATE FUNCTION portaria_copy_permissions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A branch is planned only when it runs: an insert or a delete has no changed_before.
  IF TG_OP = 'UPDATE' THEN
    UPDATE contacts c SET permissions = x.held
      FROM (
        SELECT ch.company_id, ch.contact_id,
          coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM contact_permissions p
                    WHERE p.company_id = ch.company_id AND p.contact_id = ch.contact_id), '{}'::text[]) AS held
        FROM (SELECT company_id, contact_id FROM changed_rows UNION SELECT company_id, contact_id FROM changed_before) ch
      ) x
      WHERE c.company_id = x.company_id AND c.id = x.contact_id AND c.permissions IS DISTINCT FROM x.held;
  ELSE
    UPDATE contacts c SET permissions = x.held
      FROM (
        SELECT ch.company_id, ch.contact_id,
          coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM contact_permissions p
                    WHERE p.company_id = ch.company_id AND p.contact_id = ch.contact_id), '{}'::text[]) AS held
        FROM (SELECT DISTINCT company_id, contact_id FROM changed_rows) ch
      ) x
      WHERE c.company_id = x.company_id AND c.id = x.contact_id AND c.permissions IS DISTINCT FROM x.held;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contact_permissions_copy_insert AFTER INSERT ON contact_permissions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_copy_permissions();
--> statement-breakpoint
CREATE TRIGGER contact_permissions_copy_update AFTER UPDATE ON contact_permissions
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_copy_permissions();
--> statement-breakpoint
CREATE TRIGGER contact_permissions_copy_delete AFTER DELETE ON contact_permissions
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_copy_permissions();
--> statement-breakpoint
-- contacts.invitation_pending: the account has no password. A password set or cleared
-- reaches each of the person's contacts; a new contact, or one moved to another account,
-- reads its account.
CREATE FUNCTION portaria_copy_invitation_from_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts SET invitation_pending = (NEW.password_hash IS NULL)
    WHERE account_id = NEW.id AND invitation_pending IS DISTINCT FROM (NEW.password_hash IS NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_copy_invitation AFTER UPDATE OF password_hash ON accounts
  FOR EACH ROW WHEN ((OLD.password_hash IS NULL) IS DISTINCT FROM (NEW.password_hash IS NULL))
  EXECUTE FUNCTION portaria_copy_invitation_from_account();
--> statement-breakpoint
CREATE FUNCTION portaria_copy_invitation_to_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts c SET invitation_pending = (a.password_hash IS NULL)
    FROM changed_rows n JOIN accounts a ON a.id = n.account_id
    WHERE c.company_id = n.company_id AND c.id = n.id AND c.invitation_pending IS DISTINCT FROM (a.password_hash IS NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_copy_invitation_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_copy_invitation_to_contacts();
--> statement-breakpoint
CREATE FUNCTION portaria_copy_invitation_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.invitation_pending := NOT EXISTS (SELECT 1 FROM accounts WHERE id = NEW.account_id AND password_hash IS NOT NULL);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_copy_invitation_move BEFORE UPDATE OF account_id ON contacts
  FOR EACH ROW WHEN (OLD.account_id IS DISTINCT FROM NEW.account_id)
  EXECUTE FUNCTION portaria_copy_invitation_on_move();
--> statement-breakpoint
-- The name order's index carries the filters' columns and the search key: a page of a
-- filter, a search or both, in name order, reads the index alone until its rows are found
-- (drizzle-kit does not describe INCLUDE; the schema names the same keys).
DROP INDEX "contacts_list_name_idx";--> statement-breakpoint
CREATE INDEX "contacts_list_name_idx" ON "contacts" ("company_id","name_key","id")
  INCLUDE ("is_admin","consultancy","invitation_pending","permissions","last_access_at","search_key") WHERE "contacts"."status" = 'active';--> statement-breakpoint
-- A search within one company: the trigram index keyed by company too (btree_gin), so a
-- search reads that company's matches, not every company's.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "contacts_search_idx";--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("company_id","search_key" gin_trgm_ops);

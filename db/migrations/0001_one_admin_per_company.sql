-- Exactly one administrator per company, at every commit. "At most one" is the partial
-- unique index contacts_one_admin_key; "at least one" needs a deferred check, because an
-- administration transfer demotes one contact and promotes another inside one transaction.
CREATE FUNCTION portaria_check_company_admin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
  n integer;
BEGIN
  IF TG_TABLE_NAME = 'companies' THEN
    cid := NEW.id;
  ELSE
    cid := OLD.company_id;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM companies WHERE id = cid) THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO n FROM contacts WHERE company_id = cid AND is_admin AND status = 'active';
  IF n <> 1 THEN
    RAISE EXCEPTION 'company % must have exactly one administrator, has %', cid, n
      USING ERRCODE = '23514', CONSTRAINT = 'company_one_admin';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER companies_one_admin AFTER INSERT ON companies
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portaria_check_company_admin();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER contacts_admin_kept AFTER UPDATE ON contacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.is_admin AND OLD.status = 'active' AND (NOT NEW.is_admin OR NEW.status <> 'active'))
  EXECUTE FUNCTION portaria_check_company_admin();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER contacts_admin_deleted AFTER DELETE ON contacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.is_admin AND OLD.status = 'active')
  EXECUTE FUNCTION portaria_check_company_admin();

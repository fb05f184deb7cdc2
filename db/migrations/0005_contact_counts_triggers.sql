-- Keeps contact_counts.active equal to the number of active contacts per company. One
-- statement-level trigger per operation sees all changed rows at once (transition tables),
-- so an import of 50,000 rows touches each company's counter once; an update that does not
-- change anyone's status does not touch (or lock) the counter at all.
CREATE FUNCTION portaria_count_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contact_counts (company_id, active)
      SELECT company_id, count(*) FILTER (WHERE status = 'active') FROM new_rows GROUP BY company_id
    ON CONFLICT (company_id) DO UPDATE SET active = contact_counts.active + excluded.active;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE contact_counts c SET active = c.active - d.n
      FROM (SELECT company_id, count(*) FILTER (WHERE status = 'active') AS n FROM old_rows GROUP BY company_id) d
      WHERE c.company_id = d.company_id AND d.n <> 0;
  ELSE
    INSERT INTO contact_counts (company_id, active)
      SELECT company_id, sum(delta) FROM (
        SELECT company_id, 1 AS delta FROM new_rows WHERE status = 'active'
        UNION ALL
        SELECT company_id, -1 AS delta FROM old_rows WHERE status = 'active'
      ) changes GROUP BY company_id HAVING sum(delta) <> 0
    ON CONFLICT (company_id) DO UPDATE SET active = contact_counts.active + excluded.active;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_count_contacts();
--> statement-breakpoint
CREATE TRIGGER contacts_count_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_count_contacts();
--> statement-breakpoint
CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portaria_count_contacts();
--> statement-breakpoint
INSERT INTO contact_counts (company_id, active)
  SELECT id, (SELECT count(*) FROM contacts c WHERE c.company_id = companies.id AND c.status = 'active') FROM companies
ON CONFLICT (company_id) DO UPDATE SET active = excluded.active;

import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { RESTORE_DAYS } from './queries';

// The erase job (run by the mail worker, lib/mail/worker.ts): what is left of a contact removed
// more than RESTORE_DAYS ago, once "Restaurar" can no longer bring it back.

const DAY_MS = 86_400_000;
const ERASE_BATCH = 500;
const PERSONAL_KEYS = `{email,document,areaCode,phone}`;
const IMPORT_PERSONAL_KEYS = `{email,documento,ddd,telefone}`;

/**
 * The erase job: contacts removed more than RESTORE_DAYS ago lose their document, phone and
 * e-mail for good, here and in the company's history, sent e-mails and import files about them; the name
 * stays on closed tickets and in the history. Idempotent, and safe on several instances at
 * once (each batch takes rows no one else holds, SKIP LOCKED). Returns how many it erased.
 */
export async function eraseRemovedContacts(executor: Executor = db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RESTORE_DAYS * DAY_MS);
  let total = 0;
  for (;;) {
    const n = await executor.transaction(async (tx) => {
      const erased = await tx.execute<{ n: number }>(sql`
        with due as (
          select company_id, id, email from contacts
          where status = 'removed' and erased_at is null and removed_at < ${cutoff}
          order by removed_at
          limit ${ERASE_BATCH}
          for update skip locked
        ), erased as (
          update contacts c set email = '', document = null, area_code = null, phone = null, erased_at = ${now}
          from due where c.company_id = due.company_id and c.id = due.id
          returning c.company_id, c.id, due.email
        ), history as (
          update audit_events a
          set before = case when jsonb_typeof(a.before) = 'object' then a.before - ${PERSONAL_KEYS}::text[] else a.before end,
              after = case when jsonb_typeof(a.after) = 'object' then a.after - ${PERSONAL_KEYS}::text[] else a.after end
          from erased where a.company_id = erased.company_id and a.subject_contact_id = erased.id
        ), mail as (
          update mail_outbox m set to_address = ''
          from erased
          where m.company_id = erased.company_id and lower(m.to_address) = lower(erased.email) and m.status <> 'pending'
            and not exists (select 1 from contacts o where o.company_id = erased.company_id and o.status <> 'removed' and lower(o.email) = lower(erased.email))
        ), imported as (
          -- The rows of the files that brought them in (the preview keeps every row as read).
          update import_rows r
          set data = r.data - ${IMPORT_PERSONAL_KEYS}::text[],
              input = case when jsonb_typeof(r.input) = 'object' then r.input - ${PERSONAL_KEYS}::text[] else r.input end
          from erased
          where r.company_id = erased.company_id and erased.email <> '' and lower(r.data->>'email') = lower(erased.email)
        ), kept as (
          -- "Desfazer importação" lists the contacts it kept with their e-mail.
          update import_jobs j
          set undo_kept_rows = (
            select jsonb_agg(case when exists (select 1 from erased e where e.company_id = j.company_id and e.id::text = k.value->>'id')
                                  then k.value - 'email' else k.value end order by k.n)
            from jsonb_array_elements(j.undo_kept_rows) with ordinality as k(value, n))
          where jsonb_typeof(j.undo_kept_rows) = 'array'
            and exists (select 1 from erased e where e.company_id = j.company_id
                        and j.undo_kept_rows @> jsonb_build_array(jsonb_build_object('id', e.id::text)))
        ), requests as (
          update access_requests r set email = '', document = null, area_code = null, phone = null
          from erased where r.company_id = erased.company_id and r.contact_id = erased.id
        ), entries as (
          insert into audit_events (company_id, action, entity_type, entity_id, subject_contact_id)
          select company_id, 'contact.erased', 'contact', id, id from erased
        )
        select count(*)::int as n from erased`);
      return erased.rows[0]?.n ?? 0;
    });
    total += n;
    if (n < ERASE_BATCH) return total;
  }
}

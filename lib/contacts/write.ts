import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';
import type { PermissionKey } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

/** What a new contact starts with: may open tickets ("Portal de Clientes Autoatendimento"). */
export const DEFAULT_PERMISSIONS: PermissionKey[] = ['self_service'];

export type NewContact = {
  accountId: string;
  name: string;
  email: string;
  country?: string;
  document?: string | null;
  areaCode?: string | null;
  phone?: string | null;
  consultancy?: boolean;
  isAdmin?: boolean;
  /** DEFAULT_PERMISSIONS unless said otherwise. */
  permissions?: PermissionKey[];
  /** "arquivo.csv (linha N)", kept in the history entry of an imported contact. */
  importedFrom?: string;
  /** The import job that creates the contact ("Desfazer importação"). */
  importJobId?: string;
};

/**
 * The one way a contact comes into being, for one person or an import's thousand: the
 * contact, its permissions and its "Usuário adicionado" history entry, in one statement of
 * the caller's transaction. A row whose e-mail or document is already an active contact of
 * the company is skipped whole (the unique indexes decide, also against a concurrent insert):
 * it never leaves half a contact. The contact's copies of its permissions and of its
 * invitation's state (migration 0016) are written here, so the triggers that keep them find
 * nothing to change. Returns the ids given to the rows, in order, with `written`
 * telling which were inserted.
 */
export async function insertContacts(tx: Executor, companyId: string, actor: Actor, people: NewContact[]): Promise<{ ids: string[]; written: Set<string> }> {
  if (people.length === 0) return { ids: [], written: new Set() };
  const rows = people.map((p) => ({
    id: randomUUID(),
    account_id: p.accountId,
    name: p.name,
    email: p.email,
    country: p.country ?? 'BR',
    document: p.document ?? null,
    area_code: p.areaCode ?? null,
    phone: p.phone ?? null,
    consultancy: p.consultancy ?? false,
    is_admin: p.isAdmin ?? false,
    permissions: [...new Set(p.permissions ?? DEFAULT_PERMISSIONS)].sort(),
    imported_from: p.importedFrom ?? null,
    import_job_id: p.importJobId ?? null,
  }));
  const inserted = await tx.execute<{ id: string }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(id uuid, account_id uuid, name text, email text, country text, document text, area_code text, phone text,
             consultancy boolean, is_admin boolean, permissions jsonb, imported_from text, import_job_id uuid)
    ), written as (
      insert into contacts (company_id, id, account_id, name, country, document, area_code, phone, email, consultancy, is_admin, import_job_id,
                            permissions, invitation_pending)
      select ${companyId}, id, account_id, name, country, document, area_code, phone, email, consultancy, is_admin, import_job_id,
        array(select jsonb_array_elements_text(input.permissions)),
        not exists (select 1 from accounts a where a.id = input.account_id and a.password_hash is not null)
      from input
      on conflict do nothing
      returning id
    ), permissions as (
      insert into contact_permissions (company_id, contact_id, permission)
      select ${companyId}, i.id, p from written join input i on i.id = written.id cross join jsonb_array_elements_text(i.permissions) p
    ), history as (
      insert into audit_events (company_id, actor_contact_id, actor_email, action, entity_type, entity_id, subject_contact_id, after)
      select ${companyId}, ${actor.contactId}, ${actor.email}, 'contact.created', 'contact', i.id, i.id,
        jsonb_build_object('name', i.name, 'email', i.email, 'country', i.country, 'document', i.document, 'areaCode', i.area_code,
          'phone', i.phone, 'consultancy', i.consultancy, 'permissions', i.permissions)
        || case when i.is_admin then jsonb_build_object('isAdmin', true) else '{}'::jsonb end
        || case when i.imported_from is not null then jsonb_build_object('importedFrom', i.imported_from) else '{}'::jsonb end
      from written join input i on i.id = written.id
    )
    select id from written`);
  return { ids: rows.map((r) => r.id), written: new Set(inserted.rows.map((r) => r.id)) };
}

import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, contactPermissions, contacts } from '@/db/schema';
import { findOrCreateAccount, setPassword } from '@/lib/auth/accounts';
import { runBulkAction } from '@/lib/contacts/lifecycle';
import { createContact, setPermissions, updateContact } from '@/lib/contacts/mutations';
import { insertContacts } from '@/lib/contacts/write';
import { adminContext, contactRow, createInput, uniqueEmail, updateInput, type MadeCompany } from './contacts-helpers';
import { makeCompany, makeContact } from '../support/fixtures';

// The contact's copies of its permissions and of its invitation's state (migration 0016),
// which the list's filters read: right after every way of writing what they copy.

let made: MadeCompany;
let other: MadeCompany;

/** Contacts of the company whose copies differ from what they copy: none, always. */
async function copiesOff(companyId: string) {
  const rows = await db.execute<{ id: string }>(sql`
    select c.id from contacts c join accounts a on a.id = c.account_id
    where c.company_id = ${companyId}
      and (c.invitation_pending is distinct from (a.password_hash is null)
        or c.permissions is distinct from coalesce((select array_agg(p.permission order by p.permission) from contact_permissions p
                                                    where p.company_id = c.company_id and p.contact_id = c.id), '{}'::text[]))`);
  return rows.rows.map((r) => r.id);
}
const copies = async (companyId: string, id: string) => {
  const [row] = await db
    .select({ permissions: contacts.permissions, invitationPending: contacts.invitationPending })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id)));
  return row!;
};

beforeAll(async () => {
  made = await makeCompany({ name: 'Empresa Cópias', adminPassword: 'senha-do-admin-123' });
  other = await makeCompany({ name: 'Empresa Cópias Vizinha' });
});

describe("the contact's copies for the filters", () => {
  it('a new contact: its permissions, and pending unless the person already has a password', async () => {
    const fresh = await createContact(adminContext(made), createInput({ name: 'Nova Pessoa' }));
    expect(fresh.ok).toBe(true);
    const id = (fresh as { contactId: string }).contactId;
    expect(await copies(made.company.id, id)).toEqual({ permissions: ['self_service'], invitationPending: true });

    // Someone who already set a password in another company is not invited again.
    const known = await makeContact(other.company.id, { email: uniqueEmail('conhecida'), password: 'senha-dela-12345' });
    const again = await createContact(adminContext(made), createInput({ email: known.email }));
    expect(again.ok).toBe(true);
    expect((await copies(made.company.id, (again as { contactId: string }).contactId)).invitationPending).toBe(false);
    expect(await copiesOff(made.company.id)).toEqual([]);
  });

  it("an import's batch writes them with the contacts, for new and known people alike", async () => {
    const known = await makeContact(other.company.id, { email: uniqueEmail('importada'), password: 'senha-dela-12345' });
    const fresh = await findOrCreateAccount(db, uniqueEmail('nova'));
    const { ids } = await db.transaction((tx) =>
      insertContacts(tx, made.company.id, { contactId: made.admin.id, email: made.adminEmail }, [
        { accountId: known.accountId, name: 'Importada Conhecida', email: known.email, permissions: ['it_admin', 'bpo_full_access'] },
        { accountId: fresh.id, name: 'Importada Nova', email: fresh.email },
      ]),
    );
    expect(await copies(made.company.id, ids[0]!)).toEqual({ permissions: ['bpo_full_access', 'it_admin'], invitationPending: false });
    expect(await copies(made.company.id, ids[1]!)).toEqual({ permissions: ['self_service'], invitationPending: true });
    expect(await copiesOff(made.company.id)).toEqual([]);
  });

  it('a contact written by any other statement, with the copy wrong or left to its default, gets the right one', async () => {
    // The trigger compares the rows as written with their accounts (migration 0019): in one
    // statement, the wrong copies are corrected and the right one kept.
    const withPassword = await makeContact(other.company.id, { email: uniqueEmail('direta'), password: 'senha-dela-12345' });
    const withoutPassword = await findOrCreateAccount(db, uniqueEmail('direta-nova'));
    const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await db.execute(sql`
      insert into contacts (company_id, id, account_id, name, email, invitation_pending) values
        (${made.company.id}, ${a}, ${withPassword.accountId}, 'Direta Padrão', ${withPassword.email}, default),
        (${made.company.id}, ${b}, ${withoutPassword.id}, 'Direta Errada', ${withoutPassword.email}, false),
        (${other.company.id}, ${c}, ${withoutPassword.id}, 'Direta Certa', ${withoutPassword.email}, true)`);
    expect((await copies(made.company.id, a)).invitationPending).toBe(false);
    expect((await copies(made.company.id, b)).invitationPending).toBe(true);
    expect((await copies(other.company.id, c)).invitationPending).toBe(true);
    expect(await copiesOff(made.company.id)).toEqual([]);
  });

  it('a password set reaches every company of the person; cleared, the invitation is pending again', async () => {
    const email = uniqueEmail('duas');
    const here = await makeContact(made.company.id, { email });
    const there = await makeContact(other.company.id, { email });
    expect((await copies(made.company.id, here.id)).invitationPending).toBe(true);
    await setPassword(db, here.accountId, 'senha-nova-12345');
    expect((await copies(made.company.id, here.id)).invitationPending).toBe(false);
    expect((await copies(other.company.id, there.id)).invitationPending).toBe(false);
    await db.update(accounts).set({ passwordHash: null }).where(eq(accounts.id, here.accountId));
    expect((await copies(made.company.id, here.id)).invitationPending).toBe(true);
    expect(await copiesOff(made.company.id)).toEqual([]);
    expect(await copiesOff(other.company.id)).toEqual([]);
  });

  it('a new e-mail moves the contact to that account, and to its invitation state', async () => {
    const c = await makeContact(made.company.id, { email: uniqueEmail('muda') });
    const withPassword = await makeContact(other.company.id, { email: uniqueEmail('destino'), password: 'senha-dela-12345' });
    const row = await contactRow(made.company.id, c.id);
    expect(await updateContact(adminContext(made), updateInput(row!, { email: withPassword.email, emailConfirmation: withPassword.email }))).toEqual({
      ok: true,
    });
    expect((await copies(made.company.id, c.id)).invitationPending).toBe(false);
    const moved = await contactRow(made.company.id, c.id);
    const address = uniqueEmail('nova-conta');
    expect(await updateContact(adminContext(made), updateInput(moved!, { email: address, emailConfirmation: address }))).toEqual({ ok: true });
    expect((await copies(made.company.id, c.id)).invitationPending).toBe(true);
    expect(await copiesOff(made.company.id)).toEqual([]);
  });

  it('permissions set one at a time, in bulk, or written directly, always sorted', async () => {
    const c = await makeContact(made.company.id, { permissions: ['self_service'] });
    expect(await setPermissions(adminContext(made), c.id, ['it_admin', 'cloud_control_center', 'self_service'])).toEqual({ ok: true });
    expect((await copies(made.company.id, c.id)).permissions).toEqual(['cloud_control_center', 'it_admin', 'self_service']);
    expect(await setPermissions(adminContext(made), c.id, [])).toEqual({ ok: true });
    expect((await copies(made.company.id, c.id)).permissions).toEqual([]);

    const d = await makeContact(made.company.id, { permissions: ['self_service', 'it_admin'] });
    const bulk = await runBulkAction(adminContext(made), 'permissions', [c.id, d.id], { on: ['bpo_full_access'], off: ['it_admin'] });
    expect(bulk.ok).toBe(true);
    expect((await copies(made.company.id, c.id)).permissions).toEqual(['bpo_full_access']);
    expect((await copies(made.company.id, d.id)).permissions).toEqual(['bpo_full_access', 'self_service']);

    await db.insert(contactPermissions).values({ companyId: made.company.id, contactId: d.id, permission: 'education_manager' });
    expect((await copies(made.company.id, d.id)).permissions).toEqual(['bpo_full_access', 'education_manager', 'self_service']);
    await db
      .update(contactPermissions)
      .set({ contactId: c.id })
      .where(
        and(eq(contactPermissions.companyId, made.company.id), eq(contactPermissions.contactId, d.id), eq(contactPermissions.permission, 'education_manager')),
      );
    expect((await copies(made.company.id, d.id)).permissions).toEqual(['bpo_full_access', 'self_service']);
    expect((await copies(made.company.id, c.id)).permissions).toEqual(['bpo_full_access', 'education_manager']);
    await db.delete(contactPermissions).where(and(eq(contactPermissions.companyId, made.company.id), eq(contactPermissions.contactId, d.id)));
    expect((await copies(made.company.id, d.id)).permissions).toEqual([]);
    expect(await copiesOff(made.company.id)).toEqual([]);
  });
});

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, contacts, groupMembers, groups, tickets } from '@/db/schema';
import { makeCompany, makeContact } from '../support/fixtures';

// Postgres wraps the constraint error; the constraint name is on the cause.
async function violation(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as { cause?: { constraint?: string; message?: string }; constraint?: string; message?: string };
    return e.cause?.constraint ?? e.constraint ?? e.cause?.message ?? e.message ?? 'error';
  }
  return 'no error';
}

describe('one administrator per company', () => {
  it('refuses a second administrator', async () => {
    const { company } = await makeCompany();
    const other = await makeContact(company.id);
    const result = await violation(db.update(contacts).set({ isAdmin: true }).where(eq(contacts.id, other.id)));
    expect(result).toBe('contacts_one_admin_key');
  });

  it('refuses to leave a company without an administrator', async () => {
    const { admin } = await makeCompany();
    const result = await violation(db.update(contacts).set({ isAdmin: false }).where(eq(contacts.id, admin.id)));
    expect(result).toBe('company_one_admin');
    const [still] = await db.select().from(contacts).where(eq(contacts.id, admin.id));
    expect(still!.isAdmin).toBe(true);
  });

  it('refuses to delete the administrator', async () => {
    const { admin } = await makeCompany();
    expect(await violation(db.delete(contacts).where(eq(contacts.id, admin.id)))).toMatch(/company_one_admin|_fk/);
  });

  it('refuses a company created without an administrator', async () => {
    expect(await violation(db.insert(companies).values({ code: 'SEMADMIN', name: 'Sem administrador' }))).toBe('company_one_admin');
  });

  it('allows a swap of administrators inside one transaction', async () => {
    const { company, admin } = await makeCompany();
    const next = await makeContact(company.id);
    await db.transaction(async (tx) => {
      await tx.update(contacts).set({ isAdmin: false }).where(eq(contacts.id, admin.id));
      await tx.update(contacts).set({ isAdmin: true }).where(eq(contacts.id, next.id));
    });
    const admins = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, company.id), eq(contacts.isAdmin, true)));
    expect(admins.map((a) => a.id)).toEqual([next.id]);
  });
});

describe('uniqueness among active contacts', () => {
  it('compares e-mail without regard to case', async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'maria@example.test' });
    expect(await violation(makeContact(company.id, { email: 'MARIA@example.test' }))).toBe('contacts_active_email_key');
  });

  it('refuses the same document twice in a company but not across companies', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    await makeContact(a.company.id, { document: '52998224725' });
    expect(await violation(makeContact(a.company.id, { document: '52998224725' }))).toBe('contacts_active_document_key');
    await expect(makeContact(b.company.id, { document: '52998224725' })).resolves.toBeTruthy();
  });

  it('frees e-mail and document when a contact is removed', async () => {
    const { company } = await makeCompany();
    const first = await makeContact(company.id, { email: 'reuso@example.test', document: '11144477735' });
    await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, first.id));
    const again = await makeContact(company.id, { email: 'reuso@example.test', document: '11144477735' });
    expect(again.id).not.toBe(first.id);
  });
});

describe('tenant keys', () => {
  it('refuses a ticket whose requester belongs to another company', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const outsider = await makeContact(b.company.id);
    const result = await violation(db.insert(tickets).values({ companyId: a.company.id, number: 1, subject: 'x', description: 'y', requesterId: outsider.id }));
    expect(result).toBe('tickets_requester_fk');
  });

  it('refuses a group member or responsible from another company', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const outsider = await makeContact(b.company.id);
    expect(await violation(db.insert(groups).values({ companyId: a.company.id, name: 'G', type: 'service', responsibleId: outsider.id }))).toBe(
      'groups_responsible_fk',
    );
    const [group] = await db.insert(groups).values({ companyId: a.company.id, name: 'G', type: 'service' }).returning();
    expect(await violation(db.insert(groupMembers).values({ companyId: a.company.id, groupId: group!.id, contactId: outsider.id }))).toBe(
      'group_members_contact_fk',
    );
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { contactNames, listAuditEvents } from '@/lib/audit/queries';
import { removeContact, setPermissions } from '@/lib/contacts/mutations';
import { transferAdministration } from '@/lib/contacts/transfers';
import { makeCompany, makeContact } from '../support/fixtures';

describe('history', () => {
  it("lists a company's changes with filters, and never another company's", async () => {
    const a = await makeCompany({ name: 'Empresa Histórico A' });
    const b = await makeCompany({ name: 'Empresa Histórico B' });
    const ctx = { companyId: a.company.id, companyName: a.company.name, contactId: a.admin.id, email: a.adminEmail };
    const rita = await makeContact(a.company.id, { name: 'Rita Assunção', permissions: ['self_service'] });
    const caio = await makeContact(a.company.id, { name: 'Caio Prado' });
    await setPermissions(ctx, rita.id, ['self_service', 'it_admin']);
    await removeContact(ctx, caio.id);
    await makeContact(b.company.id, { name: 'Rita da Outra' });

    const all = await listAuditEvents(a.company.id, {});
    expect(all.rows.every((r) => r.subjectName !== 'Rita da Outra')).toBe(true);
    expect(all.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['company.created', 'contact.created', 'contact.permissions_changed', 'contact.removed']),
    );

    const ritaOnly = await listAuditEvents(a.company.id, { subjectContactId: rita.id });
    expect(ritaOnly.rows.map((r) => r.action)).toEqual(['contact.permissions_changed']);
    expect(ritaOnly.rows[0]).toMatchObject({
      before: { permissions: ['self_service'] },
      after: { permissions: ['it_admin', 'self_service'] },
      actorName: a.admin.name,
    });

    expect((await listAuditEvents(a.company.id, { action: 'contact.removed' })).rows.map((r) => r.subjectName)).toEqual(['Caio Prado']);
    for (const q of ['assuncao', 'Assunção', 'RITA ASS']) {
      expect(
        (await listAuditEvents(a.company.id, { q })).rows.map((r) => r.action),
        q,
      ).toEqual(['contact.permissions_changed']);
    }
    expect((await listAuditEvents(a.company.id, { action: 'not.an.action' })).total).toBe(all.total);

    const future = new Date(Date.now() + 86_400_000);
    expect((await listAuditEvents(a.company.id, { from: future })).total).toBe(0);
    expect((await listAuditEvents(a.company.id, { to: future })).total).toBe(all.total);
  });

  it('names contacts inside entries, only within the company', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const next = await makeContact(a.company.id, { name: 'Nova Administradora' });
    const stranger = await makeContact(b.company.id, { name: 'Estranha' });
    const ctx = { companyId: a.company.id, companyName: a.company.name, contactId: a.admin.id, email: a.adminEmail };
    await transferAdministration(ctx, next.id);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'contact.admin_transferred'));
    expect(event).toMatchObject({ companyId: a.company.id, before: { administratorId: a.admin.id }, after: { administratorId: next.id } });
    const names = await contactNames(a.company.id, [a.admin.id, next.id, stranger.id, 'lixo']);
    expect([...names.values()].sort()).toEqual([a.admin.name, 'Nova Administradora'].sort());
  });
});

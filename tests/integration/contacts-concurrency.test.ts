import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts, tickets } from '@/db/schema';
import { createContact, removeContact, setPermissions, updateContact } from '@/lib/contacts/mutations';
import { transferAdministration, transferTickets } from '@/lib/contacts/transfers';
import { makeCompany, makeContact, randomCpf } from '../support/fixtures';
import { adminContext, auditOf, contactRow, createInput, insertTicket, permissionsOf, uniqueEmail, updateInput } from './contacts-helpers';

// On PostgreSQL these run truly in parallel on a pool of connections; on PGlite the
// transactions queue on its single connection. Both must keep the same invariants.
const onPostgres = process.env.TEST_DB === 'postgres';

async function activeAdminIds(companyId: string) {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.isAdmin, true), eq(contacts.status, 'active')));
  return rows.map((r) => r.id);
}

describe('concurrent edits of one contact', () => {
  it('lets exactly one of two saves from the same version through; the other is stale', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id, { name: 'Original' });
    const results = await Promise.all([
      updateContact(ctx, updateInput(c, { name: 'Edição da Ana', phone: '911111111' })),
      updateContact(ctx, updateInput(c, { name: 'Edição do Bruno', phone: '922222222' })),
    ]);
    const ok = results.filter((r) => r.ok);
    const stale = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    // Both changed the name and the phone: the later save is refused with both to choose.
    expect(stale).toMatchObject([{ ok: false, error: 'stale', currentVersion: 2, choose: ['name', 'phone'], informed: [] }]);

    const winner = results[0]!.ok ? { name: 'Edição da Ana', phone: '911111111' } : { name: 'Edição do Bruno', phone: '922222222' };
    expect(await contactRow(made.company.id, c.id)).toMatchObject({ ...winner, version: 2 });
    const events = await auditOf(made.company.id, 'contact.updated');
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual(winner);
  });

  it('two saves of different fields from the same version: the later one is refused, and neither change is lost', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id, { name: 'Original' });
    const [name, phone] = await Promise.all([
      updateContact(ctx, updateInput(c, { name: 'Nome Novo' })),
      updateContact(ctx, updateInput(c, { phone: '933334444' })),
    ]);
    const [winner, loser] = name.ok ? [{ name: 'Nome Novo' }, phone] : [{ phone: '933334444' }, name];
    expect(loser).toMatchObject({ ok: false, error: 'stale', currentVersion: 2, choose: [], informed: [Object.keys(winner)[0]] });
    // The refused one saves again from the version it was shown (the other's change now in its form).
    const v2 = await contactRow(made.company.id, c.id);
    const again: Record<string, string> = name.ok ? { phone: '933334444' } : { name: 'Nome Novo' };
    expect(await updateContact(ctx, updateInput(v2, again))).toEqual({ ok: true });
    expect(await contactRow(made.company.id, c.id)).toMatchObject({ name: 'Nome Novo', phone: '933334444', version: 3 });
    expect((await auditOf(made.company.id, 'contact.updated')).map((e) => e.after)).toEqual([winner, again]);
  });

  it('serialises permission changes, so each history entry starts where the previous one ended', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id, { permissions: ['self_service'] });
    const sets = [['it_admin'], ['bpo_full_access', 'self_service'], ['restrict_tickets'], ['cloud_control_center', 'education_manager']] as const;
    const results = await Promise.all(sets.map((s) => setPermissions(ctx, c.id, [...s])));
    expect(results).toEqual(sets.map(() => ({ ok: true })));

    const events = await auditOf(made.company.id, 'contact.permissions_changed');
    expect(events).toHaveLength(sets.length);
    let current: string[] = ['self_service'];
    for (const e of events) {
      expect((e.before as { permissions: string[] }).permissions).toEqual(current);
      current = (e.after as { permissions: string[] }).permissions;
    }
    expect(await permissionsOf(made.company.id, c.id)).toEqual(current);
  });
});

describe('concurrent registrations', () => {
  it('registers a racing e-mail once; every other attempt gets emailTaken', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const email = uniqueEmail('corrida');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createContact(ctx, createInput({ email: i % 2 ? email.toUpperCase() : email, document: randomCpf() }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, fieldErrors: { email: 'emailTaken' } })));
    const rows = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, made.company.id), eq(contacts.status, 'active')));
    expect(rows.filter((r) => r.email.toLowerCase() === email)).toHaveLength(1);
    expect(await auditOf(made.company.id, 'contact.created')).toHaveLength(2); // the administrator and the winner
  });

  it('registers a racing CPF once; every other attempt gets documentTaken', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const cpf = randomCpf();
    const results = await Promise.all(Array.from({ length: 8 }, () => createContact(ctx, createInput({ document: cpf }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, fieldErrors: { document: 'documentTaken' } })));
    const rows = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, made.company.id), eq(contacts.document, cpf)));
    expect(rows).toHaveLength(1);
  });

  it('lets only one of two contacts move to the same new e-mail at once', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const a = await makeContact(made.company.id);
    const b = await makeContact(made.company.id);
    const email = uniqueEmail('disputado');
    const results = await Promise.all([updateContact(ctx, updateInput(a, { email })), updateContact(ctx, updateInput(b, { email }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, fieldErrors: { email: 'emailTaken' } }]);
    const emails = [(await contactRow(made.company.id, a.id)).email, (await contactRow(made.company.id, b.id)).email];
    expect(emails.filter((e) => e === email)).toHaveLength(1);
  });
});

describe('concurrent administration transfers', () => {
  const attempts = onPostgres ? 100 : 20;

  it(`lets exactly one of ${attempts} simultaneous transfers from the same administrator through`, async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const targets = [];
    for (let i = 0; i < attempts; i++) targets.push(await makeContact(made.company.id, { name: `Candidato ${String(i).padStart(3, '0')}` }));

    const results = await Promise.all(targets.map((t) => transferAdministration(ctx, t.id)));

    const okAt = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(okAt).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: attempts - 1 }, () => ({ ok: false, error: 'notAdminAnymore' })));
    const winner = targets[okAt[0]!]!;
    expect(await activeAdminIds(made.company.id)).toEqual([winner.id]);
    expect(await contactRow(made.company.id, made.admin.id)).toMatchObject({ isAdmin: false, status: 'active' });
    const events = await auditOf(made.company.id, 'contact.admin_transferred');
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toEqual({ administratorId: winner.id });
  });

  it('never leaves a removed administrator when a transfer races the removal of its target', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    for (let round = 0; round < 5; round++) {
      const admin = (await activeAdminIds(made.company.id))[0]!;
      const actor = { ...ctx, contactId: admin };
      const target = await makeContact(made.company.id);
      const [transfer, removal] = await Promise.all([transferAdministration(actor, target.id), removeContact(actor, target.id)]);
      // Either the transfer won (the new administrator cannot be removed) or the removal won.
      if (transfer.ok) expect(removal).toEqual({ ok: false, error: 'isAdmin' });
      else {
        expect(transfer).toEqual({ ok: false, error: 'notFound' });
        expect(removal).toEqual({ ok: true });
      }
      const admins = await activeAdminIds(made.company.id);
      expect(admins).toHaveLength(1);
      expect(admins[0]).toBe(transfer.ok ? target.id : admin);
    }
  });
});

describe('concurrent ticket transfer and removal', () => {
  it('never removes a contact who has just received open tickets', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    for (let round = 0; round < 5; round++) {
      const from = await makeContact(made.company.id);
      const to = await makeContact(made.company.id);
      await insertTicket(made.company.id, from.id, 'open');
      const [transfer, removal] = await Promise.all([transferTickets(ctx, from.id, to.id), removeContact(ctx, to.id)]);
      if (transfer.ok) {
        expect(transfer).toEqual({ ok: true, moved: 1 });
        expect(removal).toEqual({ ok: false, error: 'hasOpenTickets' });
      } else {
        expect(transfer).toEqual({ ok: false, error: 'targetNotFound' });
        expect(removal).toEqual({ ok: true });
      }
      const open = await db
        .select({ requesterId: tickets.requesterId, status: contacts.status })
        .from(tickets)
        .innerJoin(contacts, and(eq(contacts.companyId, tickets.companyId), eq(contacts.id, tickets.requesterId)))
        .where(eq(tickets.companyId, made.company.id));
      expect(open.filter((t) => t.status !== 'active')).toEqual([]);
    }
  });
});

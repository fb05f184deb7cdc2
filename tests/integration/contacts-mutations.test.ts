import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, auditEvents, authTokens, contactPermissions, contacts, groupMembers, groups, mailOutbox } from '@/db/schema';
import { resolveSession } from '@/lib/auth/context';
import { findValidToken, issueToken } from '@/lib/auth/tokens';
import { formatCpf } from '@/lib/br/cpf';
import { createContact, removeContact, setPermissions, updateContact } from '@/lib/contacts/mutations';
import { transferAdministration, transferTickets } from '@/lib/contacts/transfers';
import { countOpenTickets, getContact, transferTargets } from '@/lib/contacts/queries';
import { makeCompany, makeContact, randomCpf, sessionFor } from '../support/fixtures';
import {
  adminContext,
  auditOf,
  companyContacts,
  contactRow,
  createInput,
  insertTicket,
  mailOf,
  permissionsOf,
  ticketsOf,
  uniqueEmail,
  updateInput,
  xmins,
} from './contacts-helpers';

const INVITE_LINK = /\/invite\/([\w-]{20,})/;

async function activeAdmins(companyId: string) {
  return db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.isAdmin, true), eq(contacts.status, 'active')));
}

describe('createContact', () => {
  it('stores the CPF as digits when it is typed with the mask, and the phone as digits', async () => {
    const made = await makeCompany();
    const cpf = randomCpf();
    const input = createInput({ name: '  Joana Pereira ', document: formatCpf(cpf), areaCode: '(11)', phone: '98765-4321', consultancy: 'yes' });
    const result = await createContact(adminContext(made), input);
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
    const row = await contactRow(made.company.id, result.contactId);
    expect(row).toMatchObject({
      name: 'Joana Pereira',
      document: cpf,
      country: 'BR',
      areaCode: '11',
      phone: '987654321',
      consultancy: true,
      isAdmin: false,
      status: 'active',
      version: 1,
      email: input.email,
    });
  });

  it('grants the default permission self_service', async () => {
    const made = await makeCompany();
    const result = await createContact(adminContext(made), createInput());
    if (!result.ok) throw new Error('expected ok');
    expect(await permissionsOf(made.company.id, result.contactId)).toEqual(['self_service']);
  });

  it("writes one 'contact.created' audit event, in the transaction that creates the contact", async () => {
    const made = await makeCompany();
    const input = createInput({ name: 'Auditada Souza' });
    const before = await auditOf(made.company.id);
    const result = await createContact(adminContext(made), input);
    if (!result.ok) throw new Error('expected ok');

    const created = (await auditOf(made.company.id)).slice(before.length);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: 'contact.created',
      entityType: 'contact',
      entityId: result.contactId,
      subjectContactId: result.contactId,
      actorContactId: made.admin.id,
      actorEmail: made.adminEmail,
      before: null,
    });
    expect(created[0]!.after).toMatchObject({ name: 'Auditada Souza', email: input.email, document: input.document, permissions: ['self_service'] });

    // One transaction wrote the contact, its permission, the history entry and the mail.
    const written = [
      ...(await xmins('contacts', and(eq(contacts.companyId, made.company.id), eq(contacts.id, result.contactId)))),
      ...(await xmins('contact_permissions', eq(contactPermissions.contactId, result.contactId))),
      ...(await xmins('audit_events', eq(auditEvents.id, created[0]!.id))),
      ...(await xmins('mail_outbox', eq(mailOutbox.toAddress, input.email))),
    ];
    expect(written.length).toBe(4);
    expect(new Set(written).size).toBe(1);
  });

  it('leaves nothing behind when a later step of the creation fails', async () => {
    const made = await makeCompany();
    const email = uniqueEmail('falha');
    // A real failure inside the database while the invitation is queued (the last step).
    await db.execute(
      sql.raw(`
      create or replace function test_fail_mail() returns trigger language plpgsql as $$
      begin
        if new.to_address = '${email}' then raise exception 'mail queue unavailable'; end if;
        return new;
      end $$`),
    );
    await db.execute(sql`create trigger test_fail_mail before insert on mail_outbox for each row execute function test_fail_mail()`);
    try {
      const auditBefore = await auditOf(made.company.id);
      const contactsBefore = await companyContacts(made.company.id);
      await expect(createContact(adminContext(made), createInput({ email }))).rejects.toThrow();
      expect(await companyContacts(made.company.id)).toEqual(contactsBefore);
      expect(await auditOf(made.company.id)).toEqual(auditBefore);
      expect(await db.select().from(accounts).where(eq(accounts.email, email))).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger test_fail_mail on mail_outbox`);
    }
  });

  it('queues an invitation with a working link for a person new to the portal', async () => {
    const made = await makeCompany();
    const input = createInput({ name: 'Nova Pessoa' });
    const result = await createContact(adminContext(made), input);
    if (!result.ok) throw new Error('expected ok');
    const mails = (await mailOf(made.company.id)).filter((m) => m.toAddress === input.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'invite', status: 'pending', companyId: made.company.id });
    expect(mails[0]!.subject).toContain(made.company.name);
    const token = INVITE_LINK.exec(mails[0]!.textBody)?.[1];
    expect(token).toBeDefined();
    const row = await contactRow(made.company.id, result.contactId);
    expect(await findValidToken(db, token!, 'invite')).toMatchObject({ accountId: row.accountId, companyId: made.company.id, email: input.email });
  });

  it('tells a person who already has a password that they have access, without an invitation link', async () => {
    const other = await makeCompany();
    const made = await makeCompany();
    const email = uniqueEmail('ja.cadastrada');
    const existing = await makeContact(other.company.id, { email, password: 'senha-ja-usada-1' });

    const result = await createContact(adminContext(made), createInput({ email: email.toUpperCase() }));
    if (!result.ok) throw new Error('expected ok');

    const row = await contactRow(made.company.id, result.contactId);
    expect(row.accountId).toBe(existing.accountId); // one person, one password for every company
    const mails = (await mailOf(made.company.id)).filter((m) => m.toAddress.toLowerCase() === email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe('access_granted');
    expect(mails[0]!.textBody).not.toMatch(/\/invite\//);
    expect(await db.select().from(authTokens).where(eq(authTokens.accountId, existing.accountId))).toEqual([]);
  });

  // Links reach only the person's mailbox (never an administrator's page), so a person of
  // another company who never set a password is invited here too, and may use either link.
  it("invites a contact of another company who never set a password, voiding nothing of the other company's", async () => {
    const other = await makeCompany();
    const made = await makeCompany();
    const email = uniqueEmail('sem.senha');
    const there = await makeContact(other.company.id, { email });
    const theirs = await issueToken(db, { accountId: there.accountId, purpose: 'invite', companyId: other.company.id, contactId: there.id });
    const result = await createContact(adminContext(made), createInput({ email }));
    expect(result.ok).toBe(true);
    const mails = (await mailOf(made.company.id)).filter((m) => m.toAddress === email);
    expect(mails.map((m) => m.kind)).toEqual(['invite']);
    const ours = INVITE_LINK.exec(mails[0]!.textBody)?.[1];
    expect(await findValidToken(db, ours!, 'invite')).toMatchObject({ companyId: made.company.id });
    expect(await findValidToken(db, theirs, 'invite')).toMatchObject({ companyId: other.company.id });
  });

  it('refuses an e-mail already used by an active contact of the company, whatever its case', async () => {
    const made = await makeCompany();
    const email = uniqueEmail('Joana.Case');
    await makeContact(made.company.id, { email });
    const contactsBefore = await companyContacts(made.company.id);
    const auditBefore = await auditOf(made.company.id);
    const mailBefore = await mailOf(made.company.id);

    const result = await createContact(adminContext(made), createInput({ email: email.toUpperCase() }));
    expect(result).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });
    const lower = await createContact(adminContext(made), createInput({ email: email.toLowerCase() }));
    expect(lower).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });

    expect(await companyContacts(made.company.id)).toEqual(contactsBefore);
    expect(await auditOf(made.company.id)).toEqual(auditBefore);
    expect(await mailOf(made.company.id)).toEqual(mailBefore);
  });

  it('refuses a CPF already used by an active contact of the company, masked or not', async () => {
    const made = await makeCompany();
    const cpf = randomCpf();
    await makeContact(made.company.id, { document: cpf });
    const contactsBefore = await companyContacts(made.company.id);
    expect(await createContact(adminContext(made), createInput({ document: cpf }))).toEqual({ ok: false, fieldErrors: { document: 'documentTaken' } });
    expect(await createContact(adminContext(made), createInput({ document: formatCpf(cpf) }))).toEqual({
      ok: false,
      fieldErrors: { document: 'documentTaken' },
    });
    expect(await companyContacts(made.company.id)).toEqual(contactsBefore);
  });

  it('reports both fields when e-mail and CPF are both taken', async () => {
    const made = await makeCompany();
    const existing = await makeContact(made.company.id);
    expect(await createContact(adminContext(made), createInput({ email: existing.email, document: existing.document! }))).toEqual({
      ok: false,
      fieldErrors: { email: 'emailTaken', document: 'documentTaken' },
    });
  });

  it('allows the same e-mail and CPF in another company', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const existing = await makeContact(a.company.id);
    const result = await createContact(adminContext(b), createInput({ email: existing.email, document: formatCpf(existing.document!) }));
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
    const row = await contactRow(b.company.id, result.contactId);
    expect(row).toMatchObject({ email: existing.email, document: existing.document, accountId: existing.accountId });
  });

  it('allows the e-mail and CPF again once the contact that used them is removed', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const input = createInput();
    const first = await createContact(ctx, input);
    if (!first.ok) throw new Error('expected ok');
    expect(await createContact(ctx, createInput({ email: input.email, document: input.document }))).toMatchObject({ ok: false });

    expect(await removeContact(ctx, first.contactId)).toEqual({ ok: true });
    const again = await createContact(ctx, createInput({ email: input.email.toUpperCase(), document: formatCpf(input.document) }));
    if (!again.ok) throw new Error(`expected ok, got ${JSON.stringify(again)}`);
    expect(again.contactId).not.toBe(first.contactId);
    expect((await contactRow(made.company.id, first.contactId)).status).toBe('removed');
    expect((await contactRow(made.company.id, again.contactId)).status).toBe('active');
  });

  it('accepts a foreign contact with a document as typed', async () => {
    const made = await makeCompany();
    const input = createInput({ country: 'pt', document: 'CC 12345678 9ZZ1', areaCode: '', phone: '912345678' });
    const result = await createContact(adminContext(made), input);
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
    expect(await contactRow(made.company.id, result.contactId)).toMatchObject({ country: 'PT', document: 'CC 12345678 9ZZ1' });
  });
});

describe('updateContact', () => {
  it('saves the changes and bumps the version', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { name: 'Antes da Silva' });
    const result = await updateContact(adminContext(made), updateInput(c, { name: 'Depois da Silva', phone: '912345678', consultancy: 'yes' }));
    expect(result).toEqual({ ok: true });
    const row = await contactRow(made.company.id, c.id);
    expect(row).toMatchObject({ name: 'Depois da Silva', phone: '912345678', consultancy: true, version: 2, email: c.email, accountId: c.accountId });
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(c.updatedAt.getTime());
    expect(await getContact(made.company.id, c.id)).toMatchObject({ name: 'Depois da Silva', version: 2 });
  });

  it("refuses a stale version with 'stale', the current version and what both changed, changing nothing", async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id, { name: 'Versão Um' });
    expect(await updateContact(ctx, updateInput(c, { name: 'Versão Dois' }))).toEqual({ ok: true });
    const saved = await contactRow(made.company.id, c.id);
    const auditBefore = await auditOf(made.company.id);

    const stale = await updateContact(ctx, updateInput(c, { name: 'Sobrescrita', phone: '911112222' }));
    // The name was changed by both saves: for the person to choose. The phone only by this one.
    expect(stale).toMatchObject({ ok: false, error: 'stale', currentVersion: 2, choose: ['name'], informed: [] });
    expect(await contactRow(made.company.id, c.id)).toEqual(saved);
    expect(await auditOf(made.company.id)).toEqual(auditBefore);
  });

  it("returns 'notFound' for a contact of another company and changes nothing there", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id, { name: 'Contato da Outra' });
    const auditA = await auditOf(a.company.id);
    const auditB = await auditOf(b.company.id);
    const result = await updateContact(adminContext(a), updateInput(theirs, { name: 'Invadido' }));
    expect(result).toEqual({ ok: false, error: 'notFound' });
    expect(await contactRow(b.company.id, theirs.id)).toMatchObject({ name: 'Contato da Outra', version: 1 });
    expect(await auditOf(a.company.id)).toEqual(auditA);
    expect(await auditOf(b.company.id)).toEqual(auditB);
  });

  it("returns 'notFound' for a removed contact", async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    expect(await removeContact(adminContext(made), c.id)).toEqual({ ok: true });
    const removed = await contactRow(made.company.id, c.id);
    expect(await updateContact(adminContext(made), updateInput(removed, { name: 'Ressuscitado' }))).toEqual({ ok: false, error: 'notFound' });
    expect((await contactRow(made.company.id, c.id)).name).toBe(removed.name);
  });

  it('links the contact to the account of a new e-mail and invites it', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    const newEmail = uniqueEmail('Novo.Endereco');
    const result = await updateContact(adminContext(made), updateInput(c, { email: newEmail }));
    expect(result).toEqual({ ok: true });

    const [account] = await db.select().from(accounts).where(eq(accounts.email, newEmail.toLowerCase()));
    expect(account).toBeDefined();
    const row = await contactRow(made.company.id, c.id);
    expect(row.accountId).toBe(account!.id);
    expect(row.accountId).not.toBe(c.accountId);
    expect(row.email).toBe(newEmail);

    const mails = (await mailOf(made.company.id)).filter((m) => m.toAddress === newEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe('invite');
    const token = INVITE_LINK.exec(mails[0]!.textBody)?.[1];
    expect(await findValidToken(db, token!, 'invite')).toMatchObject({ accountId: account!.id, companyId: made.company.id });
    // The old address no longer signs in to this company.
    expect(await resolveSession(db, await sessionFor(c.accountId), made.company.id)).toMatchObject({ status: 'no-company' });
  });

  it('links to the existing account of a new e-mail that already has a password, without an invitation link', async () => {
    const other = await makeCompany();
    const made = await makeCompany();
    const known = await makeContact(other.company.id, { password: 'senha-antiga-123' });
    const c = await makeContact(made.company.id);
    expect(await updateContact(adminContext(made), updateInput(c, { email: known.email }))).toEqual({ ok: true });
    expect((await contactRow(made.company.id, c.id)).accountId).toBe(known.accountId);
    const mails = (await mailOf(made.company.id)).filter((m) => m.toAddress === known.email);
    expect(mails.map((m) => m.kind)).toEqual(['access_granted']);
  });

  it('sends nothing and keeps the account when the e-mail is unchanged', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    const mailBefore = await mailOf(made.company.id);
    expect(await updateContact(adminContext(made), updateInput(c, { name: 'Só o Nome Mudou' }))).toEqual({ ok: true });
    expect((await contactRow(made.company.id, c.id)).accountId).toBe(c.accountId);
    expect(await mailOf(made.company.id)).toEqual(mailBefore);
  });

  it("records only the changed fields in 'contact.updated', in the same transaction", async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { name: 'Nome Antigo' });
    const before = await auditOf(made.company.id);
    expect(await updateContact(adminContext(made), updateInput(c, { name: 'Nome Novo', phone: '923456789' }))).toEqual({ ok: true });
    const events = (await auditOf(made.company.id)).slice(before.length);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'contact.updated',
      entityId: c.id,
      subjectContactId: c.id,
      actorContactId: made.admin.id,
      actorEmail: made.adminEmail,
      before: { name: 'Nome Antigo', phone: '987654321' },
      after: { name: 'Nome Novo', phone: '923456789' },
    });
    expect(Object.keys(events[0]!.before as object).sort()).toEqual(['name', 'phone']);
    expect(Object.keys(events[0]!.after as object).sort()).toEqual(['name', 'phone']);
    const written = [
      ...(await xmins('contacts', and(eq(contacts.companyId, made.company.id), eq(contacts.id, c.id)))),
      ...(await xmins('audit_events', eq(auditEvents.id, events[0]!.id))),
    ];
    expect(written.length).toBe(2);
    expect(new Set(written).size).toBe(1);
  });

  it('a masked CPF equal to the stored one is no change', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    const before = await auditOf(made.company.id);
    expect(await updateContact(adminContext(made), updateInput(c, { document: formatCpf(c.document!) }))).toEqual({ ok: true });
    expect((await contactRow(made.company.id, c.id)).document).toBe(c.document);
    expect((await auditOf(made.company.id)).slice(before.length)).toEqual([]);
  });

  it("refuses another active contact's e-mail or CPF, but not the contact's own", async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id);
    const other = await makeContact(made.company.id);
    expect(await updateContact(ctx, updateInput(c, { email: other.email.toUpperCase() }))).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });
    expect(await updateContact(ctx, updateInput(c, { document: formatCpf(other.document!) }))).toEqual({
      ok: false,
      fieldErrors: { document: 'documentTaken' },
    });
    expect((await contactRow(made.company.id, c.id)).version).toBe(1);
    expect(await updateContact(ctx, updateInput(c, { email: c.email.toUpperCase() }))).toEqual({ ok: true });
  });
});

describe('setPermissions', () => {
  it("replaces the set and records 'contact.permissions_changed' with before and after", async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { permissions: ['self_service', 'bpo_full_access'] });
    const before = await auditOf(made.company.id);
    expect(await setPermissions(adminContext(made), c.id, ['restrict_tickets', 'it_admin'])).toEqual({ ok: true });
    expect(await permissionsOf(made.company.id, c.id)).toEqual(['it_admin', 'restrict_tickets']);
    const events = (await auditOf(made.company.id)).slice(before.length);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'contact.permissions_changed',
      entityId: c.id,
      subjectContactId: c.id,
      actorContactId: made.admin.id,
      before: { permissions: ['bpo_full_access', 'self_service'] },
      after: { permissions: ['it_admin', 'restrict_tickets'] },
    });
    // Effective on the contact's very next request.
    const session = await resolveSession(db, await sessionFor(c.accountId), made.company.id);
    if (session.status !== 'ok') throw new Error('expected a session');
    expect([...session.context.permissions].sort()).toEqual(['it_admin', 'restrict_tickets']);
  });

  it('can take every permission away', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { permissions: ['self_service'] });
    expect(await setPermissions(adminContext(made), c.id, [])).toEqual({ ok: true });
    expect(await permissionsOf(made.company.id, c.id)).toEqual([]);
    const [event] = await auditOf(made.company.id, 'contact.permissions_changed');
    expect(event).toMatchObject({ before: { permissions: ['self_service'] }, after: { permissions: [] } });
  });

  it('records nothing when the set does not change', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { permissions: ['self_service', 'cloud_control_center'] });
    const before = await auditOf(made.company.id);
    expect(await setPermissions(adminContext(made), c.id, ['cloud_control_center', 'self_service', 'self_service'])).toEqual({ ok: true });
    expect(await permissionsOf(made.company.id, c.id)).toEqual(['cloud_control_center', 'self_service']);
    expect(await auditOf(made.company.id)).toEqual(before);
  });

  it("returns 'notFound' for a contact of another company and leaves its permissions alone", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id, { permissions: ['self_service'] });
    expect(await setPermissions(adminContext(a), theirs.id, ['it_admin'])).toEqual({ ok: false, error: 'notFound' });
    expect(await permissionsOf(b.company.id, theirs.id)).toEqual(['self_service']);
    expect(await auditOf(a.company.id, 'contact.permissions_changed')).toEqual([]);
    expect(await auditOf(b.company.id, 'contact.permissions_changed')).toEqual([]);
  });
});

describe('transferAdministration', () => {
  it('makes the target the administrator and the actor a regular contact, together', async () => {
    const made = await makeCompany();
    const target = await makeContact(made.company.id);
    const before = await auditOf(made.company.id);
    expect(await transferAdministration(adminContext(made), target.id)).toEqual({ ok: true });

    expect(await activeAdmins(made.company.id)).toEqual([{ id: target.id }]);
    expect(await contactRow(made.company.id, made.admin.id)).toMatchObject({ isAdmin: false, status: 'active' });
    const events = (await auditOf(made.company.id)).slice(before.length);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'contact.admin_transferred',
      actorContactId: made.admin.id,
      subjectContactId: target.id,
      before: { administratorId: made.admin.id },
      after: { administratorId: target.id },
    });
    const written = [
      ...(await xmins('contacts', and(eq(contacts.companyId, made.company.id), sql`${contacts.id} in (${made.admin.id}, ${target.id})`))),
      ...(await xmins('audit_events', eq(auditEvents.id, events[0]!.id))),
    ];
    expect(written.length).toBe(3);
    expect(new Set(written).size).toBe(1);

    // The former administrator is a regular contact on their next request.
    const former = await resolveSession(db, await sessionFor(made.adminAccountId), made.company.id);
    expect(former).toMatchObject({ status: 'ok', context: { contactId: made.admin.id, isAdmin: false } });
  });

  it("refuses a transfer to oneself with 'sameContact'", async () => {
    const made = await makeCompany();
    expect(await transferAdministration(adminContext(made), made.admin.id)).toEqual({ ok: false, error: 'sameContact' });
    expect(await activeAdmins(made.company.id)).toEqual([{ id: made.admin.id }]);
  });

  it("returns 'notFound' for a contact of another company, and nothing changes in either", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id);
    expect(await transferAdministration(adminContext(a), theirs.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await activeAdmins(a.company.id)).toEqual([{ id: a.admin.id }]);
    expect(await activeAdmins(b.company.id)).toEqual([{ id: b.admin.id }]);
    expect(await contactRow(b.company.id, theirs.id)).toMatchObject({ isAdmin: false, version: 1 });
    expect(await contactRow(a.company.id, a.admin.id)).toMatchObject({ isAdmin: true, version: 1 });
    expect(await auditOf(a.company.id, 'contact.admin_transferred')).toEqual([]);
  });

  it("returns 'notFound' for an id that is not a uuid, and for a removed contact", async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    expect(await transferAdministration(ctx, 'não-é-um-id')).toEqual({ ok: false, error: 'notFound' });
    expect(await transferAdministration(ctx, "1' or '1'='1")).toEqual({ ok: false, error: 'notFound' });
    const gone = await makeContact(made.company.id);
    expect(await removeContact(ctx, gone.id)).toEqual({ ok: true });
    expect(await transferAdministration(ctx, gone.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await activeAdmins(made.company.id)).toEqual([{ id: made.admin.id }]);
  });

  it("refuses the former administrator acting again with 'notAdminAnymore'", async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const first = await makeContact(made.company.id);
    const second = await makeContact(made.company.id);
    expect(await transferAdministration(ctx, first.id)).toEqual({ ok: true });
    expect(await transferAdministration(ctx, second.id)).toEqual({ ok: false, error: 'notAdminAnymore' });
    expect(await activeAdmins(made.company.id)).toEqual([{ id: first.id }]);
    expect(await auditOf(made.company.id, 'contact.admin_transferred')).toHaveLength(1);
  });
});

describe('transferTickets', () => {
  it('moves only the tickets that are not closed, and returns how many', async () => {
    const made = await makeCompany();
    const from = await makeContact(made.company.id);
    const to = await makeContact(made.company.id);
    const bystander = await makeContact(made.company.id);
    const open = await insertTicket(made.company.id, from.id, 'open');
    const working = await insertTicket(made.company.id, from.id, 'in_progress');
    const closed = await insertTicket(made.company.id, from.id, 'closed');
    const targetsOwn = await insertTicket(made.company.id, to.id, 'open');
    const someoneElses = await insertTicket(made.company.id, bystander.id, 'open');
    expect(await countOpenTickets(made.company.id, from.id)).toBe(2);

    const before = await auditOf(made.company.id);
    expect(await transferTickets(adminContext(made), from.id, to.id)).toEqual({ ok: true, moved: 2 });

    const requester = new Map((await ticketsOf(made.company.id)).map((t) => [t.id, t.requesterId]));
    expect(requester.get(open.id)).toBe(to.id);
    expect(requester.get(working.id)).toBe(to.id);
    expect(requester.get(closed.id)).toBe(from.id);
    expect(requester.get(targetsOwn.id)).toBe(to.id);
    expect(requester.get(someoneElses.id)).toBe(bystander.id);
    expect(await countOpenTickets(made.company.id, from.id)).toBe(0);
    expect(await countOpenTickets(made.company.id, to.id)).toBe(3);

    const events = (await auditOf(made.company.id)).slice(before.length);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'contact.tickets_transferred',
      actorContactId: made.admin.id,
      subjectContactId: from.id,
      before: { requesterId: from.id },
      after: { requesterId: to.id, tickets: 2 },
    });
  });

  it('returns 0 when there is nothing to move', async () => {
    const made = await makeCompany();
    const from = await makeContact(made.company.id);
    const to = await makeContact(made.company.id);
    await insertTicket(made.company.id, from.id, 'closed');
    expect(await transferTickets(adminContext(made), from.id, to.id)).toEqual({ ok: true, moved: 0 });
  });

  it("returns 'targetNotFound' for a target of another company, moving nothing", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const from = await makeContact(a.company.id);
    const theirs = await makeContact(b.company.id);
    const t = await insertTicket(a.company.id, from.id, 'open');
    expect(await transferTickets(adminContext(a), from.id, theirs.id)).toEqual({ ok: false, error: 'targetNotFound' });
    expect((await ticketsOf(a.company.id)).find((x) => x.id === t.id)?.requesterId).toBe(from.id);
    expect(await auditOf(a.company.id, 'contact.tickets_transferred')).toEqual([]);
  });

  it("returns 'targetNotFound' for a removed target, moving nothing", async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const from = await makeContact(made.company.id);
    const gone = await makeContact(made.company.id);
    expect(await removeContact(ctx, gone.id)).toEqual({ ok: true });
    await insertTicket(made.company.id, from.id, 'open');
    expect(await transferTickets(ctx, from.id, gone.id)).toEqual({ ok: false, error: 'targetNotFound' });
    expect(await countOpenTickets(made.company.id, from.id)).toBe(1);
  });

  it("returns 'notFound' when the source contact belongs to another company", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id);
    const to = await makeContact(a.company.id);
    await insertTicket(b.company.id, theirs.id, 'open');
    expect(await transferTickets(adminContext(a), theirs.id, to.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await countOpenTickets(b.company.id, theirs.id)).toBe(1);
  });

  it("refuses the same contact with 'sameContact'", async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    await insertTicket(made.company.id, c.id, 'open');
    expect(await transferTickets(adminContext(made), c.id, c.id)).toEqual({ ok: false, error: 'sameContact' });
    expect(await countOpenTickets(made.company.id, c.id)).toBe(1);
  });
});

describe('removeContact', () => {
  it("refuses the administrator with 'isAdmin'", async () => {
    const made = await makeCompany();
    expect(await removeContact(adminContext(made), made.admin.id)).toEqual({ ok: false, error: 'isAdmin' });
    expect(await contactRow(made.company.id, made.admin.id)).toMatchObject({ status: 'active', isAdmin: true });
  });

  it('refuses a contact with tickets that are not closed, and succeeds once they are transferred', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id);
    const heir = await makeContact(made.company.id);
    await insertTicket(made.company.id, c.id, 'in_progress');
    await insertTicket(made.company.id, c.id, 'closed');
    expect(await removeContact(ctx, c.id)).toEqual({ ok: false, error: 'hasOpenTickets' });
    expect((await contactRow(made.company.id, c.id)).status).toBe('active');
    expect(await auditOf(made.company.id, 'contact.removed')).toEqual([]);

    expect(await transferTickets(ctx, c.id, heir.id)).toEqual({ ok: true, moved: 1 });
    expect(await removeContact(ctx, c.id)).toEqual({ ok: true });
    expect((await contactRow(made.company.id, c.id)).status).toBe('removed');
  });

  it('removes the contact from groups, clears them as responsible, keeps closed tickets, ends access', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const c = await makeContact(made.company.id, { name: 'Quem Sai' });
    const stays = await makeContact(made.company.id);
    const [group] = await db.insert(groups).values({ companyId: made.company.id, name: 'Suporte N1', type: 'service', responsibleId: c.id }).returning();
    const [otherGroup] = await db
      .insert(groups)
      .values({ companyId: made.company.id, name: 'Financeiro', type: 'back_office', responsibleId: stays.id })
      .returning();
    await db.insert(groupMembers).values([
      { companyId: made.company.id, groupId: group!.id, contactId: c.id },
      { companyId: made.company.id, groupId: group!.id, contactId: stays.id },
      { companyId: made.company.id, groupId: otherGroup!.id, contactId: c.id },
    ]);
    const closed = await insertTicket(made.company.id, c.id, 'closed');
    expect(await getContact(made.company.id, c.id)).not.toBeNull();
    expect((await resolveSession(db, await sessionFor(c.accountId), made.company.id)).status).toBe('ok');

    expect(await removeContact(ctx, c.id)).toEqual({ ok: true });

    const row = await contactRow(made.company.id, c.id);
    expect(row).toMatchObject({ status: 'removed', isAdmin: false, name: 'Quem Sai' });
    expect(row.removedAt).toBeInstanceOf(Date);
    const members = await db.select().from(groupMembers).where(eq(groupMembers.companyId, made.company.id));
    expect(members.map((m) => [m.groupId, m.contactId])).toEqual([[group!.id, stays.id]]);
    const groupRows = await db.select().from(groups).where(eq(groups.companyId, made.company.id));
    expect(groupRows.find((g) => g.id === group!.id)?.responsibleId).toBeNull();
    expect(groupRows.find((g) => g.id === otherGroup!.id)?.responsibleId).toBe(stays.id);
    expect((await ticketsOf(made.company.id)).find((t) => t.id === closed.id)?.requesterId).toBe(c.id);

    expect(await resolveSession(db, await sessionFor(c.accountId), made.company.id)).toMatchObject({ status: 'no-company' });
    expect(await getContact(made.company.id, c.id)).toBeNull();

    const [event] = await auditOf(made.company.id, 'contact.removed');
    expect(event).toMatchObject({ actorContactId: made.admin.id, subjectContactId: c.id, entityId: c.id, after: null });
    expect(event!.before).toMatchObject({ name: 'Quem Sai', email: c.email, document: c.document });
    const written = [
      ...(await xmins('contacts', and(eq(contacts.companyId, made.company.id), eq(contacts.id, c.id)))),
      ...(await xmins('audit_events', eq(auditEvents.id, event!.id))),
    ];
    expect(written.length).toBe(2);
    expect(new Set(written).size).toBe(1);
  });

  it('keeps the access a removed person has in another company', async () => {
    const a = await makeCompany({ name: 'Alfa Remoção' });
    const b = await makeCompany({ name: 'Beta Remoção' });
    const email = uniqueEmail('duas');
    const inA = await makeContact(a.company.id, { email });
    const inB = await makeContact(b.company.id, { email });
    expect(await removeContact(adminContext(a), inA.id)).toEqual({ ok: true });
    const session = await resolveSession(db, await sessionFor(inA.accountId), a.company.id);
    expect(session).toMatchObject({ status: 'ok', context: { companyId: b.company.id, contactId: inB.id } });
  });

  it("returns 'notFound' for another company's contact, a malformed id, or a contact already removed", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id);
    expect(await removeContact(adminContext(a), theirs.id)).toEqual({ ok: false, error: 'notFound' });
    expect((await contactRow(b.company.id, theirs.id)).status).toBe('active');
    expect(await removeContact(adminContext(a), 'x')).toEqual({ ok: false, error: 'notFound' });
    const mine = await makeContact(a.company.id);
    expect(await removeContact(adminContext(a), mine.id)).toEqual({ ok: true });
    expect(await removeContact(adminContext(a), mine.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await auditOf(a.company.id, 'contact.removed')).toHaveLength(1);
  });
});

describe('getContact', () => {
  it('returns the contact with its permissions', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id, { name: 'Detalhe Completo', permissions: ['self_service', 'it_admin'] });
    const detail = await getContact(made.company.id, c.id);
    expect(detail).toMatchObject({
      id: c.id,
      name: 'Detalhe Completo',
      email: c.email,
      country: 'BR',
      document: c.document,
      areaCode: '11',
      phone: '987654321',
      isAdmin: false,
      consultancy: false,
      version: 1,
    });
    expect([...detail!.permissions].sort()).toEqual(['it_admin', 'self_service']);
  });

  it("is null for another company's contact and for a malformed id", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id);
    expect(await getContact(a.company.id, theirs.id)).toBeNull();
    expect(await getContact(a.company.id, 'não-existe')).toBeNull();
    expect(await getContact(a.company.id, '')).toBeNull();
    expect(await getContact(a.company.id, `${theirs.id}' or '1'='1`)).toBeNull();
    expect(await getContact(b.company.id, theirs.id)).not.toBeNull();
  });
});

describe('countOpenTickets', () => {
  it("counts the contact's open and in-progress tickets of the company only", async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    const other = await makeContact(made.company.id);
    expect(await countOpenTickets(made.company.id, c.id)).toBe(0);
    await insertTicket(made.company.id, c.id, 'open');
    await insertTicket(made.company.id, c.id, 'in_progress');
    await insertTicket(made.company.id, c.id, 'closed');
    await insertTicket(made.company.id, other.id, 'open');
    expect(await countOpenTickets(made.company.id, c.id)).toBe(2);
    const elsewhere = await makeCompany();
    expect(await countOpenTickets(elsewhere.company.id, c.id)).toBe(0);
  });
});

describe('transferTargets', () => {
  it('lists the other active contacts of the company only', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const source = await makeContact(a.company.id, { name: 'Origem' });
    const x = await makeContact(a.company.id, { name: 'Xavier Alvo' });
    const y = await makeContact(a.company.id, { name: 'Yara Alvo' });
    const gone = await makeContact(a.company.id, { name: 'Zé Removido' });
    expect(await removeContact(adminContext(a), gone.id)).toEqual({ ok: true });
    await makeContact(b.company.id, { name: 'Alvo da Outra' });

    const ids = (await transferTargets(a.company.id, source.id, '')).map((r) => r.id);
    expect(ids.sort()).toEqual([a.admin.id, x.id, y.id].sort());
    expect((await transferTargets(a.company.id, source.id, 'alvo')).map((r) => r.name)).toEqual(['Xavier Alvo', 'Yara Alvo']);
    expect(await transferTargets(a.company.id, source.id, 'Removido')).toEqual([]);
    expect(await transferTargets(a.company.id, source.id, 'da Outra')).toEqual([]);
    expect((await transferTargets(a.company.id, x.id, 'alvo')).map((r) => r.id)).toEqual([y.id]);
  });
});

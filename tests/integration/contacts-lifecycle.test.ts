import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { authTokens, contacts, groupMembers, groups, importJobs, mailOutbox } from '@/db/schema';
import { resolveSession, LAST_ACCESS_EVERY_MS } from '@/lib/auth/context';
import { setPassword } from '@/lib/auth/accounts';
import { createContact, updateContact } from '@/lib/contacts/mutations';
import {
  BULK_MAX,
  deactivateContact,
  eraseRemovedContacts,
  reactivateContact,
  removeContact,
  resendInvitation,
  restoreContact,
  runBulkAction,
} from '@/lib/contacts/lifecycle';
import { getContact, listContacts, reviewContacts, selectedContacts } from '@/lib/contacts/queries';
import { previewImport } from '@/lib/contacts/import/preview';
import { claimImportJob, runImportJob, startImport } from '@/lib/contacts/import/run';
import { undoImport } from '@/lib/contacts/import/undo';
import { forwardRecipients, listGroupMembers } from '@/lib/groups/queries';
import { makeCompany, makeContact, randomCpf, sessionFor } from '../support/fixtures';
import { adminContext, auditOf, contactRow, createInput, insertTicket, permissionsOf, uniqueEmail, updateInput } from './contacts-helpers';

const DAY = 86_400_000;

async function group(companyId: string, name = `Grupo ${randomUUID().slice(0, 6)}`) {
  const [g] = await db.insert(groups).values({ companyId, name, type: 'service' }).returning();
  return g!;
}

async function reaches(token: string, companyId: string, now = new Date()) {
  const r = await resolveSession(db, token, companyId, now);
  return r.status === 'ok' && r.context.companyId === companyId;
}

describe('Desativar acesso / Reativar acesso', () => {
  it('ends access to this company at once and keeps tickets, groups, history, e-mail and CPF', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const person = await makeContact(made.company.id, { password: 'senha-forte-123' });
    await makeContact(other.company.id, { email: person.email });
    const g = await group(made.company.id);
    await db.insert(groupMembers).values({ companyId: made.company.id, groupId: g.id, contactId: person.id });
    const ticket = await insertTicket(made.company.id, person.id, 'open');
    const token = await sessionFor(person.accountId);
    expect(await reaches(token, made.company.id)).toBe(true);

    expect(await deactivateContact(adminContext(made), person.id)).toEqual({ ok: true });

    const row = await contactRow(made.company.id, person.id);
    expect(row.status).toBe('deactivated');
    expect(await reaches(token, made.company.id)).toBe(false);
    // The person's other company is not this administrator's to end.
    expect(await reaches(token, other.company.id)).toBe(true);
    const members = await db
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.companyId, made.company.id), eq(groupMembers.contactId, person.id)));
    expect(members).toHaveLength(1);
    expect((await db.execute(sql`select requester_id from tickets where company_id = ${made.company.id} and id = ${ticket.id}`)).rows).toHaveLength(1);
    // Still listed on the group's page, marked; not told when the group gets a ticket.
    expect(await listGroupMembers(made.company.id, g.id)).toEqual([{ id: person.id, name: person.name, email: person.email, deactivated: true }]);
    expect(await forwardRecipients(made.company.id, g.id)).not.toContain(person.email);
    // Nobody else takes the e-mail or CPF while the contact is deactivated.
    const again = await createContact(adminContext(made), createInput({ email: person.email }));
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: 'emailTaken' } });
    const sameCpf = await createContact(adminContext(made), createInput({ document: person.document! }));
    expect(sameCpf).toMatchObject({ ok: false, fieldErrors: { document: 'documentTaken' } });
    const [entry] = await auditOf(made.company.id, 'contact.deactivated');
    expect(entry).toMatchObject({ subjectContactId: person.id, before: { status: 'active' }, after: { status: 'deactivated' } });
    // Listed under "Desativados", not under "Ativos".
    const active = await listContacts(made.company.id, { status: 'active' });
    expect(active.rows.map((r) => r.id)).not.toContain(person.id);
    const deactivated = await listContacts(made.company.id, { status: 'deactivated' });
    expect(deactivated.rows.map((r) => r.id)).toEqual([person.id]);
    expect(deactivated.total).toBe(1);
  });

  it('a deactivated contact can be edited; a new e-mail gets no invitation until access is reactivated', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    await deactivateContact(adminContext(made), person.id);
    const detail = (await getContact(made.company.id, person.id))!;
    const email = uniqueEmail('nova');
    expect(await updateContact(adminContext(made), updateInput(detail, { email }))).toEqual({ ok: true });
    expect(
      await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.toAddress, email))),
    ).toHaveLength(0);
    expect(await reactivateContact(adminContext(made), person.id)).toEqual({ ok: true });
    expect(
      await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.toAddress, email))),
    ).toHaveLength(1);
  });

  it('is refused for the administrator, and for an id of another company', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const stranger = await makeContact(other.company.id);
    expect(await deactivateContact(adminContext(made), made.admin.id)).toEqual({ ok: false, error: 'isAdmin' });
    expect(await deactivateContact(adminContext(made), stranger.id)).toEqual({ ok: false, error: 'notFound' });
    expect((await contactRow(other.company.id, stranger.id)).status).toBe('active');
    expect(await reactivateContact(adminContext(made), stranger.id)).toEqual({ ok: false, error: 'notFound' });
  });

  it('reactivation gives access back to new sessions only, and a new invitation to whoever has no password', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    const token = await sessionFor(person.accountId, {}, new Date(Date.now() - 60_000));
    await deactivateContact(adminContext(made), person.id);
    expect(await reactivateContact(adminContext(made), person.id)).toEqual({ ok: true });
    expect((await contactRow(made.company.id, person.id)).status).toBe('active');
    // The session from before the deactivation stays ended here.
    expect(await reaches(token, made.company.id)).toBe(false);
    await setPassword(db, person.accountId, 'outra-senha-forte');
    expect(await reaches(await sessionFor(person.accountId), made.company.id)).toBe(true);
    const invites = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.kind, 'invite')));
    expect(invites.map((m) => m.toAddress)).toContain(person.email);
    expect((await auditOf(made.company.id, 'contact.reactivated')).map((e) => e.subjectContactId)).toEqual([person.id]);
  });
});

describe('Restaurar', () => {
  it('brings a removed contact back with its permissions, and its old sessions stay ended', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id, { password: 'senha-forte-123', permissions: ['self_service', 'it_admin'] });
    const token = await sessionFor(person.accountId, {}, new Date(Date.now() - 60_000));
    expect(await removeContact(adminContext(made), person.id)).toEqual({ ok: true });
    const removed = await listContacts(made.company.id, { status: 'removed' });
    expect(removed.rows.map((r) => r.id)).toEqual([person.id]);
    expect(await restoreContact(adminContext(made), person.id)).toEqual({ ok: true });
    const row = await contactRow(made.company.id, person.id);
    expect(row).toMatchObject({ status: 'active', removedAt: null });
    expect(await permissionsOf(made.company.id, person.id)).toEqual(['it_admin', 'self_service']);
    expect(await reaches(token, made.company.id)).toBe(false);
    expect(await reaches(await sessionFor(person.accountId), made.company.id)).toBe(true);
    expect((await auditOf(made.company.id, 'contact.restored')).map((e) => e.subjectContactId)).toEqual([person.id]);
  });

  it('is refused with the reason when the e-mail or the CPF was registered again', async () => {
    const made = await makeCompany();
    const a = await makeContact(made.company.id);
    const b = await makeContact(made.company.id);
    await removeContact(adminContext(made), a.id);
    await removeContact(adminContext(made), b.id);
    const byEmail = await createContact(adminContext(made), createInput({ email: a.email }));
    expect(byEmail.ok).toBe(true);
    const byCpf = await createContact(adminContext(made), createInput({ document: b.document! }));
    expect(byCpf.ok).toBe(true);
    expect(await restoreContact(adminContext(made), a.id)).toEqual({ ok: false, error: 'emailTaken' });
    expect(await restoreContact(adminContext(made), b.id)).toEqual({ ok: false, error: 'documentTaken' });
    expect((await contactRow(made.company.id, a.id)).status).toBe('removed');
  });

  it('is refused after 30 days, and for another company', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const person = await makeContact(made.company.id);
    await removeContact(adminContext(made), person.id, db, new Date(Date.now() - 31 * DAY));
    expect(await restoreContact(adminContext(made), person.id)).toEqual({ ok: false, error: 'expired' });
    expect((await listContacts(made.company.id, { status: 'removed' })).rows).toHaveLength(0);
    const fresh = await makeContact(made.company.id);
    await removeContact(adminContext(made), fresh.id);
    expect(await restoreContact(adminContext(other), fresh.id)).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the erase job', () => {
  it('erases document, phone and e-mail of contacts removed more than 30 days ago, here and in the history; the name stays', async () => {
    const made = await makeCompany();
    const old = await makeContact(made.company.id, { name: 'Antiga Pessoa' });
    const recent = await makeContact(made.company.id);
    await insertTicket(made.company.id, old.id, 'closed');
    await removeContact(adminContext(made), old.id, db, new Date(Date.now() - 31 * DAY));
    await removeContact(adminContext(made), recent.id);
    // Two instances at once: each contact erased exactly once.
    const [n1, n2] = await Promise.all([eraseRemovedContacts(db), eraseRemovedContacts(db)]);
    const row = await contactRow(made.company.id, old.id);
    expect(row).toMatchObject({ name: 'Antiga Pessoa', email: '', document: null, phone: null, areaCode: null });
    expect(row.erasedAt).not.toBeNull();
    expect((await contactRow(made.company.id, recent.id)).erasedAt).toBeNull();
    const history = JSON.stringify((await auditOf(made.company.id)).filter((e) => e.subjectContactId === old.id).map((e) => [e.before, e.after]));
    expect(history).toContain('Antiga Pessoa');
    expect(history).not.toContain(old.email);
    expect(history).not.toContain(old.document!);
    expect((await auditOf(made.company.id, 'contact.erased')).map((e) => e.subjectContactId)).toEqual([old.id]);
    expect(n1 + n2).toBeGreaterThanOrEqual(1);
    // Idempotent: nothing left for this company.
    await eraseRemovedContacts(db);
    expect(await auditOf(made.company.id, 'contact.erased')).toHaveLength(1);
    expect(await restoreContact(adminContext(made), old.id)).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the erase job and imports', () => {
  it("erases the personal data of an imported contact from the import's rows too", async () => {
    const made = await makeCompany();
    const { jobId, contacts: list } = await importPeople(made, 2);
    const [gone, stays] = list;
    await removeContact(adminContext(made), gone!.id, db, new Date(Date.now() - 31 * DAY));
    await eraseRemovedContacts(db);
    const rows = await db.execute<{ data: Record<string, string> }>(
      sql`select data from import_rows where company_id = ${made.company.id} and job_id = ${jobId} order by line`,
    );
    const text = JSON.stringify(rows.rows);
    expect(text).not.toContain(gone!.email);
    expect(text).not.toContain(gone!.document!);
    expect(text).toContain(gone!.name);
    expect(text).toContain(stays!.email);
  });

  it('and from the list of contacts an undone import kept', async () => {
    const made = await makeCompany();
    const { jobId, contacts: list } = await importPeople(made, 2);
    const [kept] = list;
    await deactivateContact(adminContext(made), kept!.id);
    expect(await undoImport(adminContext(made), jobId)).toMatchObject({ ok: true, kept: 1 });
    await removeContact(adminContext(made), kept!.id, db, new Date(Date.now() - 31 * DAY));
    await eraseRemovedContacts(db);
    const [job] = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.companyId, made.company.id), eq(importJobs.id, jobId)));
    expect(job?.undoKeptRows).toEqual([{ id: kept!.id, name: kept!.name, reason: 'deactivated' }]);
  });
});

describe('Último acesso and Revisão de acessos', () => {
  it('records the last access at most every few minutes', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id, { password: 'senha-forte-123' });
    const start = new Date();
    const token = await sessionFor(person.accountId, {}, start);
    await resolveSession(db, token, made.company.id, start);
    const first = (await contactRow(made.company.id, person.id)).lastAccessAt;
    expect(first?.getTime()).toBe(start.getTime());
    await resolveSession(db, token, made.company.id, new Date(start.getTime() + 60_000));
    expect((await contactRow(made.company.id, person.id)).lastAccessAt?.getTime()).toBe(start.getTime());
    const later = new Date(start.getTime() + LAST_ACCESS_EVERY_MS + 1000);
    await resolveSession(db, token, made.company.id, later);
    expect((await contactRow(made.company.id, person.id)).lastAccessAt?.getTime()).toBe(later.getTime());
  });

  it('lists who never signed in since invited N days ago and who has not signed in for N days', async () => {
    const made = await makeCompany();
    const now = new Date();
    const never = await makeContact(made.company.id, { name: 'Nunca Entrou' });
    const idle = await makeContact(made.company.id, { name: 'Sem Acesso' });
    const recent = await makeContact(made.company.id, { name: 'Recente' });
    const newcomer = await makeContact(made.company.id, { name: 'Recém Convidado' });
    const at = (d: number) => new Date(now.getTime() - d * DAY);
    await db
      .update(contacts)
      .set({ createdAt: at(100) })
      .where(eq(contacts.id, never.id));
    await db
      .update(contacts)
      .set({ createdAt: at(400), lastAccessAt: at(120) })
      .where(eq(contacts.id, idle.id));
    await db
      .update(contacts)
      .set({ createdAt: at(400), lastAccessAt: at(5) })
      .where(eq(contacts.id, recent.id));
    await db
      .update(contacts)
      .set({ createdAt: at(10) })
      .where(eq(contacts.id, newcomer.id));
    await db.update(contacts).set({ lastAccessAt: now }).where(eq(contacts.id, made.admin.id));
    const all = await reviewContacts(made.company.id, { days: 90, kind: 'all' }, db, now);
    expect(all.rows.map((r) => r.name)).toEqual(['Sem Acesso', 'Nunca Entrou']);
    expect(all.total).toBe(2);
    expect((await reviewContacts(made.company.id, { days: 90, kind: 'never' }, db, now)).rows.map((r) => r.name)).toEqual(['Nunca Entrou']);
    expect((await reviewContacts(made.company.id, { days: 90, kind: 'inactive' }, db, now)).rows.map((r) => r.name)).toEqual(['Sem Acesso']);
    expect((await reviewContacts(made.company.id, { days: 180, kind: 'all' }, db, now)).rows).toHaveLength(0);
    const sel = await selectedContacts(made.company.id, { by: 'review', days: 30, kind: 'never' }, BULK_MAX, db, now);
    expect(sel.map((r) => r.name)).toEqual(['Nunca Entrou']);
  });
});

describe('bulk actions', () => {
  it('"Alterar permissões" turns the chosen switches on or off and leaves the others; one entry per contact changed', async () => {
    const made = await makeCompany();
    const a = await makeContact(made.company.id, { permissions: ['self_service', 'it_admin'] });
    const b = await makeContact(made.company.id, { permissions: ['bpo_full_access'] });
    const c = await makeContact(made.company.id, { permissions: ['restrict_tickets'] });
    const result = await runBulkAction(adminContext(made), 'permissions', [a.id, b.id, c.id], { on: ['restrict_tickets'], off: ['it_admin'] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await permissionsOf(made.company.id, a.id)).toEqual(['restrict_tickets', 'self_service']);
    expect(await permissionsOf(made.company.id, b.id)).toEqual(['bpo_full_access', 'restrict_tickets']);
    expect(await permissionsOf(made.company.id, c.id)).toEqual(['restrict_tickets']);
    expect(result.summary.changed).toBe(2);
    expect(result.summary.lines.find((l) => l.id === c.id)?.outcome).toBe('unchanged');
    const changes = await auditOf(made.company.id, 'contact.permissions_changed');
    expect(changes.map((e) => e.subjectContactId).sort()).toEqual([a.id, b.id].sort());
    expect(changes.find((e) => e.subjectContactId === a.id)).toMatchObject({
      before: { permissions: ['it_admin', 'self_service'] },
      after: { permissions: ['restrict_tickets', 'self_service'] },
    });
    const [summary] = await auditOf(made.company.id, 'contacts.bulk');
    expect(summary?.id).toBe(result.summaryId);
  });

  it('"Desativar acesso" and "Excluir perfil" apply the single rules per row: never the administrator, not with open tickets', async () => {
    const made = await makeCompany();
    const people = await Promise.all(Array.from({ length: 3 }, () => makeContact(made.company.id)));
    await insertTicket(made.company.id, people[2]!.id, 'open');
    const off = await runBulkAction(adminContext(made), 'deactivate', [made.admin.id, people[0]!.id, people[1]!.id]);
    if (!off.ok) throw new Error(JSON.stringify(off));
    expect(off.summary.changed).toBe(2);
    expect(off.summary.lines.find((l) => l.id === made.admin.id)?.outcome).toBe('isAdmin');
    expect((await contactRow(made.company.id, made.admin.id)).status).toBe('active');
    const gone = await runBulkAction(adminContext(made), 'remove', [made.admin.id, people[1]!.id, people[2]!.id]);
    if (!gone.ok) throw new Error(JSON.stringify(gone));
    expect(Object.fromEntries(gone.summary.lines.map((l) => [l.id, l.outcome]))).toEqual({
      [made.admin.id]: 'isAdmin',
      [people[1]!.id]: 'changed',
      [people[2]!.id]: 'hasOpenTickets',
    });
    expect((await contactRow(made.company.id, people[1]!.id)).status).toBe('removed');
    expect((await contactRow(made.company.id, people[2]!.id)).status).toBe('active');
    expect(await auditOf(made.company.id, 'contact.removed')).toHaveLength(1);
  });

  it('never reaches another company: its ids are "not found" and its rows untouched', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const mine = await makeContact(made.company.id);
    const theirs = await makeContact(other.company.id, { permissions: ['self_service'] });
    for (const kind of ['permissions', 'invite', 'deactivate', 'remove'] as const) {
      const r = await runBulkAction(adminContext(made), kind, [theirs.id, other.admin.id], { on: ['it_admin'] });
      if (!r.ok) throw new Error(JSON.stringify(r));
      expect(r.summary.lines.map((l) => l.outcome)).toEqual(['notFound', 'notFound']);
    }
    const theirGroup = await group(other.company.id);
    expect(await runBulkAction(adminContext(made), 'group', [mine.id], { groupId: theirGroup.id })).toEqual({ ok: false, error: 'groupNotFound' });
    expect(await contactRow(other.company.id, theirs.id)).toMatchObject({ status: 'active' });
    expect(await permissionsOf(other.company.id, theirs.id)).toEqual(['self_service']);
    expect(await auditOf(other.company.id, 'contact.deactivated')).toHaveLength(0);
    expect(await selectedContacts(made.company.id, { by: 'ids', ids: [theirs.id, mine.id] }, BULK_MAX).then((r) => r.map((x) => x.id))).toEqual([mine.id]);
  });

  it('"Adicionar ao grupo" adds active contacts, leaves members and deactivated ones; "Reenviar convite" only to who has no password', async () => {
    const made = await makeCompany();
    const g = await group(made.company.id);
    const member = await makeContact(made.company.id);
    const fresh = await makeContact(made.company.id);
    const off = await makeContact(made.company.id, { password: 'senha-forte-123' });
    await db.insert(groupMembers).values({ companyId: made.company.id, groupId: g.id, contactId: member.id });
    await deactivateContact(adminContext(made), off.id);
    const r = await runBulkAction(adminContext(made), 'group', [member.id, fresh.id, off.id], { groupId: g.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.summary.lines.map((l) => l.outcome)).toEqual(['alreadyMember', 'changed', 'deactivated']);
    expect((await auditOf(made.company.id, 'group.members_added')).map((e) => e.subjectContactId)).toEqual([fresh.id]);

    const withPassword = await makeContact(made.company.id, { password: 'senha-forte-123' });
    const first = await resendInvitation(adminContext(made), fresh.id);
    expect(first).toEqual({ ok: true });
    const [firstToken] = await db
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.contactId, fresh.id), eq(authTokens.purpose, 'invite')));
    const again = await runBulkAction(adminContext(made), 'invite', [fresh.id, withPassword.id]);
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.summary.lines.map((l) => l.outcome)).toEqual(['changed', 'hasPassword']);
    const tokens = await db
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.contactId, fresh.id), eq(authTokens.purpose, 'invite')));
    expect(tokens).toHaveLength(2);
    // The earlier link stops working.
    expect(tokens.find((t) => t.id === firstToken!.id)?.usedAt).not.toBeNull();
    expect(await auditOf(made.company.id, 'contact.invitation_resent')).toHaveLength(2);
  });

  it('finds a contact whatever the case of its id', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    const r = await runBulkAction(adminContext(made), 'permissions', [person.id.toUpperCase()], { on: ['it_admin'] });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.summary.lines).toEqual([{ id: person.id, name: person.name, outcome: 'changed' }]);
    expect(await permissionsOf(made.company.id, person.id)).toEqual(['it_admin']);
    expect(await deactivateContact(adminContext(made), person.id.toUpperCase())).toEqual({ ok: true });
    expect((await contactRow(made.company.id, person.id)).status).toBe('deactivated');
  });

  it('refuses more than 1,000 contacts at once', async () => {
    const made = await makeCompany();
    const ids = Array.from({ length: BULK_MAX + 1 }, () => randomUUID());
    expect(await runBulkAction(adminContext(made), 'deactivate', ids)).toEqual({ ok: false, error: 'tooMany' });
  });

  it('a bulk deactivation and a concurrent edit of the same contact: both land, or the edit is refused as stale', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    const detail = (await getContact(made.company.id, person.id))!;
    const [bulk, edit] = await Promise.all([
      runBulkAction(adminContext(made), 'deactivate', [person.id]),
      updateContact(adminContext(made), updateInput(detail, { name: 'Nome Novo' })),
    ]);
    expect(bulk.ok).toBe(true);
    const row = await contactRow(made.company.id, person.id);
    expect(row.status).toBe('deactivated');
    if (edit.ok) {
      expect(row.name).toBe('Nome Novo');
      expect(row.version).toBe(3);
    } else {
      expect(edit).toMatchObject({ ok: false, error: 'stale' });
      expect(row.name).toBe(person.name);
      expect(row.version).toBe(2);
    }
  });
});

const HEADER = 'pais;nome;documento;ddd;telefone;email;consultoria';

async function importPeople(made: Awaited<ReturnType<typeof makeCompany>>, n: number) {
  const list = Array.from({ length: n }, (_, i) => ({ name: `Importada ${i + 1}`, cpf: randomCpf(), email: uniqueEmail(`undo${i}`) }));
  const bytes = new Uint8Array(
    iconv.encode([HEADER, ...list.map((p) => `Brasil;${p.name};${p.cpf};11;987654321;${p.email};N`)].join('\r\n') + '\r\n', 'windows-1252'),
  );
  const preview = await previewImport(adminContext(made), { name: 'pessoas.csv', bytes });
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  await startImport(adminContext(made), preview.jobId);
  const owner = randomUUID();
  const ref = await claimImportJob(db, owner);
  if (!ref) throw new Error('nothing to claim');
  await runImportJob(db, ref, owner, {});
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.companyId, made.company.id), eq(contacts.importJobId, preview.jobId)));
  return { jobId: preview.jobId, contacts: rows.sort((x, y) => x.name.localeCompare(y.name, 'pt-BR', { numeric: true })) };
}

describe('Desfazer importação', () => {
  it('removes the untouched contacts of the import, voids their links and queued e-mails, and keeps the others with the reason', async () => {
    const made = await makeCompany();
    const { jobId, contacts: list } = await importPeople(made, 6);
    const [signedIn, withTicket, edited, inGroup, untouched1, untouched2] = list;
    await db.update(contacts).set({ lastAccessAt: new Date() }).where(eq(contacts.id, signedIn!.id));
    await insertTicket(made.company.id, withTicket!.id, 'closed');
    const detail = (await getContact(made.company.id, edited!.id))!;
    expect((await updateContact(adminContext(made), updateInput(detail, { name: 'Importada Editada' }))).ok).toBe(true);
    const g = await group(made.company.id);
    await db.insert(groupMembers).values({ companyId: made.company.id, groupId: g.id, contactId: inGroup!.id });

    const result = await undoImport(adminContext(made), jobId);
    expect(result).toEqual({ ok: true, removed: 2, kept: 4 });
    for (const c of [untouched1!, untouched2!]) expect((await contactRow(made.company.id, c.id)).status).toBe('removed');
    for (const c of [signedIn!, withTicket!, edited!, inGroup!]) expect((await contactRow(made.company.id, c.id)).status).toBe('active');
    const [job] = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.companyId, made.company.id), eq(importJobs.id, jobId)));
    expect(job?.undoRemoved).toBe(2);
    const reasons = Object.fromEntries((job?.undoKeptRows as { id: string; reason: string }[]).map((k) => [k.id, k.reason]));
    expect(reasons).toEqual({ [signedIn!.id]: 'signedIn', [withTicket!.id]: 'hasTickets', [edited!.id]: 'changed', [inGroup!.id]: 'inGroup' });
    const links = await db
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.contactId, untouched1!.id), eq(authTokens.purpose, 'invite')));
    expect(links.every((l) => l.usedAt !== null)).toBe(true);
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.toAddress, untouched1!.email)));
    expect(mails.map((m) => m.status)).toEqual(['cancelled']);
    const kept = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.toAddress, signedIn!.email)));
    expect(kept.map((m) => m.status)).toEqual(['pending']);
    expect(await auditOf(made.company.id, 'import.undone')).toHaveLength(1);
    expect((await auditOf(made.company.id, 'contact.removed')).map((e) => e.subjectContactId).sort()).toEqual([untouched1!.id, untouched2!.id].sort());
    // Once only; and each removed contact can still be restored one by one.
    expect(await undoImport(adminContext(made), jobId)).toEqual({ ok: false, error: 'alreadyUndone' });
    expect(await restoreContact(adminContext(made), untouched1!.id)).toEqual({ ok: true });
  });

  it('keeps whoever accepted the invitation (set a password) even before signing in', async () => {
    const made = await makeCompany();
    const { jobId, contacts: list } = await importPeople(made, 2);
    const [accepted, untouched] = list;
    await setPassword(db, accepted!.accountId, 'senha-forte-do-convite');
    expect(await undoImport(adminContext(made), jobId)).toEqual({ ok: true, removed: 1, kept: 1 });
    expect((await contactRow(made.company.id, accepted!.id)).status).toBe('active');
    expect((await contactRow(made.company.id, untouched!.id)).status).toBe('removed');
    const [job] = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.companyId, made.company.id), eq(importJobs.id, jobId)));
    expect(job?.undoKeptRows).toEqual([{ id: accepted!.id, name: accepted!.name, email: accepted!.email, reason: 'acceptedInvitation' }]);
  });

  it('is offered for 7 days, and only to the company of the import', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const { jobId } = await importPeople(made, 2);
    expect(await undoImport(adminContext(other), jobId)).toEqual({ ok: false, error: 'notFound' });
    expect(await undoImport(adminContext(made), jobId, db, new Date(Date.now() + 8 * DAY))).toEqual({ ok: false, error: 'tooLate' });
    expect(await undoImport(adminContext(made), 'não-é-um-id')).toEqual({ ok: false, error: 'notFound' });
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, contacts, groupMembers, groups, tickets, type PermissionKey } from '@/db/schema';
import type { ContactActor as TicketActor } from '@/lib/auth/actor';
import { createTicket, setTicketStatus } from '@/lib/tickets/mutations';
import { getTicket, listTickets } from '@/lib/tickets/queries';
import { resolveSession } from '@/lib/auth/context';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';

const actor = (companyId: string, c: { id: string; email: string }, permissions: PermissionKey[], isAdmin = false): TicketActor => ({
  companyId,
  contactId: c.id,
  email: c.email,
  isAdmin,
  permissions: new Set(permissions),
});

const input = (subject: string, category: 'support' | 'bpo' = 'support') => ({ subject, description: `${subject}: detalhes`, category });

describe('opening tickets', () => {
  it('takes self_service, is refused with restrict_tickets, and numbers tickets per company', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const can = await makeContact(a.company.id, { permissions: ['self_service'] });
    const cannot = await makeContact(a.company.id, { permissions: [] });
    const restricted = await makeContact(a.company.id, { permissions: ['self_service', 'restrict_tickets'] });
    const other = await makeContact(b.company.id, { permissions: ['self_service'] });

    expect(await createTicket(actor(a.company.id, cannot, []), input('Sem permissão'))).toEqual({ ok: false, error: 'forbidden' });
    expect(await createTicket(actor(a.company.id, restricted, ['self_service', 'restrict_tickets']), input('Restrito'))).toEqual({
      ok: false,
      error: 'forbidden',
    });
    const first = await createTicket(actor(a.company.id, can, ['self_service']), input('Primeiro'));
    const second = await createTicket(actor(a.company.id, can, ['self_service']), input('Segundo'));
    const elsewhere = await createTicket(actor(b.company.id, other, ['self_service']), input('Outra empresa'));
    expect([first, second, elsewhere].map((r) => (r.ok ? r.number : null))).toEqual([1001, 1002, 1001]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, first.ok ? first.id : ''));
    expect(event).toMatchObject({ action: 'ticket.created', subjectContactId: can.id });
  });

  it('gives concurrent openings distinct numbers', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { permissions: ['self_service'] });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createTicket(actor(company.id, c, ['self_service']), input(`Paralelo ${i}`))));
    const numbers = results.map((r) => (r.ok ? r.number : 0)).sort();
    expect(new Set(numbers).size).toBe(8);
  });

  it('refuses a removed requester', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { permissions: ['self_service'] });
    await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, c.id));
    expect(await createTicket(actor(company.id, c, ['self_service']), input('Depois de removido'))).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('who sees which tickets', () => {
  it('follows PRODUCT.md §4, never across companies', async () => {
    const { company, admin, adminEmail } = await makeCompany();
    const other = await makeCompany();
    const ana = await makeContact(company.id, { permissions: ['self_service'] });
    const bia = await makeContact(company.id, { permissions: ['self_service'] });
    const bpo = await makeContact(company.id, { permissions: ['bpo_full_access'] });
    const member = await makeContact(company.id, { permissions: [] });
    const blocked = await makeContact(company.id, { permissions: ['self_service', 'bpo_full_access', 'restrict_tickets'] });
    const outsider = await makeContact(other.company.id, { permissions: ['self_service', 'bpo_full_access'] });
    const [group] = await db.insert(groups).values({ companyId: company.id, name: 'Financeiro', type: 'service' }).returning();
    await db.insert(groupMembers).values({ companyId: company.id, groupId: group!.id, contactId: member.id });

    const open = async (who: typeof ana, subject: string, category: 'support' | 'bpo' = 'support') => {
      const r = await createTicket(actor(company.id, who, ['self_service']), input(subject, category));
      if (!r.ok) throw new Error('ticket not opened');
      return r.id;
    };
    const anaSupport = await open(ana, 'Ana suporte');
    const anaBpo = await open(ana, 'Ana BPO', 'bpo');
    const biaForwarded = await open(bia, 'Bia encaminhado');
    await db.update(tickets).set({ groupId: group!.id }).where(eq(tickets.id, biaForwarded));
    const outsiderTicket = await createTicket(actor(other.company.id, outsider, ['self_service']), input('De fora', 'bpo'));

    const subjects = async (viewer: TicketActor) => (await listTickets(company.id, viewer)).rows.map((r) => r.subject).sort();
    expect(await subjects(actor(company.id, { id: admin.id, email: adminEmail }, [], true))).toEqual(['Ana BPO', 'Ana suporte', 'Bia encaminhado']);
    expect(await subjects(actor(company.id, ana, ['self_service']))).toEqual(['Ana BPO', 'Ana suporte']);
    expect(await subjects(actor(company.id, bia, ['self_service']))).toEqual(['Bia encaminhado']);
    expect(await subjects(actor(company.id, bpo, ['bpo_full_access']))).toEqual(['Ana BPO']);
    expect(await subjects(actor(company.id, member, []))).toEqual(['Bia encaminhado']);
    const restricted = await listTickets(company.id, actor(company.id, blocked, ['self_service', 'bpo_full_access', 'restrict_tickets']));
    expect(restricted).toMatchObject({ restricted: true, rows: [] });

    expect(await getTicket(company.id, actor(company.id, bia, ['self_service']), anaSupport)).toBeNull();
    expect((await getTicket(company.id, actor(company.id, bpo, ['bpo_full_access']), anaBpo))?.subject).toBe('Ana BPO');
    // Another company's ticket is not found even for its id, even with the same permissions.
    expect(
      await getTicket(company.id, actor(company.id, { id: admin.id, email: adminEmail }, [], true), outsiderTicket.ok ? outsiderTicket.id : ''),
    ).toBeNull();
    expect(await getTicket(company.id, actor(company.id, ana, ['self_service']), 'nao-e-um-id')).toBeNull();
  });

  it('pages newest first with the count, the whole row on every page, nothing past the last page', async () => {
    const { company, admin, adminEmail } = await makeCompany();
    const adm = actor(company.id, { id: admin.id, email: adminEmail }, [], true);
    expect(await listTickets(company.id, adm)).toEqual({ rows: [], total: 0, page: 1, restricted: false });
    const c = await makeContact(company.id, { name: 'Quem Abriu', permissions: ['self_service'] });
    for (let i = 1; i <= 27; i++) {
      const made = await createTicket(actor(company.id, c, ['self_service']), input(`Chamado ${i}`));
      expect(made.ok).toBe(true);
    }
    const first = await listTickets(company.id, adm, { page: 1 });
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]).toMatchObject({ subject: 'Chamado 27', number: 1027, requesterName: 'Quem Abriu', groupName: null, status: 'open' });
    expect(first.rows[0]!.createdAt).toBeInstanceOf(Date);
    const second = await listTickets(company.id, adm, { page: 2 });
    expect(second).toMatchObject({ total: 27, page: 2 });
    expect(second.rows.map((r) => r.subject)).toEqual(['Chamado 2', 'Chamado 1']);
    expect(await listTickets(company.id, adm, { page: 3 })).toEqual({ rows: [], total: 27, page: 3, restricted: false });
  });

  it('filters by status', async () => {
    const { company, admin, adminEmail } = await makeCompany();
    const c = await makeContact(company.id, { permissions: ['self_service'] });
    const opened = await createTicket(actor(company.id, c, ['self_service']), input('Aberto'));
    const toClose = await createTicket(actor(company.id, c, ['self_service']), input('Fechado'));
    const adm = actor(company.id, { id: admin.id, email: adminEmail }, [], true);
    await setTicketStatus(adm, toClose.ok ? toClose.id : '', 'closed');
    expect((await listTickets(company.id, adm, { status: 'active' })).rows.map((r) => r.subject)).toEqual(['Aberto']);
    expect((await listTickets(company.id, adm, { status: 'closed' })).rows.map((r) => r.subject)).toEqual(['Fechado']);
    expect((await listTickets(company.id, adm)).total).toBe(2);
    expect(opened.ok).toBe(true);
  });
});

describe('ticket status', () => {
  it('is changed by the administrator only, with closedAt and history', async () => {
    const { company, admin, adminEmail } = await makeCompany();
    const c = await makeContact(company.id, { permissions: ['self_service'] });
    const t = await createTicket(actor(company.id, c, ['self_service']), input('Status'));
    const id = t.ok ? t.id : '';
    expect(await setTicketStatus(actor(company.id, c, ['self_service']), id, 'closed')).toEqual({ ok: false, error: 'forbidden' });
    const adm = actor(company.id, { id: admin.id, email: adminEmail }, [], true);
    expect(await setTicketStatus(adm, id, 'closed')).toEqual({ ok: true });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(row!.status).toBe('closed');
    expect(row!.closedAt).toBeInstanceOf(Date);
    expect(await setTicketStatus(adm, id, 'open')).toEqual({ ok: true });
    const [reopened] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(reopened!.closedAt).toBeNull();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.filter((e) => e.action === 'ticket.status_changed')).toHaveLength(2);
    const other = await makeCompany();
    expect(await setTicketStatus({ ...adm, companyId: other.company.id }, id, 'closed')).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('restricted groups', () => {
  it('take the BPO-wide view away from their members, while they are in use', async () => {
    const { company } = await makeCompany();
    const ana = await makeContact(company.id, { permissions: ['self_service'] });
    const bpo = await makeContact(company.id, { permissions: ['bpo_full_access'] });
    const [group] = await db.insert(groups).values({ companyId: company.id, name: 'Restrito', type: 'service', restricted: true }).returning();
    await db.insert(groupMembers).values({ companyId: company.id, groupId: group!.id, contactId: bpo.id });
    await createTicket(actor(company.id, ana, ['self_service']), input('BPO da Ana', 'bpo'));

    const session = await resolveSession(db, await sessionFor(bpo.accountId), company.id);
    if (session.status !== 'ok') throw new Error('expected a session');
    expect(session.context.inRestrictedGroup).toBe(true);
    expect((await listTickets(company.id, session.context)).rows).toEqual([]);

    await db.update(groups).set({ inDisuse: true }).where(eq(groups.id, group!.id));
    const later = await resolveSession(db, await sessionFor(bpo.accountId), company.id);
    if (later.status !== 'ok') throw new Error('expected a session');
    expect(later.context.inRestrictedGroup).toBe(false);
    expect((await listTickets(company.id, later.context)).rows.map((r) => r.subject)).toEqual(['BPO da Ana']);
  });
});

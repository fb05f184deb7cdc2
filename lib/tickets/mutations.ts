import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { companies, contacts, tickets } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { NewTicketInput, TicketStatus } from './schema';
import type { ContactActor } from '@/lib/auth/actor';
import { canOpenTickets } from './visibility';

export async function createTicket(ctx: ContactActor, input: NewTicketInput, executor: Executor = db) {
  if (!canOpenTickets(ctx)) return { ok: false as const, error: 'forbidden' as const };
  return executor.transaction(async (tx) => {
    // The requester must still be active: the share lock waits for a removal in progress.
    const [me] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, ctx.contactId), eq(contacts.status, 'active')))
      .for('share');
    if (!me) return { ok: false as const, error: 'forbidden' as const };
    // Ticket numbers count up per company; the company row serialises concurrent openings.
    await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, ctx.companyId)).for('update');
    const [next] = await tx
      .select({ n: sql<number>`coalesce(max(${tickets.number}), 1000)::int + 1` })
      .from(tickets)
      .where(eq(tickets.companyId, ctx.companyId));
    const [ticket] = await tx
      .insert(tickets)
      .values({ companyId: ctx.companyId, number: next!.n, ...input, requesterId: ctx.contactId })
      .returning();
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: { contactId: ctx.contactId, email: ctx.email },
      action: 'ticket.created',
      entityType: 'ticket',
      entityId: ticket!.id,
      subjectContactId: ctx.contactId,
      after: { number: ticket!.number, subject: ticket!.subject, category: ticket!.category },
    });
    return { ok: true as const, id: ticket!.id, number: ticket!.number };
  });
}

/** The administrator moves a ticket through Aberto → Em atendimento → Fechado (or back). */
export async function setTicketStatus(ctx: ContactActor, id: string, status: TicketStatus, executor: Executor = db) {
  if (!ctx.isAdmin) return { ok: false as const, error: 'forbidden' as const };
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, id)))
      .for('update');
    if (!current) return { ok: false as const, error: 'notFound' as const };
    if (current.status === status) return { ok: true as const };
    const now = new Date();
    await tx
      .update(tickets)
      .set({ status, updatedAt: now, closedAt: status === 'closed' ? now : null })
      .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, id)));
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: { contactId: ctx.contactId, email: ctx.email },
      action: 'ticket.status_changed',
      entityType: 'ticket',
      entityId: id,
      subjectContactId: current.requesterId,
      before: { status: current.status },
      after: { status },
    });
    return { ok: true as const };
  });
}

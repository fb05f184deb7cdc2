import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { contacts, tickets } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext } from '@/lib/auth/actor';
import type { Result } from './mutations';
import { isUuid } from '@/db/sql-helpers';

// Handing things over to another contact: the administration, or open tickets.

/**
 * Hands the administration to another active contact. The current administrator's row is
 * locked first, so concurrent attempts queue behind each other; every attempt after the first
 * finds its actor no longer administrator and is refused. The database's deferred check
 * guarantees exactly one administrator at every commit.
 */
export async function transferAdministration(ctx: AdminContext, targetId: string, executor: Executor = db): Promise<Result> {
  if (targetId === ctx.contactId) return { ok: false, error: 'sameContact' };
  if (!isUuid(targetId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const [me] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, ctx.contactId), eq(contacts.isAdmin, true), eq(contacts.status, 'active')))
      .for('update');
    if (!me) return { ok: false as const, error: 'notAdminAnymore' as const };
    const [target] = await tx
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, targetId), eq(contacts.status, 'active')))
      .for('update');
    if (!target) return { ok: false as const, error: 'notFound' as const };
    const now = new Date();
    await tx
      .update(contacts)
      .set({ isAdmin: false, version: sql`${contacts.version} + 1`, updatedAt: now })
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, me.id)));
    await tx
      .update(contacts)
      .set({ isAdmin: true, version: sql`${contacts.version} + 1`, updatedAt: now })
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, target.id)));
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'contact.admin_transferred',
      entityType: 'contact',
      entityId: target.id,
      subjectContactId: target.id,
      before: { administratorId: me.id },
      after: { administratorId: target.id },
    });
    return { ok: true as const };
  });
}

/** Moves every ticket of a contact that is not closed; closed tickets keep their requester. */
export async function transferTickets(ctx: AdminContext, fromId: string, toId: string, executor: Executor = db): Promise<Result<{ moved: number }>> {
  if (fromId === toId) return { ok: false, error: 'sameContact' };
  if (!isUuid(fromId)) return { ok: false, error: 'notFound' };
  if (!isUuid(toId)) return { ok: false, error: 'targetNotFound' };
  return executor.transaction(async (tx) => {
    const people = await tx
      .select({ id: contacts.id, status: contacts.status })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), sql`${contacts.id} in (${fromId}, ${toId})`))
      .for('share');
    if (!people.some((p) => p.id === fromId)) return { ok: false as const, error: 'notFound' as const };
    if (!people.some((p) => p.id === toId && p.status === 'active')) return { ok: false as const, error: 'targetNotFound' as const };
    const moved = await tx
      .update(tickets)
      .set({ requesterId: toId, updatedAt: new Date() })
      .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.requesterId, fromId), ne(tickets.status, 'closed')))
      .returning({ id: tickets.id });
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'contact.tickets_transferred',
      entityType: 'contact',
      entityId: fromId,
      subjectContactId: fromId,
      before: { requesterId: fromId },
      after: { requesterId: toId, tickets: moved.length },
    });
    return { ok: true as const, moved: moved.length };
  });
}

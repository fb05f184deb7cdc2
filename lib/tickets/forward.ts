import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { groups, tickets } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext, type Result } from '@/lib/auth/actor';
import { isUuid } from '@/db/sql-helpers';
import { forwardRecipients } from '@/lib/groups/queries';
import { enqueueMail } from '@/lib/mail/outbox';
import { groupForwardMail } from '@/lib/mail/templates';

export type ForwardResult = Result<{ notified: number }, 'notFound' | 'groupNotFound' | 'groupInDisuse'>;

/**
 * "Encaminhar para grupo": the ticket now belongs to the group, and the group's mailbox, its
 * linked e-mails and its members are told once each, through the outbox, in the same
 * transaction.
 */
export async function forwardTicket(ctx: AdminContext, ticketId: string, groupId: string, executor: Executor = db): Promise<ForwardResult> {
  if (!isUuid(ticketId)) return { ok: false, error: 'notFound' };
  if (!isUuid(groupId)) return { ok: false, error: 'groupNotFound' };
  return executor.transaction(async (tx) => {
    const [ticket] = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, ticketId)))
      .for('update');
    if (!ticket) return { ok: false as const, error: 'notFound' as const };
    const [group] = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.companyId, ctx.companyId), eq(groups.id, groupId)))
      .for('share');
    if (!group) return { ok: false as const, error: 'groupNotFound' as const };
    if (group.inDisuse) return { ok: false as const, error: 'groupInDisuse' as const };
    await tx
      .update(tickets)
      .set({ groupId: group.id, updatedAt: new Date() })
      .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, ticket.id)));
    const recipients = await forwardRecipients(ctx.companyId, group.id, tx);
    await enqueueMail(
      tx,
      recipients.map((to) =>
        groupForwardMail({ companyId: ctx.companyId, to, groupName: group.name, ticketId: ticket.id, number: ticket.number, subject: ticket.subject }),
      ),
    );
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'ticket.forwarded',
      entityType: 'ticket',
      entityId: ticket.id,
      subjectContactId: ticket.requesterId,
      before: { groupId: ticket.groupId },
      after: { groupId: group.id, group: group.name, notified: recipients.length },
    });
    return { ok: true as const, notified: recipients.length };
  });
}

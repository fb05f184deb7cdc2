import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { isUuid } from '@/db/sql-helpers';
import { contacts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { endAccountSessions } from '@/lib/auth/sessions';
import { actorOf, type AdminContext } from '@/lib/auth/actor';
import type { Result } from './mutations';

/**
 * "Encerrar sessões" on a contact (a lost laptop, a shared computer): every session the person
 * has open stops reaching this company at once; they sign in again to use it. Their other
 * companies are not this administrator's to end, and nothing about them is shown or changed
 * (a person can be added to any company without their consent: ending their sessions
 * everywhere would let any administrator keep anyone out of the portal). An administrator
 * ending their own sessions keeps the current one. In the history.
 */
export async function endContactSessions(ctx: AdminContext & { sessionId?: string }, contactId: string, executor: Executor = db): Promise<Result> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id, accountId: contacts.accountId })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, contactId), eq(contacts.status, 'active')));
    if (!contact) return { ok: false as const, error: 'notFound' as const };
    if (contact.id === ctx.contactId) await endAccountSessions(tx, contact.accountId, ctx.sessionId);
    else
      await tx
        .update(contacts)
        .set({ sessionsEndedAt: new Date() })
        .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, contact.id)));
    // How many ended is not recorded: it would count sessions used for other companies.
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'contact.sessions_ended',
      entityType: 'contact',
      entityId: contact.id,
      subjectContactId: contact.id,
    });
    return { ok: true as const };
  });
}

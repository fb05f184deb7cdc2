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
 * "Encerrar sessões" on a contact: every session of that person ends at once (a lost laptop, a
 * shared computer). A session belongs to the person, not to one company, so they sign in
 * again everywhere; nothing about their other companies is shown or changed. The
 * administrator's own current session is kept when they end their own. In the history.
 */
export async function endContactSessions(ctx: AdminContext & { sessionId?: string }, contactId: string, executor: Executor = db): Promise<Result> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id, accountId: contacts.accountId })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, contactId), eq(contacts.status, 'active')));
    if (!contact) return { ok: false as const, error: 'notFound' as const };
    await endAccountSessions(tx, contact.accountId, ctx.sessionId);
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

import { and, eq, gt, sql } from 'drizzle-orm';
import { accounts, authTokens, passwordResetRequests } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { enqueueMail } from '@/lib/mail/outbox';
import { resetMail } from '@/lib/mail/templates';
import { hasActiveContact, normaliseEmail } from './accounts';
import { recordFailure, resetSourceKey, RESET_SOURCE_LIMIT } from './throttle';
import { issueToken } from './tokens';

/** Reset e-mails one address receives at most per hour, however often it is asked for. */
export const RESETS_PER_HOUR = 3;

/**
 * "Esqueci minha senha": the same two statements for any address, known or not (counting the
 * source's requests, queueing the address), so neither the answer nor its timing says whether
 * the address exists. The mail worker does the rest (processResetRequests).
 */
export async function requestPasswordReset(db: Executor, emailInput: string, opts: { source?: string; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const counted = await recordFailure(db, resetSourceKey(opts.source || 'unknown'), now, RESET_SOURCE_LIMIT);
  // Over the source's limit the request is dropped; the page answers the same.
  if (counted.failures > RESET_SOURCE_LIMIT.max) return;
  await db.insert(passwordResetRequests).values({ email: normaliseEmail(emailInput).slice(0, 254), requestedAt: now });
}

/**
 * Turns queued requests into reset e-mails, for addresses of people with an active contact,
 * at most RESETS_PER_HOUR per address. Safe on several instances at once (SKIP LOCKED); a
 * failure leaves the requests queued.
 */
export async function processResetRequests(db: Executor, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ email: string }>(sql`
      delete from ${passwordResetRequests} where id in (
        select id from ${passwordResetRequests} order by requested_at limit 100 for update skip locked)
      returning email`);
    let queued = 0;
    for (const email of new Set(claimed.rows.map((r) => r.email))) {
      const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
      if (!account || !(await hasActiveContact(tx, account.id))) continue;
      const [recent] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(authTokens)
        .where(and(eq(authTokens.accountId, account.id), eq(authTokens.purpose, 'reset'), gt(authTokens.createdAt, new Date(now.getTime() - 60 * 60_000))));
      if ((recent?.n ?? 0) >= RESETS_PER_HOUR) continue;
      const token = await issueToken(tx, { accountId: account.id, purpose: 'reset' }, now);
      await enqueueMail(tx, resetMail({ email, token }));
      queued++;
    }
    return queued;
  });
}

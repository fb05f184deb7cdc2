import { and, desc, eq, sql } from 'drizzle-orm';
import { mailOutbox, type OutboxMessage } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { escapeLike, uuidArray } from '@/db/sql-helpers';

export type MailMessage = {
  companyId: string | null;
  kind:
    'invite' | 'reset' | 'access_granted' | 'group_forward' | 'signup_confirm' | 'signup_unknown' | 'signup_member' | 'access_rejected' | 'requests_waiting';
  to: string;
  subject: string;
  text: string;
  // Bulk messages (an import's invitations) are sent after everything else that is due.
  bulk?: boolean;
};

/**
 * Queues messages in the caller's transaction: they are sent only if the change commits.
 * One statement and one parameter however many there are (an import queues thousands).
 */
export async function enqueueMail(db: Executor, messages: MailMessage | MailMessage[]): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return;
  await db.execute(sql`
    insert into ${mailOutbox} (company_id, kind, to_address, subject, text_body, priority)
    select m.company_id, m.kind, m.to_address, m.subject, m.text_body, m.priority
    from jsonb_to_recordset(${JSON.stringify(
      list.map((m) => ({ company_id: m.companyId, kind: m.kind, to_address: m.to, subject: m.subject, text_body: m.text, priority: m.bulk ? 1 : 0 })),
    )}::jsonb)
      as m(company_id uuid, kind text, to_address text, subject text, text_body text, priority smallint)`);
}

export const MAX_ATTEMPTS = 8;

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
}

/** Delivers one message; resolves to the status it ends with ('sent' unless said otherwise). */
export type Sender = (message: OutboxMessage) => Promise<void | 'sent' | 'logged'>;

// A claimed message is leased for this long, so a second server instance does not send it
// again while the first is still talking to the SMTP server.
const LEASE_SECONDS = 120;
/** Messages sent at once by one worker. */
const SEND_CONCURRENCY = 4;

export async function deliverDue(
  db: Executor,
  send: Sender,
  opts: { now?: Date; batch?: number; signal?: AbortSignal } = {},
): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 25;
  const claimed = await db.execute<{ id: string }>(sql`
    update ${mailOutbox} set next_attempt_at = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}
    where id in (
      select id from ${mailOutbox}
      where status = 'pending' and next_attempt_at <= ${now}
      order by priority, next_attempt_at
      limit ${batch}
      for update skip locked
    )
    returning id`);
  let sent = 0;
  let failed = 0;
  const ids = claimed.rows.map((r) => r.id);
  if (ids.length === 0) return { sent, failed };
  const queue = await db
    .select()
    .from(mailOutbox)
    .where(sql`${mailOutbox.id} = any(${uuidArray(ids)}::uuid[])`)
    .orderBy(mailOutbox.priority, mailOutbox.nextAttemptAt);
  const deliverOne = async (message: OutboxMessage) => {
    try {
      const status = (await send(message)) || 'sent';
      await db
        .update(mailOutbox)
        .set({ status, attempts: message.attempts + 1, sentAt: new Date(), lastError: null })
        .where(eq(mailOutbox.id, message.id));
      sent++;
    } catch (err) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(mailOutbox)
        .set({
          attempts,
          status: giveUp ? 'failed' : 'pending',
          lastError: String(err instanceof Error ? err.message : err).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000),
        })
        .where(eq(mailOutbox.id, message.id));
      failed++;
    }
  };
  // A few messages in flight at once (the SMTP transport keeps a small pool of connections).
  await Promise.all(
    Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, async () => {
      while (queue.length > 0 && !opts.signal?.aborted) await deliverOne(queue.shift()!);
    }),
  );
  // Stopping: what was claimed and not sent goes back to the queue, due now, for another worker.
  if (queue.length > 0) {
    await releaseClaimed(
      db,
      queue.map((m) => m.id),
      now,
    );
  }
  return { sent, failed };
}

async function releaseClaimed(db: Executor, ids: string[], now: Date): Promise<void> {
  await db.execute(sql`update ${mailOutbox} set next_attempt_at = ${now} where id = any(${uuidArray(ids)}::uuid[]) and status = 'pending'`);
}

/** "E-mails enviados": what went where and when, never the text (links are the recipient's alone). */
export async function listCompanyOutbox(db: Executor, companyId: string, opts: { limit: number; offset: number; q?: string; kind?: string; status?: string }) {
  const where = and(
    eq(mailOutbox.companyId, companyId),
    opts.q ? sql`lower(${mailOutbox.toAddress}) like '%' || lower(${escapeLike(opts.q)}) || '%'` : undefined,
    opts.kind ? eq(mailOutbox.kind, opts.kind) : undefined,
    opts.status ? eq(mailOutbox.status, opts.status as 'pending') : undefined,
  );
  const columns = {
    id: mailOutbox.id,
    toAddress: mailOutbox.toAddress,
    subject: mailOutbox.subject,
    status: mailOutbox.status,
    kind: mailOutbox.kind,
    attempts: mailOutbox.attempts,
    lastError: mailOutbox.lastError,
    createdAt: mailOutbox.createdAt,
  };
  const [rows, [count]] = await Promise.all([
    db.select(columns).from(mailOutbox).where(where).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(opts.limit).offset(opts.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/**
 * "Reenviar" on a failed message of the company: back in the queue, due now, with its attempts
 * counted again from zero. Only a failed message of this company; false for anything else.
 */
export async function resendFailedMail(db: Executor, companyId: string, id: string, now = new Date()): Promise<boolean> {
  const updated = await db
    .update(mailOutbox)
    .set({ status: 'pending', priority: 0, attempts: 0, nextAttemptAt: now, lastError: null })
    .where(and(eq(mailOutbox.companyId, companyId), eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return updated.length === 1;
}

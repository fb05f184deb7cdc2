import type { Executor } from '@/db/connect';
import { processResetRequests } from '@/lib/auth/reset-requests';
import { deliverDue, type Sender } from './outbox';

/**
 * Sends everything that is due, batch after batch. Before every batch, queued "Esqueci minha
 * senha" requests become messages of their own: a reset asked for while an import's
 * thousands of invitations go out is sent next, not after all of them (bulk mail goes last).
 */
export async function deliverAll(db: Executor, send: Sender, opts: { batch?: number } = {}): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (;;) {
    await processResetRequests(db);
    const { sent, failed } = await deliverDue(db, send, { batch: opts.batch });
    total.sent += sent;
    total.failed += failed;
    if (sent + failed === 0) return total;
  }
}

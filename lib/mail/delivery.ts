import type { Executor } from '@/db/connect';
import { processResetRequests } from '@/lib/auth/reset-requests';
import { processRequestNotifications } from '@/lib/requests/notify';
import { processSignupSubmissions } from '@/lib/requests/submissions';
import { deliverDue, type Sender } from './outbox';

/**
 * Sends everything that is due, batch after batch. Before every batch, queued "Esqueci minha
 * senha" requests, "Quero me cadastrar" submissions and the administrators' hourly
 * notices of waiting access requests become messages of their own: a reset asked for while an import's
 * thousands of invitations go out is sent next, not after all of them (bulk mail goes last).
 */
export async function deliverAll(db: Executor, send: Sender, opts: { batch?: number; signal?: AbortSignal } = {}): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  while (!opts.signal?.aborted) {
    await processResetRequests(db);
    await processSignupSubmissions(db);
    await processRequestNotifications(db);
    const { sent, failed } = await deliverDue(db, send, { batch: opts.batch, signal: opts.signal });
    total.sent += sent;
    total.failed += failed;
    if (sent + failed === 0) return total;
  }
  return total;
}

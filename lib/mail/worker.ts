import 'server-only';
import { db } from '@/db/client';
import { processResetRequests } from '@/lib/auth/reset-requests';
import { pruneSessions } from '@/lib/auth/sessions';
import { pruneThrottle } from '@/lib/auth/throttle';
import { deliverDue } from './outbox';
import { configuredSender } from './transport';

// One delivery loop per server process: queued password-reset requests become e-mails, and
// due e-mails go out by SMTP, or to the server's log when SMTP_URL is unset.
const state = globalThis as unknown as { __portariaMail?: { running: boolean; again: boolean; timer?: NodeJS.Timeout; lastPrune?: number } };

const PRUNE_EVERY_MS = 10 * 60_000;

async function runOnce(): Promise<void> {
  const s = (state.__portariaMail ??= { running: false, again: false });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    await processResetRequests(db);
    const send = configuredSender();
    do {
      s.again = false;
      const { sent, failed } = await deliverDue(db, send);
      if (sent + failed === 0) break;
    } while (true);
    if (!s.lastPrune || Date.now() - s.lastPrune > PRUNE_EVERY_MS) {
      s.lastPrune = Date.now();
      await pruneSessions(db);
      await pruneThrottle(db);
    }
  } catch (err) {
    console.error('[mail] delivery failed', err);
  } finally {
    s.running = false;
    if (s.again) void runOnce();
  }
}

/** Called after a change that queued mail commits: send now rather than at the next tick. */
export function kickMailDelivery(): void {
  setImmediate(() => void runOnce());
}

export function startMailWorker(intervalMs = 5000): void {
  const s = (state.__portariaMail ??= { running: false, again: false });
  if (s.timer) return;
  s.timer = setInterval(() => void runOnce(), intervalMs);
  s.timer.unref();
  void runOnce();
}

import 'server-only';
import { db } from '@/db/client';
import { deliverDue } from './outbox';
import { smtpSender } from './transport';

// One delivery loop per server process. Without SMTP_URL nothing is sent: messages stay in
// the outbox and the administrator reads them on "E-mails enviados".
const state = globalThis as unknown as { __portariaMail?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

async function runOnce(): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) return;
  const s = (state.__portariaMail ??= { running: false, again: false });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    const send = smtpSender(url);
    do {
      s.again = false;
      const { sent, failed } = await deliverDue(db, send);
      if (sent + failed === 0) break;
    } while (true);
  } catch (err) {
    console.error('[mail] delivery failed', err);
  } finally {
    s.running = false;
    if (s.again) void runOnce();
  }
}

/** Called after a change that queued mail commits: send now rather than at the next tick. */
export function kickMailDelivery(): void {
  if (process.env.SMTP_URL) setImmediate(() => void runOnce());
}

export function startMailWorker(intervalMs = 5000): void {
  if (!process.env.SMTP_URL) return;
  const s = (state.__portariaMail ??= { running: false, again: false });
  if (s.timer) return;
  s.timer = setInterval(() => void runOnce(), intervalMs);
  s.timer.unref();
  void runOnce();
}

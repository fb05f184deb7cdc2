import 'server-only';
import { db } from '@/db/client';
import { backgroundLoop } from '@/lib/jobs/loop';
import { log } from '@/lib/log';
import { deliverAll } from './delivery';
import { configuredSender } from './transport';

// The delivery loop of the worker: queued password-reset requests, sign-up submissions and
// the hourly notices of waiting requests become e-mails, and due e-mails go out by SMTP, or
// to the process's log when SMTP_URL is unset. A stop ends it between two messages; the
// messages it had claimed and not sent go back to the queue.
export const mailLoop = backgroundLoop('mail', async (signal) => {
  const started = performance.now();
  const { sent, failed } = await deliverAll(db, configuredSender(), { signal });
  if (sent + failed > 0) log().info({ job: 'mail', step: 'delivered', sent, failed, ms: Math.round(performance.now() - started) }, 'job.step');
});

/** Called after a change that queued mail commits: send now rather than at the next tick. */
export const kickMailDelivery = (): void => mailLoop.kick();

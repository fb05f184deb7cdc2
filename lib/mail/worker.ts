import 'server-only';
import { db } from '@/db/client';
import { pruneSessions } from '@/lib/auth/sessions';
import { pruneThrottle } from '@/lib/auth/throttle';
import { pruneUnconfirmedRequests } from '@/lib/requests/submissions';
import { eraseRemovedContacts } from '@/lib/contacts/lifecycle';
import { backgroundLoop } from '@/lib/jobs/loop';
import { deliverAll } from './delivery';
import { configuredSender } from './transport';

// One delivery loop per server process: queued password-reset requests become e-mails, and
// due e-mails go out by SMTP, or to the server's log when SMTP_URL is unset. Every ten
// minutes it also deletes ended sessions and old sign-in counts, and runs the erase job.
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrune = 0;

const mail = backgroundLoop('mail', async () => {
  await deliverAll(db, configuredSender());
  if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = Date.now();
    await pruneSessions(db);
    await pruneThrottle(db);
    await pruneUnconfirmedRequests(db);
    // Contacts removed more than 30 days ago lose their personal data (PRODUCT.md §2.10).
    await eraseRemovedContacts(db);
  }
});

/** Called after a change that queued mail commits: send now rather than at the next tick. */
export const kickMailDelivery = (): void => mail.kick();

export const startMailWorker = (intervalMs?: number): void => mail.start(intervalMs);

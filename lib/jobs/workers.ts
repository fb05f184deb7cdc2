import 'server-only';
import { db } from '@/db/client';
import { pruneSessions } from '@/lib/auth/sessions';
import { pruneThrottle } from '@/lib/auth/throttle';
import { eraseRemovedContacts } from '@/lib/contacts/erase';
import { importLoop } from '@/lib/contacts/import/worker';
import { log } from '@/lib/log';
import { mailLoop } from '@/lib/mail/worker';
import { pruneUnconfirmedRequests } from '@/lib/requests/submissions';
import { backgroundLoop, type Loop } from './loop';

// Everything that runs outside page requests, in one place: the process that runs the jobs
// (`npm run worker`, or the web server itself unless WORKER=off) starts these loops. Any
// number of such processes may run on one PostgreSQL: each job is claimed with a lease or
// `FOR UPDATE SKIP LOCKED`, so none runs twice (docs/decisions/013).

/** Every ten minutes: ended sessions, old sign-in counts and unconfirmed sign-ups are deleted, and the erase job runs. */
export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

export const housekeepingLoop = backgroundLoop('housekeeping', async () => {
  await pruneSessions(db);
  await pruneThrottle(db);
  await pruneUnconfirmedRequests(db);
  // Contacts removed more than 30 days ago lose their personal data (PRODUCT.md §2.10).
  const erased = await eraseRemovedContacts(db);
  log().info({ job: 'housekeeping', step: 'done', erased }, 'job.step');
});

/** How often the mail and import loops look for work nobody woke them for (WORKER_POLL_MS). */
const POLL_MS = Number(process.env.WORKER_POLL_MS ?? 5000);

const LOOPS: ReadonlyArray<{ loop: Loop; everyMs: number }> = [
  { loop: mailLoop, everyMs: POLL_MS },
  { loop: importLoop, everyMs: POLL_MS },
  { loop: housekeepingLoop, everyMs: HOUSEKEEPING_EVERY_MS },
];

export function startWorkers(): void {
  for (const { loop, everyMs } of LOOPS) loop.start(everyMs);
  log().info({ loops: LOOPS.map((l) => l.loop.name) }, 'worker.started');
}

/** Each loop ends its current run at its next safe point (an import's batch, an e-mail). */
export async function stopWorkers(): Promise<void> {
  await Promise.all(LOOPS.map(({ loop }) => loop.stop()));
  log().info('worker.stopped');
}

/** A wake-up from a web server (lib/jobs/wake.ts) runs the loop it names. */
export function runLoopNamed(name: string): void {
  const found = LOOPS.find(({ loop }) => loop.name === name);
  if (found) void found.loop.runOnce();
}

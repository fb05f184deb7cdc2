import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { backgroundLoop } from '@/lib/jobs/loop';
import { log } from '@/lib/log';
import { kickMailDelivery } from '@/lib/mail/worker';
import { claimImportJob, importRunOptions, purgeAbandonedReads, runImportJob } from './run';

// The import loop of the worker. A job started by "Importar usuários" runs at once; a job
// whose worker died (its lease ran out) or stopped (it released the lease) is taken over at
// the next tick or wake-up. A stop ends the run after the batches in flight commit.
export const importLoop = backgroundLoop('import', async (signal) => {
  const owner = randomUUID();
  await purgeAbandonedReads(db);
  while (!signal.aborted) {
    const ref = await claimImportJob(db, owner);
    if (!ref) return;
    const started = performance.now();
    log().info({ job: 'import', step: 'claimed', companyId: ref.companyId, jobId: ref.jobId }, 'job.step');
    const outcome = await runImportJob(db, ref, owner, { ...importRunOptions(), signal });
    log().info({ job: 'import', step: outcome, companyId: ref.companyId, jobId: ref.jobId, ms: Math.round(performance.now() - started) }, 'job.step');
    kickMailDelivery();
  }
});

/** Called after "Importar usuários" or "Tentar novamente" commits. */
export const kickImports = (): void => importLoop.kick();

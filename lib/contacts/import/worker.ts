import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { backgroundLoop } from '@/lib/jobs/loop';
import { kickMailDelivery } from '@/lib/mail/worker';
import { claimImportJob, importRunOptions, purgeAbandonedReads, runImportJob } from './run';

// One import loop per server process. A job started by "Importar usuários" runs at once; a
// job whose worker died (its lease ran out) is taken over at the next tick.
const imports = backgroundLoop('import', async () => {
  const owner = randomUUID();
  await purgeAbandonedReads(db);
  for (let ref = await claimImportJob(db, owner); ref; ref = await claimImportJob(db, owner)) {
    await runImportJob(db, ref, owner, importRunOptions());
    kickMailDelivery();
  }
});

/** Called after "Importar usuários" or "Tentar novamente" commits. */
export const kickImports = (): void => imports.kick();

export const startImportWorker = (intervalMs?: number): void => imports.start(intervalMs);

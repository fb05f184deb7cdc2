import 'server-only';
import { randomUUID } from 'node:crypto';
import { connection, db } from '@/db/client';
import { kickMailDelivery } from '@/lib/mail/worker';
import { claimImportJob, IMPORT_BATCH, IMPORT_CONCURRENCY, purgeAbandonedReads, runImportJob } from './run';

// One import loop per server process. A job started by "Importar usuários" runs at once; a
// job whose worker died (its lease ran out) is taken over at the next tick.
const state = globalThis as unknown as { __portariaImports?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

async function runOnce(): Promise<void> {
  const s = (state.__portariaImports ??= { running: false, again: false });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    // PGlite has a single connection: batches would only queue behind each other.
    // and smaller batches keep the embedded database free for page requests in between.
    const embedded = connection().kind === 'pglite';
    const opts = embedded ? { concurrency: 1, batchSize: Math.min(IMPORT_BATCH, 250) } : { concurrency: IMPORT_CONCURRENCY };
    const owner = randomUUID();
    await purgeAbandonedReads(db);
    for (let ref = await claimImportJob(db, owner); ref; ref = await claimImportJob(db, owner)) {
      await runImportJob(db, ref, owner, opts);
      kickMailDelivery();
    }
  } catch (err) {
    console.error('[import] worker failed', err);
  } finally {
    s.running = false;
    if (s.again) {
      s.again = false;
      void runOnce();
    }
  }
}

/** Called after "Importar usuários" or "Tentar novamente" commits. */
export function kickImports(): void {
  setImmediate(() => void runOnce());
}

export function startImportWorker(intervalMs = 5000): void {
  const s = (state.__portariaImports ??= { running: false, again: false });
  if (s.timer) return;
  s.timer = setInterval(() => void runOnce(), intervalMs);
  s.timer.unref();
  void runOnce();
}

import 'server-only';
import { connection } from '@/db/client';

// How this server reads and imports files, decided in one place for each database engine.
// PGlite has a single connection: batches would only queue behind each other, and while a
// transaction is open nobody else gets a query in, so its transactions stay small. On
// PostgreSQL a batch is prepared while the one before it commits, and each commit waits for
// the disk, so they are larger.

type Engine = 'postgres' | 'pglite';

/** Rows written per import transaction (IMPORT_BATCH; at most 250 on the embedded database). */
export const IMPORT_BATCH = Number(process.env.IMPORT_BATCH ?? 1000);
/** Import batches in flight at once on PostgreSQL (IMPORT_CONCURRENCY). */
export const IMPORT_CONCURRENCY = Number(process.env.IMPORT_CONCURRENCY ?? 2);
/** Preview rows checked against the database and written per statement. */
export const PREVIEW_BATCH = 2000;

export type RunOptions = {
  batchSize?: number;
  concurrency?: number;
  /** The worker is stopping: no new batch starts, the ones in flight commit, the lease is released. */
  signal?: AbortSignal;
};

export function importRunOptions(kind: Engine = connection().kind): RunOptions {
  return kind === 'pglite' ? { concurrency: 1, batchSize: Math.min(IMPORT_BATCH, 250) } : { concurrency: IMPORT_CONCURRENCY, batchSize: IMPORT_BATCH };
}

/** Preview rows per transaction while a file is read. */
export function previewChunkRows(kind: Engine = connection().kind): number {
  return kind === 'pglite' ? PREVIEW_BATCH : 5 * PREVIEW_BATCH;
}

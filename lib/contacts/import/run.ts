import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { recordAudit } from '@/lib/audit/record';
import { log } from '@/lib/log';
import { isUuid } from '@/db/sql-helpers';
import type { Actor, AdminContext } from '@/lib/auth/actor';
import { importRange, type Turn } from './batch';
import { IMPORT_BATCH, type RunOptions } from './settings';
import { discardPreviewed, holds, markDone, markImporting, recordBatchFailure, releaseJob, type JobRef, type StartError } from './job';

export { MAX_ATTEMPTS, type JobRef, type StartError } from './job';

// Each batch commits its contacts, their permissions, history, invitations, the rows' results
// and the job's cursor together, or none of them (settings.ts says how large).
export { IMPORT_BATCH, IMPORT_CONCURRENCY, importRunOptions, type RunOptions } from './settings';

/** "Importar usuários": the preview becomes a job that the import worker runs. */
export async function startImport(ctx: AdminContext, jobId: string, executor: Executor = db): Promise<{ ok: true } | { ok: false; error: StartError }> {
  if (!isUuid(jobId)) return { ok: false, error: 'notFound' };
  return markImporting(executor, { companyId: ctx.companyId, jobId }, ctx.contactId);
}

/** A preview nobody is going to import: dropped with its rows. */
export async function discardImport(ctx: AdminContext, jobId: string, executor: Executor = db): Promise<boolean> {
  if (!isUuid(jobId)) return false;
  return discardPreviewed(executor, { companyId: ctx.companyId, jobId });
}

export { claimJob as claimImportJob, purgeAbandonedReads } from './job';

async function finish(tx: Executor, ref: JobRef, actor: Actor): Promise<void> {
  const j = await markDone(tx, ref);
  // One entry for the import as a whole (who, which file, what came of it); each contact
  // written has its own "Usuário adicionado" entry too.
  await recordAudit(tx, {
    companyId: ref.companyId,
    actor,
    action: 'contacts.imported',
    entityType: 'import',
    entityId: ref.jobId,
    after: {
      fileName: j.file_name,
      rows: j.total_rows,
      imported: j.ok_rows,
      invalid: j.error_rows,
      duplicates: j.duplicate_rows,
      registered: j.registered_rows + j.failed_rows,
    },
  });
}

/** Marks the job done, with its entry in the history, once every batch has committed. */
async function finishImport(executor: Executor, ref: JobRef, owner: string, lastLine: number): Promise<boolean> {
  return executor.transaction(async (tx) => {
    const jobs = await tx.execute<{ actor_contact_id: string; actor_email: string }>(sql`
      select ct.id as actor_contact_id, a.email as actor_email
      from import_jobs j
      join contacts ct on ct.company_id = j.company_id and ct.id = coalesce(j.started_by_contact_id, j.created_by_contact_id)
      join accounts a on a.id = ct.account_id
      where j.company_id = ${ref.companyId} and j.id = ${ref.jobId} and j.status = 'importing' and j.lease_owner = ${owner}
        and j.cursor_line >= ${lastLine}
      for update of j`);
    const job = jobs.rows[0];
    if (!job) return false;
    await finish(tx, ref, { contactId: job.actor_contact_id, email: job.actor_email });
    return true;
  });
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a claimed job to the end: batches of `batchSize` lines, up to `concurrency` of them
 * in flight (PostgreSQL works on one while the next is prepared), committed in order. A
 * failed batch stops the run; the job waits and is retried from its cursor. When the worker
 * stops (`signal`), the batches in flight commit and the job is released for another worker.
 */
export async function runImportJob(executor: Executor, ref: JobRef, owner: string, opts: RunOptions = {}): Promise<'done' | 'lost' | 'failed' | 'released'> {
  const batchSize = opts.batchSize ?? IMPORT_BATCH;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const state = (
    await executor.execute<{ cursor_line: number; last_line: number | null; held: boolean }>(sql`
      select j.cursor_line, (select max(line) from import_rows r where r.company_id = j.company_id and r.job_id = j.id) as last_line,
             j.status = 'importing' and j.lease_owner = ${owner} as held
      from import_jobs j where j.company_id = ${ref.companyId} and j.id = ${ref.jobId}`)
  ).rows[0];
  if (!state?.held) return 'lost';
  const lastLine = state.last_line ?? 0;
  let next = state.cursor_line;
  const inFlight: Turn[] = [];
  const ranges: Array<{ from: number; to: number; started: number }> = [];
  try {
    while (next < lastLine || inFlight.length) {
      // Let the rest of the server run between batches: on PGlite every query resolves
      // without I/O, so a loop of batches would otherwise hold the event loop to the end.
      await yieldToEventLoop();
      if (opts.signal?.aborted) {
        const settled = await Promise.allSettled(inFlight.splice(0));
        const failure = settled.find((r) => r.status === 'rejected');
        if (failure) throw failure.reason;
        return (await releaseJob(executor, ref, owner)) ? 'released' : 'lost';
      }
      while (inFlight.length < concurrency && next < lastLine) {
        const from = next;
        next = Math.min(lastLine, from + batchSize);
        const batch = importRange(executor, ref, owner, from, next, inFlight[inFlight.length - 1]);
        batch.catch(() => undefined); // awaited in order below
        inFlight.push(batch);
        ranges.push({ from, to: next, started: performance.now() });
      }
      await inFlight.shift();
      const range = ranges.shift()!;
      log().info(
        {
          job: 'import',
          step: 'batch',
          companyId: ref.companyId,
          jobId: ref.jobId,
          from: range.from,
          to: range.to,
          ms: Math.round(performance.now() - range.started),
        },
        'job.step',
      );
    }
    return (await finishImport(executor, ref, owner, lastLine)) ? 'done' : 'lost';
  } catch (err) {
    // Let the batches still running end (they cannot commit out of order) before recording.
    await Promise.allSettled(inFlight);
    if (!(await holds(executor, ref, owner))) return 'lost';
    await recordFailure(executor, ref, owner, err);
    return 'failed';
  }
}

/** A failed batch rolled back whole; the job retries later, and stops after MAX_ATTEMPTS. */
async function recordFailure(executor: Executor, ref: JobRef, owner: string, err: unknown): Promise<void> {
  // Drizzle wraps the database's error ("Failed query: …"); keep the database's own words.
  const root = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  await recordBatchFailure(executor, ref, owner, String(root instanceof Error ? root.message : root).slice(0, 500));
}

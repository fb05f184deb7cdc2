import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';
import { importJobs } from '@/db/schema';
import type { AdminContext } from '@/lib/auth/actor';

// Every state an import job goes through, and every transition between them, in one place:
//
//   reading ──(file read)──> previewed ──(Importar)──> importing ──(last batch)──> done
//      │                        │                        │   ▲
//      └─(failed/abandoned)─> gone <──(Descartar)─┘      │   └──(Tentar novamente)── failed
//                                                        └──(3 failed batches)──────────┘
//
// A worker holds an importing job through a lease (owner + deadline): it renews it with each
// batch it commits; a job whose lease ran out is taken over by another worker.

export type JobStatus = 'reading' | 'previewed' | 'importing' | 'done' | 'failed';
export type JobRef = { companyId: string; jobId: string };

/** A worker holds a job for this long per batch; a crashed worker's job is taken over after it. */
export const LEASE_SECONDS = 60;
/** Consecutive failed batches before the job stops and waits for "Tentar novamente". */
export const MAX_ATTEMPTS = 3;

const is = (status: JobStatus) => sql`status = ${status}`;

/** A new upload: a hidden job while its rows are read. */
export async function openReadingJob(executor: Executor, ctx: AdminContext, file: { name: string; encoding: string }): Promise<string> {
  const [job] = await executor
    .insert(importJobs)
    .values({
      companyId: ctx.companyId,
      createdByContactId: ctx.contactId,
      fileName: file.name,
      encoding: file.encoding,
      status: 'reading' satisfies JobStatus,
    })
    .returning({ id: importJobs.id });
  return job!.id;
}

export type PreviewCounts = { total: number; new: number; error: number; duplicate: number; registered: number; skipped: number };

/** reading → previewed, with the preview's totals. */
export async function markPreviewed(executor: Executor, ref: JobRef, counts: PreviewCounts): Promise<void> {
  await executor.execute(sql`
    update import_jobs set status = ${'previewed' satisfies JobStatus}, total_rows = ${counts.total}, new_rows = ${counts.new}, error_rows = ${counts.error},
      duplicate_rows = ${counts.duplicate}, registered_rows = ${counts.registered}, skipped_rows = ${counts.skipped}
    where company_id = ${ref.companyId} and id = ${ref.jobId} and ${is('reading')}`);
}

/** A reading that failed: the job and its rows are gone. */
export async function dropReadingJob(executor: Executor, ref: JobRef): Promise<void> {
  await executor.execute(sql`delete from import_jobs where company_id = ${ref.companyId} and id = ${ref.jobId} and ${is('reading')}`);
}

/** A reading that never finished (the server stopped mid-upload) is removed after an hour. */
export async function purgeAbandonedReads(executor: Executor): Promise<void> {
  await executor.execute(sql`delete from import_jobs where ${is('reading')} and created_at < now() - interval '1 hour'`);
}

export type StartError = 'notFound' | 'nothingToImport' | 'alreadyStarted';

/** previewed (with rows to import) or failed → importing, by whoever pressed the button. */
export async function markImporting(executor: Executor, ref: JobRef, startedBy: string): Promise<{ ok: true } | { ok: false; error: StartError }> {
  const started = await executor.execute<{ id: string }>(sql`
    update import_jobs set status = ${'importing' satisfies JobStatus}, started_at = coalesce(started_at, now()), started_by_contact_id = ${startedBy},
      attempts = 0, last_error = null, lease_owner = null, lease_until = null
    where company_id = ${ref.companyId} and id = ${ref.jobId} and ((${is('previewed')} and new_rows > 0) or ${is('failed')})
    returning id`);
  if (started.rows.length === 1) return { ok: true };
  const found = await executor.execute<{ status: JobStatus }>(sql`select status from import_jobs where company_id = ${ref.companyId} and id = ${ref.jobId}`);
  const status = found.rows[0]?.status;
  if (!status) return { ok: false, error: 'notFound' };
  return { ok: false, error: status === 'previewed' ? 'nothingToImport' : 'alreadyStarted' };
}

/** "Descartar": a previewed job is gone with its rows; false when it is not (or no longer) a preview. */
export async function discardPreviewed(executor: Executor, ref: JobRef): Promise<boolean> {
  const gone = await executor.execute(
    sql`delete from import_jobs where company_id = ${ref.companyId} and id = ${ref.jobId} and ${is('previewed')} returning id`,
  );
  return gone.rows.length === 1;
}

/** Takes the oldest importing job that no live worker holds. */
export async function claimJob(executor: Executor, owner: string): Promise<JobRef | null> {
  const claimed = await executor.execute<{ company_id: string; id: string }>(sql`
    update import_jobs set lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where (company_id, id) = (
      select company_id, id from import_jobs
      where ${is('importing')} and (lease_until is null or lease_until < now())
      order by started_at limit 1
      for update skip locked)
    returning company_id, id`);
  const row = claimed.rows[0];
  return row ? { companyId: row.company_id, jobId: row.id } : null;
}

/**
 * A stopping worker hands the job back: its lease ends now, so another worker takes it over at
 * its next wake-up or tick, from the cursor the last committed batch left.
 */
export async function releaseJob(executor: Executor, ref: JobRef, owner: string): Promise<boolean> {
  const released = await executor.execute(sql`
    update import_jobs set lease_owner = null, lease_until = null
    where company_id = ${ref.companyId} and id = ${ref.jobId} and lease_owner = ${owner} and ${is('importing')}
    returning id`);
  return released.rows.length === 1;
}

/** The worker still holds the job (importing, its lease). */
export async function holds(executor: Executor, ref: JobRef, owner: string): Promise<boolean> {
  const held = await executor.execute(sql`
    select 1 from import_jobs where company_id = ${ref.companyId} and id = ${ref.jobId} and ${is('importing')} and lease_owner = ${owner}`);
  return held.rows.length === 1;
}

/**
 * A batch's commit: the cursor moves from `from` to `to` and the lease is renewed, only if
 * the worker still holds the job and every earlier batch committed (the cursor is at `from`).
 */
export async function advanceCursor(
  tx: Executor,
  ref: JobRef,
  owner: string,
  range: { from: number; to: number },
  counts: { processed: number; ok: number; failed: number },
): Promise<boolean> {
  const moved = await tx.execute(sql`
    update import_jobs set cursor_line = ${range.to}, processed_rows = processed_rows + ${counts.processed},
      ok_rows = ok_rows + ${counts.ok}, failed_rows = failed_rows + ${counts.failed}, attempts = 0, last_error = null,
      lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where company_id = ${ref.companyId} and id = ${ref.jobId} and cursor_line = ${range.from} and lease_owner = ${owner} and ${is('importing')}
    returning id`);
  return moved.rows.length === 1;
}

export type Outcome = {
  file_name: string;
  total_rows: number;
  ok_rows: number;
  failed_rows: number;
  error_rows: number;
  duplicate_rows: number;
  registered_rows: number;
};

/** importing → done (the caller holds the job and every batch has committed); returns what came of it. */
export async function markDone(tx: Executor, ref: JobRef): Promise<Outcome> {
  const done = await tx.execute<Outcome>(sql`
    update import_jobs set status = ${'done' satisfies JobStatus}, finished_at = now(), lease_owner = null, lease_until = null, last_error = null
    where company_id = ${ref.companyId} and id = ${ref.jobId}
    returning file_name, total_rows, ok_rows, failed_rows, error_rows, duplicate_rows, registered_rows`);
  return done.rows[0]!;
}

/** A failed batch: the job is retried later (the lease released, a back-off), and after MAX_ATTEMPTS it is failed. */
export async function recordBatchFailure(executor: Executor, ref: JobRef, owner: string, message: string): Promise<void> {
  await executor.execute(sql`
    update import_jobs set attempts = attempts + 1, last_error = ${message}, lease_owner = null,
      status = case when attempts + 1 >= ${MAX_ATTEMPTS} then ${'failed' satisfies JobStatus} else status end,
      lease_until = case when attempts + 1 >= ${MAX_ATTEMPTS} then null else now() + make_interval(secs => 5 * (attempts + 1)) end
    where company_id = ${ref.companyId} and id = ${ref.jobId} and lease_owner = ${owner}`);
}

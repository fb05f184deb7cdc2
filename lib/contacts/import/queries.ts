import 'server-only';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { contacts, importJobs, type ImportJob } from '@/db/schema';
import { isUuid } from '@/db/sql-helpers';
import type { CsvColumn } from '../csv/rows';

export const IMPORT_PAGE_SIZE = 100;
import { ROW_FILTERS, type RowFilter } from './query';

export { ROW_FILTERS, type RowFilter };

export type JobView = ImportJob & { createdByName: string | null };

export async function getImportJob(companyId: string, jobId: string, executor: Executor = db): Promise<JobView | null> {
  if (!isUuid(jobId)) return null;
  const [row] = await executor
    .select({ job: importJobs, createdByName: contacts.name })
    .from(importJobs)
    .leftJoin(contacts, and(eq(contacts.companyId, importJobs.companyId), eq(contacts.id, importJobs.createdByContactId)))
    .where(and(eq(importJobs.companyId, companyId), eq(importJobs.id, jobId), ne(importJobs.status, 'reading')));
  return row ? { ...row.job, createdByName: row.createdByName } : null;
}

export async function listImportJobs(companyId: string, limit = 10, executor: Executor = db): Promise<JobView[]> {
  const rows = await executor
    .select({ job: importJobs, createdByName: contacts.name })
    .from(importJobs)
    .leftJoin(contacts, and(eq(contacts.companyId, importJobs.companyId), eq(contacts.id, importJobs.createdByContactId)))
    .where(and(eq(importJobs.companyId, companyId), ne(importJobs.status, 'reading')))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.job, createdByName: r.createdByName }));
}

/** What a row shows: a valid row is "Sucesso!" once the job's committed cursor has passed it. */
export type RowOutcome = 'new' | 'imported' | 'error' | 'duplicate' | 'registered' | 'failed';

export type RowView = {
  line: number;
  values: Record<CsvColumn, string>;
  outcome: RowOutcome;
  field: CsvColumn | null;
  message: string | null;
  otherLine: number | null;
  warning: string | null;
};

export function outcomeOf(status: string, line: number, job: Pick<ImportJob, 'status' | 'cursorLine'>): RowOutcome {
  if (status === 'new') return job.status !== 'previewed' && line <= job.cursorLine ? 'imported' : 'new';
  return status as RowOutcome;
}

export function filterCount(job: ImportJob, filter: RowFilter): number {
  if (filter === 'ok') return job.newRows - job.failedRows;
  if (filter === 'problems') return job.errorRows + job.duplicateRows + job.registeredRows + job.failedRows;
  return job.totalRows;
}

const statusesOf = (filter: RowFilter) => (filter === 'ok' ? ['new'] : filter === 'problems' ? ['error', 'duplicate', 'registered', 'failed'] : null);

type RawRow = {
  line: number;
  data: Record<CsvColumn, string>;
  status: string;
  field: CsvColumn | null;
  message: string | null;
  other_line: number | null;
  warning: string | null;
};

function view(r: RawRow, job: ImportJob): RowView {
  return {
    line: r.line,
    values: r.data,
    outcome: outcomeOf(r.status, r.line, job),
    field: r.field,
    message: r.message,
    otherLine: r.other_line,
    warning: r.warning,
  };
}

/** One page of the file's rows, in file order; keyset on the line number, so page 500 is as quick as page 1. */
export async function importRowsPage(
  job: ImportJob,
  filter: RowFilter,
  page: number,
  executor: Executor = db,
): Promise<{ rows: RowView[]; total: number; page: number }> {
  const total = filterCount(job, filter);
  const pages = Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const statuses = statusesOf(filter);
  const where = sql`company_id = ${job.companyId} and job_id = ${job.id}${
    statuses
      ? sql` and status in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : sql``
  }`;
  const rows = await executor.execute<RawRow>(sql`
    select line, data, status, field, message, other_line, warning from import_rows
    where ${where}
    order by line limit ${IMPORT_PAGE_SIZE} offset ${(current - 1) * IMPORT_PAGE_SIZE}`);
  return { rows: rows.rows.map((r) => view(r, job)), total, page: current };
}

/** The rows that were not imported, for the error CSV: streamed in batches. */
export async function* problemRows(job: ImportJob, executor: Executor = db): AsyncGenerator<RowView[]> {
  let after = 0;
  while (true) {
    const rows = await executor.execute<RawRow>(sql`
      select line, data, status, field, message, other_line, warning from import_rows
      where company_id = ${job.companyId} and job_id = ${job.id} and line > ${after} and status in ('error', 'duplicate', 'registered', 'failed')
      order by line limit 2000`);
    if (rows.rows.length === 0) return;
    yield rows.rows.map((r) => view(r, job));
    after = rows.rows[rows.rows.length - 1]!.line;
  }
}

import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { MalformedCsvError, streamContactsCsv, type CsvColumn, type PreviewRow } from '../csv/rows';
import type { AdminContext } from '@/lib/auth/actor';
import { normaliseContact } from '../schema';
import { takenField, takenKeys } from '../taken';
import { dropReadingJob, markPreviewed, openReadingJob } from './job';
import { yieldToEventLoop } from './run';
import { PREVIEW_BATCH, previewChunkRows } from './settings';

/** The upload limit (PRODUCT.md §2.7): about 100,000 rows of the import layout. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type PreviewError = 'noFile' | 'tooLarge' | 'notCsv' | 'empty' | 'missingColumns' | 'malformed';
export type PreviewResult = { ok: true; jobId: string } | { ok: false; error: PreviewError; missing?: CsvColumn[]; line?: number };

/** What a browser sends as the file name, reduced to a name fit to show and to record. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'arquivo.csv';
}

type StoredRow = {
  line: number;
  data: Record<CsvColumn, string>;
  input: Record<string, unknown> | null;
  status: 'new' | 'error' | 'duplicate' | 'registered';
  field: CsvColumn | null;
  message: string | null;
  other_line: number | null;
  warning: string | null;
};

class EmptyFile extends Error {}

/** Which of these rows are people the company already has as active contacts. */
async function markRegistered(tx: Executor, companyId: string, rows: StoredRow[]): Promise<void> {
  const candidates = rows.filter((r) => r.status === 'new');
  const people = candidates.map((r) => ({ email: String(r.input!.email), document: String(r.input!.document) }));
  const taken = await takenKeys(tx, companyId, people);
  candidates.forEach((row, i) => {
    const field = takenField(taken, people[i]!);
    if (!field) return;
    row.status = 'registered';
    row.field = field === 'email' ? 'email' : 'documento';
    row.message = field === 'email' ? 'emailTaken' : 'documentTaken';
  });
}

function stored(row: Exclude<PreviewRow, { status: 'skipped' }>): StoredRow {
  if (row.status === 'error') {
    const duplicate = row.reason === 'duplicateInFile';
    return {
      line: row.line,
      data: row.values,
      input: null,
      status: duplicate ? 'duplicate' : 'error',
      field: row.field,
      message: row.reason,
      other_line: row.otherLine ?? null,
      warning: null,
    };
  }
  // Stored as the form stores it: the document is then also the key it is unique by.
  const input = { ...normaliseContact(row.input), name: row.input.name, email: row.input.email };
  return { line: row.line, data: row.values, input, status: 'new', field: null, message: null, other_line: null, warning: row.warning ?? null };
}

async function writeRows(tx: Executor, companyId: string, jobId: string, rows: StoredRow[]): Promise<void> {
  await tx.execute(sql`
    insert into import_rows (company_id, job_id, line, data, input, status, field, message, other_line, warning)
    select ${companyId}, ${jobId}, r.line, r.data, r.input, r.status, r.field, r.message, r.other_line, r.warning
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(line integer, data jsonb, input jsonb, status text, field text, message text, other_line integer, warning text)`);
}

/**
 * Step one of an import: reads the file, checks every row like the "Adicionar usuário" form,
 * finds duplicates inside the file and people already registered, and keeps the preview.
 * No contact is written; a file that turns out unreadable leaves nothing.
 */
export async function previewImport(
  ctx: AdminContext,
  file: { name: string; bytes: Uint8Array },
  executor: Executor = db,
  opts: { maxBytes?: number; chunkRows?: number } = {},
): Promise<PreviewResult> {
  if (file.bytes.length > (opts.maxBytes ?? MAX_IMPORT_BYTES)) return { ok: false, error: 'tooLarge' };
  const read = await streamContactsCsv(file.bytes);
  if (!read.ok) return read;
  // Several short transactions rather than one: on the embedded database nobody else gets a
  // query in while a transaction is open. The job stays 'reading' (hidden) until complete,
  // and is deleted, with its rows, if the reading fails.
  const jobId = await openReadingJob(executor, ctx, { name: cleanFileName(file.name), encoding: read.encoding });
  const ref = { companyId: ctx.companyId, jobId };
  const chunkRows = opts.chunkRows ?? previewChunkRows();
  try {
    const counts = { total: 0, new: 0, error: 0, duplicate: 0, registered: 0, skipped: 0 };
    const rows = read.rows[Symbol.asyncIterator]();
    let finished = false;
    while (!finished) {
      await executor.transaction(async (tx) => {
        let batch: StoredRow[] = [];
        let inChunk = 0;
        // One batch is checked and written while the next is read: on PostgreSQL the
        // database works while this process parses and validates. At most one statement is in
        // flight; its failure surfaces at the next flush or at the end of the chunk.
        let writing: Promise<void> = Promise.resolve();
        let inFlight = false;
        let read = 0;
        const write = async (checked: StoredRow[]) => {
          try {
            await markRegistered(tx, ctx.companyId, checked);
            await writeRows(tx, ctx.companyId, jobId, checked);
            for (const r of checked) counts[r.status]++;
          } finally {
            inFlight = false;
          }
        };
        const flush = async () => {
          const full = batch;
          batch = [];
          inChunk += full.length;
          await writing;
          inFlight = true;
          writing = write(full);
          writing.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
        };
        try {
          while (inChunk + batch.length < chunkRows) {
            const next = await rows.next();
            if (next.done) {
              finished = true;
              break;
            }
            // Parsing runs on promises alone while the file is in memory: without a turn of
            // the event loop now and then, the answer to the statement in flight would wait
            // for the whole batch to be parsed before the next statement could be sent.
            if (inFlight && ++read % 50 === 0) await yieldToEventLoop();
            if (next.value.status === 'skipped') {
              counts.skipped++;
              continue;
            }
            counts.total++;
            batch.push(stored(next.value));
            if (batch.length >= PREVIEW_BATCH) await flush();
          }
          if (batch.length) await flush();
        } catch (err) {
          // A line that cannot be read, or the statement before failing: the transaction ends
          // only once the statement in flight has, and a failed statement is the error told
          // (a database fault is never reported as a malformed file).
          const failed = await writing.then(
            () => null,
            (e: unknown) => e,
          );
          throw failed ?? err;
        }
        await writing;
      });
      await yieldToEventLoop(); // other requests go on while a large file is read
    }
    if (counts.total === 0) throw new EmptyFile();
    await markPreviewed(executor, ref, counts);
    return { ok: true as const, jobId };
  } catch (err) {
    await dropReadingJob(executor, ref);
    if (err instanceof EmptyFile) return { ok: false, error: 'empty' };
    if (err instanceof MalformedCsvError) return { ok: false, error: 'malformed', line: err.line };
    throw err;
  }
}

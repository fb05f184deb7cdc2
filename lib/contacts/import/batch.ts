import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';
import { uuidArray } from '@/db/sql-helpers';
import type { Actor, AdminContext } from '@/lib/auth/actor';
import { ensureAccounts } from '@/lib/auth/accounts';
import { takenField, takenKeys } from '../taken';
import { queueWelcomes } from '../welcome';
import { insertContacts } from '../write';
import { advanceCursor, type JobRef, type JobStatus } from './job';

// One batch of an import job: the rows of a range of lines, written in one transaction.
// The job around it (start, claim, run, finish, failures) is in run.ts.

export { LEASE_SECONDS } from './job';

type Job = {
  company_id: string;
  id: string;
  status: string;
  file_name: string;
  cursor_line: number;
  lease_owner: string | null;
  created_by_contact_id: string;
  company_name: string;
  actor_email: string;
};
export type NewRow = {
  line: number;
  input: { name: string; email: string; country: string; document: string; areaCode: string; phone: string; consultancy: boolean };
};

/** A batch may commit only right after the one before it, and only while the worker holds the job. */
export class BatchNotCommitted extends Error {
  constructor() {
    super('import batch not committed: an earlier batch failed, or the job changed hands');
  }
}

/** A batch in flight: the next batch waits for it to end before it commits. */
export type Turn = Promise<void>;

/**
 * Imports the new rows with lines in (from, to] of a job this worker holds, in one
 * transaction. It commits only if the job's cursor is still at `from` (every earlier batch
 * committed), and moves the cursor to `to` in the same commit: batches may run side by side,
 * but they commit in order, and a resumed job starts exactly where the last commit ended.
 */
export async function importRange(executor: Executor, ref: JobRef, owner: string, from: number, to: number, previous?: Turn): Promise<void> {
  await executor.transaction(async (tx) => {
    // This transaction counts its contacts itself, at the end (see below). A lock held by
    // another transaction for long (a batch of another import waiting, in JavaScript, on a
    // batch that waits on this one) fails the batch, which is then retried, instead of
    // waiting forever where PostgreSQL cannot see the cycle.
    await tx.execute(sql`select set_config('portaria.defer_contact_count', 'on', true), set_config('lock_timeout', '15s', true)`);
    const jobs = await tx.execute<Job>(sql`
      select j.company_id, j.id, j.status, j.file_name, j.cursor_line, j.lease_owner,
             coalesce(j.started_by_contact_id, j.created_by_contact_id) as created_by_contact_id,
             co.name as company_name, a.email as actor_email
      from import_jobs j
      join companies co on co.id = j.company_id
      join contacts ct on ct.company_id = j.company_id and ct.id = coalesce(j.started_by_contact_id, j.created_by_contact_id)
      join accounts a on a.id = ct.account_id
      where j.company_id = ${ref.companyId} and j.id = ${ref.jobId}`);
    const job = jobs.rows[0];
    if (!job || job.status !== ('importing' satisfies JobStatus) || job.lease_owner !== owner) throw new BatchNotCommitted();
    const actor: Actor = { contactId: job.created_by_contact_id, email: job.actor_email };
    const ctx: AdminContext = { companyId: job.company_id, companyName: job.company_name, contactId: job.created_by_contact_id, email: job.actor_email };

    const rows = (
      await tx.execute<NewRow>(sql`
        select line, input from import_rows
        where company_id = ${job.company_id} and job_id = ${job.id} and line > ${from} and line <= ${to} and status = 'new'
        order by line`)
    ).rows;
    let written: NewRow[] = [];
    let refused: NewRow[] = [];
    if (rows.length) ({ written, refused } = await writeContacts(tx, job, actor, ctx, rows));
    // The batch before this one must have ended (committed, or failed: then this one fails
    // too). Only then does this one take the company's contact counter, which it holds until
    // commit: batches work side by side and queue only for these last two statements.
    if (previous) await previous.catch(() => undefined);
    if (written.length) {
      await tx.execute(sql`
        insert into contact_counts (company_id, active) values (${job.company_id}, ${written.length})
        on conflict (company_id) do update set active = contact_counts.active + excluded.active`);
    }
    const moved = await advanceCursor(tx, ref, owner, { from, to }, { processed: rows.length, ok: written.length, failed: refused.length });
    if (!moved) throw new BatchNotCommitted();
  });
}

async function writeContacts(tx: Executor, job: Job, actor: Actor, ctx: AdminContext, rows: NewRow[]): Promise<{ written: NewRow[]; refused: NewRow[] }> {
  // The people behind the rows: an account per e-mail, created when new to the portal.
  const accountByEmail = await ensureAccounts(
    tx,
    rows.map((r) => r.input.email),
  );

  const withAccounts = rows.map((r) => ({ ...r, account: accountByEmail.get(r.input.email.toLowerCase())! }));
  // Contacts, their default permissions and their history entries in one statement. A row
  // whose e-mail or document was registered since the preview is skipped whole (the unique
  // indexes decide) and reports which one; it never leaves half a contact.
  const { ids, written: insertedIds } = await insertContacts(
    tx,
    job.company_id,
    actor,
    withAccounts.map((p) => ({ accountId: p.account.id, ...p.input, importedFrom: `${job.file_name} (linha ${p.line})`, importJobId: job.id })),
  );
  const planned = withAccounts.map((p, i) => ({ ...p, id: ids[i]! }));
  const written = planned.filter((p) => insertedIds.has(p.id));
  const refused = planned.filter((p) => !insertedIds.has(p.id));
  await queueWelcomes(
    tx,
    ctx,
    written.map((p) => ({ accountId: p.account.id, contactId: p.id, name: p.input.name, email: p.input.email, newAccount: p.account.created })),
    { bulk: true },
  );

  // A written row keeps the status 'new': the job's cursor passing it means "Sucesso!"
  // (one update per refused row, not one per written row).
  if (refused.length) {
    // An account this batch created for a row it then refused belongs to nobody: gone.
    const orphans = refused.filter((p) => p.account.created).map((p) => p.account.id);
    if (orphans.length) {
      await tx.execute(sql`
          delete from accounts a where a.id = any(${uuidArray(orphans)}::uuid[])
            and not exists (select 1 from contacts c where c.account_id = a.id)`);
    }
    // Why: its e-mail or document was registered since the preview.
    const taken = await takenKeys(
      tx,
      job.company_id,
      refused.map((p) => p.input),
    );
    const reasons = refused.map((p) =>
      takenField(taken, p.input) === 'email'
        ? { line: p.line, field: 'email', message: 'emailTaken' }
        : { line: p.line, field: 'documento', message: 'documentTaken' },
    );
    await tx.execute(sql`
        update import_rows r set status = 'failed', field = u.field, message = u.message
        from jsonb_to_recordset(${JSON.stringify(reasons)}::jsonb)
          as u(line integer, field text, message text)
        where r.company_id = ${job.company_id} and r.job_id = ${job.id} and r.line = u.line`);
  }
  return { written, refused };
}

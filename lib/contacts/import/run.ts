import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { hashToken, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { enqueueMail, type MailMessage } from '@/lib/mail/outbox';
import { accessGrantedMail, invitationMail } from '@/lib/mail/templates';
import { isUuid } from '@/db/sql-helpers';
import { DEFAULT_PERMISSIONS, type AdminContext } from '../mutations';

// Rows written per transaction: each batch commits its contacts, their permissions, history,
// invitations, the rows' results and the job's cursor together, or none of them.
export const IMPORT_BATCH = Number(process.env.IMPORT_BATCH ?? 1000);
// Batches in flight at once on PostgreSQL (PGlite has one connection: one at a time).
export const IMPORT_CONCURRENCY = Number(process.env.IMPORT_CONCURRENCY ?? 2);
// A worker holds a job for this long per batch; a crashed worker's job is taken over after it.
export const LEASE_SECONDS = 60;
// Consecutive failed batches before the job stops and waits for "Tentar novamente".
export const MAX_ATTEMPTS = 3;

export type StartError = 'notFound' | 'nothingToImport' | 'alreadyStarted';

/** "Importar usuários": the preview becomes a job that the import worker runs. */
export async function startImport(ctx: AdminContext, jobId: string, executor: Executor = db): Promise<{ ok: true } | { ok: false; error: StartError }> {
  if (!isUuid(jobId)) return { ok: false, error: 'notFound' };
  const started = await executor.execute<{ id: string }>(sql`
    update import_jobs set status = 'importing', started_at = coalesce(started_at, now()), started_by_contact_id = ${ctx.contactId}, attempts = 0, last_error = null,
      lease_owner = null, lease_until = null
    where company_id = ${ctx.companyId} and id = ${jobId} and ((status = 'previewed' and new_rows > 0) or status = 'failed')
    returning id`);
  if (started.rows.length === 1) return { ok: true };
  const found = await executor.execute<{ status: string }>(sql`select status from import_jobs where company_id = ${ctx.companyId} and id = ${jobId}`);
  const status = found.rows[0]?.status;
  if (!status) return { ok: false, error: 'notFound' };
  return { ok: false, error: status === 'previewed' ? 'nothingToImport' : 'alreadyStarted' };
}

/** A preview nobody is going to import: dropped with its rows. */
export async function discardImport(ctx: AdminContext, jobId: string, executor: Executor = db): Promise<boolean> {
  if (!isUuid(jobId)) return false;
  const gone = await executor.execute(sql`delete from import_jobs where company_id = ${ctx.companyId} and id = ${jobId} and status = 'previewed' returning id`);
  return gone.rows.length === 1;
}

export type JobRef = { companyId: string; jobId: string };

/** A preview whose reading never finished (the server stopped mid-upload) is removed after an hour. */
export async function purgeAbandonedReads(executor: Executor): Promise<void> {
  await executor.execute(sql`delete from import_jobs where status = 'reading' and created_at < now() - interval '1 hour'`);
}

/** Takes the oldest job that is importing and that no live worker holds. */
export async function claimImportJob(executor: Executor, owner: string): Promise<JobRef | null> {
  const claimed = await executor.execute<{ company_id: string; id: string }>(sql`
    update import_jobs set lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where (company_id, id) = (
      select company_id, id from import_jobs
      where status = 'importing' and (lease_until is null or lease_until < now())
      order by started_at limit 1
      for update skip locked)
    returning company_id, id`);
  const row = claimed.rows[0];
  return row ? { companyId: row.company_id, jobId: row.id } : null;
}

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
type NewRow = { line: number; input: { name: string; email: string; country: string; document: string; areaCode: string; phone: string; consultancy: boolean } };
type Account = { id: string; email: string; has_password: boolean; elsewhere: boolean; created?: boolean };

async function finish(tx: Executor, ref: JobRef, actor: Actor): Promise<void> {
  const done = await tx.execute<{ file_name: string; total_rows: number; ok_rows: number; failed_rows: number; error_rows: number; duplicate_rows: number; registered_rows: number }>(sql`
    update import_jobs set status = 'done', finished_at = now(), lease_owner = null, lease_until = null, last_error = null
    where company_id = ${ref.companyId} and id = ${ref.jobId}
    returning file_name, total_rows, ok_rows, failed_rows, error_rows, duplicate_rows, registered_rows`);
  const j = done.rows[0]!;
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
    if (!job || job.status !== 'importing' || job.lease_owner !== owner) throw new BatchNotCommitted();
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
    const moved = await tx.execute(sql`
      update import_jobs set cursor_line = ${to}, processed_rows = processed_rows + ${rows.length},
        ok_rows = ok_rows + ${written.length}, failed_rows = failed_rows + ${refused.length}, attempts = 0, last_error = null,
        lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      where company_id = ${job.company_id} and id = ${job.id} and cursor_line = ${from} and lease_owner = ${owner} and status = 'importing'
      returning id`);
    if (moved.rows.length !== 1) throw new BatchNotCommitted();
  });
}

async function writeContacts(tx: Executor, job: Job, actor: Actor, ctx: AdminContext, rows: NewRow[]): Promise<{ written: NewRow[]; refused: NewRow[] }> {
    // The people behind the rows: an account per e-mail, created when new to the portal.
    const emails = [...new Set(rows.map((r) => r.input.email.toLowerCase()))];
    const emailsJson = JSON.stringify(emails);
    const created = await tx.execute<{ id: string }>(
      sql`insert into accounts (email) select e from jsonb_array_elements_text(${emailsJson}::jsonb) e on conflict do nothing returning id`,
    );
    const createdIds = new Set(created.rows.map((r) => r.id));
    const accounts = await tx.execute<Account>(sql`
      select a.id, a.email, a.password_hash is not null as has_password,
             exists (select 1 from contacts c where c.account_id = a.id and c.company_id <> ${job.company_id}) as elsewhere
      from accounts a where a.email in (select jsonb_array_elements_text(${emailsJson}::jsonb))`);
    const accountByEmail = new Map(accounts.rows.map((a) => [a.email, { ...a, created: createdIds.has(a.id) }]));

    const planned = rows.map((r) => ({ ...r, id: randomUUID(), account: accountByEmail.get(r.input.email.toLowerCase())! }));
    // Contacts, their default permissions and their history entries in one statement. A row
    // whose e-mail or document was registered since the preview is skipped whole (the unique
    // indexes decide) and reports which one; it never leaves half a contact.
    const inserted = await tx.execute<{ id: string }>(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(
          planned.map((p) => ({
            line: p.line,
            id: p.id,
            account_id: p.account.id,
            name: p.input.name,
            country: p.input.country,
            document: p.input.document,
            area_code: p.input.areaCode,
            phone: p.input.phone,
            email: p.input.email,
            consultancy: p.input.consultancy,
          })),
        )}::jsonb) as r(line integer, id uuid, account_id uuid, name text, country text, document text, area_code text, phone text, email text, consultancy boolean)
      ), written as (
        insert into contacts (company_id, id, account_id, name, country, document, area_code, phone, email, consultancy)
        select ${job.company_id}, id, account_id, name, country, document, area_code, phone, email, consultancy from input
        on conflict do nothing
        returning id
      ), permissions as (
        insert into contact_permissions (company_id, contact_id, permission)
        select ${job.company_id}, written.id, p from written cross join unnest(${`{${DEFAULT_PERMISSIONS.join(',')}}`}::text[]) p
      ), history as (
        insert into audit_events (company_id, actor_contact_id, actor_email, action, entity_type, entity_id, subject_contact_id, after)
        select ${job.company_id}, ${actor.contactId}, ${actor.email}, 'contact.created', 'contact', i.id, i.id,
          jsonb_build_object('name', i.name, 'email', i.email, 'country', i.country, 'document', i.document, 'areaCode', i.area_code,
            'phone', i.phone, 'consultancy', i.consultancy, 'permissions', ${JSON.stringify(DEFAULT_PERMISSIONS)}::jsonb,
            'importedFrom', ${job.file_name}::text || ' (linha ' || i.line || ')')
        from written join input i on i.id = written.id
      )
      select id from written`);
    const insertedIds = new Set(inserted.rows.map((r) => r.id));
    const written = planned.filter((p) => insertedIds.has(p.id));
    const refused = planned.filter((p) => !insertedIds.has(p.id));
    if (written.length) await welcomeAll(tx, ctx, written);

    // A written row keeps the status 'new': the job's cursor passing it means "Sucesso!"
    // (one update per refused row, not one per written row).
    if (refused.length) {
      // An account this batch created for a row it then refused belongs to nobody: gone.
      const orphans = refused.filter((p) => p.account.created).map((p) => p.account.id);
      if (orphans.length) {
        await tx.execute(sql`
          delete from accounts a where a.id in (select (jsonb_array_elements_text(${JSON.stringify(orphans)}::jsonb))::uuid)
            and not exists (select 1 from contacts c where c.account_id = a.id)`);
      }
      const reasons = await refusalReasons(tx, job.company_id, refused);
      await tx.execute(sql`
        update import_rows r set status = 'failed', field = u.field, message = u.message
        from jsonb_to_recordset(${JSON.stringify(refused.map((p) => ({ line: p.line, ...reasons.get(p.line)! })))}::jsonb)
          as u(line integer, field text, message text)
        where r.company_id = ${job.company_id} and r.job_id = ${job.id} and r.line = u.line`);
    }
    return { written, refused };
}

/** Why a row could not be written after all: its e-mail or document is now taken. */
async function refusalReasons(tx: Executor, companyId: string, refused: NewRow[]): Promise<Map<number, { field: string; message: string }>> {
  const found = await tx.execute<{ email: string; document: string | null }>(sql`
    select lower(email) as email, document from contacts
    where company_id = ${companyId} and status = 'active'
      and (lower(email) in (select jsonb_array_elements_text(${JSON.stringify(refused.map((r) => r.input.email.toLowerCase()))}::jsonb))
           or document in (select jsonb_array_elements_text(${JSON.stringify(refused.map((r) => r.input.document))}::jsonb)))`);
  const emails = new Set(found.rows.map((r) => r.email));
  return new Map(
    refused.map((r) => [r.line, emails.has(r.input.email.toLowerCase()) ? { field: 'email', message: 'emailTaken' } : { field: 'documento', message: 'documentTaken' }]),
  );
}

/**
 * The invitations of a batch, queued in bulk: a person new to the portal gets a link to set
 * a password; one who already has a password, or belongs to another company, is told they
 * have access here too (the same rule as "Adicionar usuário").
 */
async function welcomeAll(tx: Executor, ctx: AdminContext, written: Array<NewRow & { account: Account }>): Promise<void> {
  const now = Date.now();
  const mails: MailMessage[] = [];
  const tokens: Array<{ account_id: string; token_hash: string }> = [];
  const earlier: string[] = [];
  const seen = new Set<string>();
  for (const p of written) {
    if (seen.has(p.account.id)) continue;
    seen.add(p.account.id);
    const contact = { companyId: ctx.companyId, companyName: ctx.companyName, name: p.input.name, email: p.input.email };
    if (p.account.has_password || p.account.elsewhere) {
      mails.push(accessGrantedMail(contact));
      continue;
    }
    const token = randomBytes(32).toString('base64url');
    tokens.push({ account_id: p.account.id, token_hash: hashToken(token) });
    if (!p.account.created) earlier.push(p.account.id);
    mails.push(invitationMail({ ...contact, token }));
  }
  if (earlier.length) {
    // A new link voids the same company's earlier unused invitation of that person (someone
    // removed and now imported again); accounts created by this batch have none.
    await tx.execute(sql`
      update auth_tokens set used_at = now()
      where purpose = 'invite' and used_at is null and company_id = ${ctx.companyId}
        and account_id in (select (jsonb_array_elements_text(${JSON.stringify(earlier)}::jsonb))::uuid)`);
  }
  if (tokens.length) {
    await tx.execute(sql`
      insert into auth_tokens (account_id, purpose, token_hash, company_id, expires_at)
      select t.account_id, 'invite', t.token_hash, ${ctx.companyId}, ${new Date(now + TOKEN_TTL_MS.invite)}
      from jsonb_to_recordset(${JSON.stringify(tokens)}::jsonb) as t(account_id uuid, token_hash text)`);
  }
  await enqueueMail(
    tx,
    mails.map((m) => ({ ...m, bulk: true })),
  );
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

export type RunOptions = { batchSize?: number; concurrency?: number };

/**
 * Runs a claimed job to the end: batches of `batchSize` lines, up to `concurrency` of them
 * in flight (PostgreSQL works on one while the next is prepared), committed in order. A
 * failed batch stops the run; the job waits and is retried from its cursor.
 */
export async function runImportJob(executor: Executor, ref: JobRef, owner: string, opts: RunOptions = {}): Promise<'done' | 'lost' | 'failed'> {
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
  try {
    while (next < lastLine || inFlight.length) {
      // Let the rest of the server run between batches: on PGlite every query resolves
      // without I/O, so a loop of batches would otherwise hold the event loop to the end.
      await yieldToEventLoop();
      while (inFlight.length < concurrency && next < lastLine) {
        const from = next;
        next = Math.min(lastLine, from + batchSize);
        const batch = importRange(executor, ref, owner, from, next, inFlight[inFlight.length - 1]);
        batch.catch(() => undefined); // awaited in order below
        inFlight.push(batch);
      }
      await inFlight.shift();
    }
    return (await finishImport(executor, ref, owner, lastLine)) ? 'done' : 'lost';
  } catch (err) {
    // Let the batches still running end (they cannot commit out of order) before recording.
    await Promise.allSettled(inFlight);
    const held = await executor.execute(sql`
      select 1 from import_jobs where company_id = ${ref.companyId} and id = ${ref.jobId} and status = 'importing' and lease_owner = ${owner}`);
    if (held.rows.length === 0) return 'lost';
    await recordFailure(executor, ref, owner, err);
    return 'failed';
  }
}

/** A failed batch rolled back whole; the job retries later, and stops after MAX_ATTEMPTS. */
async function recordFailure(executor: Executor, ref: JobRef, owner: string, err: unknown): Promise<void> {
  // Drizzle wraps the database's error ("Failed query: …"); keep the database's own words.
  const root = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const message = String(root instanceof Error ? root.message : root).slice(0, 500);
  await executor.execute(sql`
    update import_jobs set attempts = attempts + 1, last_error = ${message}, lease_owner = null,
      status = case when attempts + 1 >= ${MAX_ATTEMPTS} then 'failed' else status end,
      lease_until = case when attempts + 1 >= ${MAX_ATTEMPTS} then null else now() + make_interval(secs => 5 * (attempts + 1)) end
    where company_id = ${ref.companyId} and id = ${ref.jobId} and lease_owner = ${owner}`);
}

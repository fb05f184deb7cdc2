import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, authTokens, contactCounts, contacts, importJobs } from '@/db/schema';
import { setPassword } from '@/lib/auth/accounts';
import { createContact } from '@/lib/contacts/mutations';
import { MAX_IMPORT_BYTES, previewImport } from '@/lib/contacts/import/preview';
import { filterCount, getImportJob, importRowsPage, listImportJobs, problemRows } from '@/lib/contacts/import/queries';
import { importRange } from '@/lib/contacts/import/batch';
import { claimImportJob, discardImport, MAX_ATTEMPTS, runImportJob, startImport } from '@/lib/contacts/import/run';
import { makeCompany, makeContact, randomCpf } from '../support/fixtures';
import { adminContext, auditOf, createInput, mailOf, permissionsOf, uniqueEmail, type MadeCompany } from './contacts-helpers';

const fixtures = path.resolve(__dirname, '../fixtures');
const HEADER = 'pais;nome;documento;ddd;telefone;email;consultoria';

type Person = { name: string; cpf: string; email: string };
function people(n: number, prefix = 'imp'): Person[] {
  return Array.from({ length: n }, (_, i) => ({ name: `Pessoa Importação ${i + 1}`, cpf: randomCpf(), email: uniqueEmail(`${prefix}${i}`) }));
}
/** A file as Excel in Brazil writes it: ';', CRLF, Windows-1252. */
function csvOf(list: Person[], extraLines: string[] = []): Uint8Array {
  const lines = [HEADER, ...list.map((p) => `Brasil;${p.name};${p.cpf};11;987654321;${p.email};N`), ...extraLines];
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252'));
}

async function preview(made: MadeCompany, bytes: Uint8Array, name = 'contatos.csv') {
  const result = await previewImport(adminContext(made), { name, bytes });
  if (!result.ok) throw new Error(`preview refused: ${JSON.stringify(result)}`);
  return result.jobId;
}

async function job(made: MadeCompany, jobId: string) {
  const found = await getImportJob(made.company.id, jobId);
  if (!found) throw new Error('job not found');
  return found;
}

/** What the worker does: claim the job, run it. */
async function runToEnd(opts: { batchSize?: number; concurrency?: number } = {}) {
  const owner = randomUUID();
  const ref = await claimImportJob(db, owner);
  if (!ref) throw new Error('nothing to claim');
  return { ref, outcome: await runImportJob(db, ref, owner, opts) };
}

async function activeContacts(companyId: string) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.status, 'active'), eq(contacts.isAdmin, false)));
}

/** Every imported contact is whole: default permission, history entry, one message queued. */
async function expectWhole(companyId: string) {
  const list = await activeContacts(companyId);
  const audit = await auditOf(companyId, 'contact.created');
  const mail = await mailOf(companyId);
  for (const c of list) {
    expect(await permissionsOf(companyId, c.id)).toEqual(['self_service']);
    expect(audit.filter((a) => a.entityId === c.id)).toHaveLength(1);
    expect(mail.filter((m) => m.toAddress === c.email)).toHaveLength(1);
  }
  const [count] = await db.select().from(contactCounts).where(eq(contactCounts.companyId, companyId));
  expect(count?.active).toBe(list.length + 1);
  return list;
}

describe('preview', () => {
  it('keeps every row of the fixture with its status, and writes no contact', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, new Uint8Array(readFileSync(path.join(fixtures, 'contacts-mixed-win1252.csv'))), 'contacts-mixed-win1252.csv');
    const j = await job(made, jobId);
    expect(j).toMatchObject({
      status: 'previewed',
      encoding: 'windows-1252',
      fileName: 'contacts-mixed-win1252.csv',
      totalRows: 12,
      newRows: 5,
      errorRows: 6,
      duplicateRows: 1,
      registeredRows: 0,
      skippedRows: 1,
    });
    const page = await importRowsPage(j, 'all', 1);
    expect(page.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
    expect(page.rows.find((r) => r.line === 8)).toMatchObject({ outcome: 'duplicate', field: 'email', message: 'duplicateInFile', otherLine: 2 });
    expect(page.rows.find((r) => r.line === 5)).toMatchObject({ outcome: 'error', field: 'ddd' });
    expect(page.rows.find((r) => r.line === 10)).toMatchObject({ outcome: 'new', warning: 'cpfCompleted' });
    expect(page.rows.find((r) => r.line === 11)?.values.nome).toBe('Silva; Beatriz');
    expect(await activeContacts(made.company.id)).toEqual([]);
    expect(await mailOf(made.company.id)).toEqual([]);
  });

  it('marks people the company already has (by e-mail, any case, or by CPF) as already registered', async () => {
    const made = await makeCompany();
    const list = people(3);
    await makeContact(made.company.id, { email: list[0]!.email.toUpperCase() });
    await makeContact(made.company.id, { document: list[1]!.cpf });
    const j = await job(made, await preview(made, csvOf(list)));
    expect(j).toMatchObject({ newRows: 1, registeredRows: 2 });
    const rows = (await importRowsPage(j, 'problems', 1)).rows;
    expect(rows.map((r) => [r.line, r.field, r.message])).toEqual([
      [2, 'email', 'emailTaken'],
      [3, 'documento', 'documentTaken'],
    ]);
  });

  it('does not count a removed contact, nor a contact of another company, as registered', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const list = people(2);
    await makeContact(other.company.id, { email: list[0]!.email, document: list[0]!.cpf });
    const removed = await makeContact(made.company.id, { email: list[1]!.email, document: list[1]!.cpf });
    await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, removed.id));
    const j = await job(made, await preview(made, csvOf(list)));
    expect(j).toMatchObject({ newRows: 2, registeredRows: 0 });
  });

  it('refuses unreadable files and leaves no job behind', async () => {
    const made = await makeCompany();
    const ctx = adminContext(made);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await previewImport(ctx, { name: 'foto.csv', bytes: png })).toEqual({ ok: false, error: 'notCsv' });
    expect(await previewImport(ctx, { name: 'x.csv', bytes: new Uint8Array() })).toEqual({ ok: false, error: 'empty' });
    expect(await previewImport(ctx, { name: 'x.csv', bytes: new TextEncoder().encode(`${HEADER}\r\n;;;;;;\r\n`) })).toEqual({ ok: false, error: 'empty' });
    expect(await previewImport(ctx, { name: 'x.csv', bytes: new TextEncoder().encode('nome;email\r\nAna;ana@x.com\r\n') })).toEqual({
      ok: false,
      error: 'missingColumns',
      missing: ['documento', 'ddd', 'telefone'],
    });
    const unclosed = new TextEncoder().encode(`${HEADER}\r\nBR;"Ana;12345678909;11;987654321;a@x.com;N\r\n`);
    expect(await previewImport(ctx, { name: 'x.csv', bytes: unclosed })).toMatchObject({ ok: false, error: 'malformed' });
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    expect(await previewImport(ctx, { name: 'grande.csv', bytes: big })).toEqual({ ok: false, error: 'tooLarge' });
    expect(await listImportJobs(made.company.id)).toEqual([]);
  });

  it('a malformed record after thousands of good rows rolls the whole preview back', async () => {
    const made = await makeCompany();
    const bytes = csvOf(people(4500), [`BR;"${'x'.repeat(5000)}";1;11;987654321;z@x.com;N`]);
    expect(await previewImport(adminContext(made), { name: 'x.csv', bytes })).toMatchObject({ ok: false, error: 'malformed', line: 4502 });
    // Read in several transactions, but removed whole: no job, not even a hidden one, no rows.
    const left = await db.execute<{ jobs: number; rows: number }>(sql`
      select (select count(*)::int from import_jobs where company_id = ${made.company.id}) as jobs,
             (select count(*)::int from import_rows where company_id = ${made.company.id}) as rows`);
    expect(left.rows[0]).toEqual({ jobs: 0, rows: 0 });
  });
});

describe('import', () => {
  it('writes every new row whole (permission, history, invitation) and reports each one', async () => {
    const made = await makeCompany();
    const list = people(7);
    const jobId = await preview(made, csvOf(list, ['BR;Sem Email;52998224725;11;987654321;;N']));
    expect(await startImport(adminContext(made), jobId)).toEqual({ ok: true });
    const { outcome } = await runToEnd({ batchSize: 3, concurrency: 2 });
    expect(outcome).toBe('done');
    const j = await job(made, jobId);
    expect(j).toMatchObject({ status: 'done', newRows: 7, processedRows: 7, okRows: 7, failedRows: 0, errorRows: 1 });
    const written = await expectWhole(made.company.id);
    expect(written.map((c) => c.email).sort()).toEqual(list.map((p) => p.email).sort());
    const rows = (await importRowsPage(j, 'all', 1)).rows;
    expect(rows.filter((r) => r.outcome === 'imported')).toHaveLength(7);
    expect(rows.find((r) => r.line === 9)).toMatchObject({ outcome: 'error', field: 'email' });
    // Invitations carry a working link for people new to the portal.
    const mail = await mailOf(made.company.id);
    expect(mail.every((m) => m.kind === 'invite' && /\/invite\/[\w-]{20,}/.test(m.textBody))).toBe(true);
    const tokens = await db.select().from(authTokens).where(eq(authTokens.companyId, made.company.id));
    expect(tokens).toHaveLength(7);
    // One history entry for the import as a whole: who, which file, what came of it.
    const [entry] = await auditOf(made.company.id, 'contacts.imported');
    expect(entry).toMatchObject({ actorContactId: made.admin.id, entityId: jobId });
    expect(entry!.after).toMatchObject({ fileName: 'contatos.csv', rows: 8, imported: 7, invalid: 1 });
  });

  it('tells a person who already has a password elsewhere that they have access, without a link', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const [person] = people(1);
    const there = await makeContact(other.company.id, { email: person!.email });
    await setPassword(db, there.accountId, 'uma senha longa 123');
    await startImport(adminContext(made), await preview(made, csvOf([person!])));
    await runToEnd();
    const mail = await mailOf(made.company.id);
    expect(mail.map((m) => m.kind)).toEqual(['access_granted']);
    expect(mail[0]!.textBody).not.toMatch(/\/invite\//);
    const [imported] = await activeContacts(made.company.id);
    expect(imported!.accountId).toBe(there.accountId);
  });

  it('the same file imported twice creates nobody twice', async () => {
    const made = await makeCompany();
    const bytes = csvOf(people(5));
    await startImport(adminContext(made), await preview(made, bytes));
    await runToEnd();
    const again = await job(made, await preview(made, bytes));
    expect(again).toMatchObject({ newRows: 0, registeredRows: 5 });
    expect(await startImport(adminContext(made), again.id)).toEqual({ ok: false, error: 'nothingToImport' });
    expect(await activeContacts(made.company.id)).toHaveLength(5);
  });

  it('two previews of one file, both imported: the second finds the people taken and says so', async () => {
    const made = await makeCompany();
    const bytes = csvOf(people(4));
    const first = await preview(made, bytes);
    const second = await preview(made, bytes);
    await startImport(adminContext(made), first);
    await startImport(adminContext(made), second);
    await runToEnd();
    await runToEnd();
    expect(await activeContacts(made.company.id)).toHaveLength(4);
    const j = await job(made, second);
    expect(j).toMatchObject({ status: 'done', okRows: 0, failedRows: 4 });
    const rows = (await importRowsPage(j, 'problems', 1)).rows;
    expect(rows.every((r) => r.outcome === 'failed' && r.message === 'emailTaken')).toBe(true);
    await expectWhole(made.company.id);
  });

  it('a person registered by hand between preview and import is skipped, not half-written', async () => {
    const made = await makeCompany();
    const list = people(4);
    const jobId = await preview(made, csvOf(list));
    await createContact(adminContext(made), createInput({ email: list[1]!.email }));
    await createContact(adminContext(made), createInput({ document: list[3]!.cpf }));
    await startImport(adminContext(made), jobId);
    await runToEnd();
    const j = await job(made, jobId);
    expect(j).toMatchObject({ okRows: 2, failedRows: 2 });
    expect((await importRowsPage(j, 'problems', 1)).rows).toMatchObject([
      { line: 3, outcome: 'failed', field: 'email', message: 'emailTaken' },
      { line: 5, outcome: 'failed', field: 'documento', message: 'documentTaken' },
    ]);
    await expectWhole(made.company.id);
    // The account made for the refused row's new e-mail did not outlive the batch.
    expect(await db.select().from(accounts).where(eq(accounts.email, list[3]!.email.toLowerCase()))).toEqual([]);
  });

  it('the history names whoever clicked "Importar usuários", not only who uploaded the file', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, csvOf(people(2)));
    const other = await makeContact(made.company.id);
    const starter = { ...adminContext(made), contactId: other.id, email: other.email };
    expect(await startImport(starter, jobId)).toEqual({ ok: true });
    await runToEnd();
    const [entry] = await auditOf(made.company.id, 'contacts.imported');
    expect(entry).toMatchObject({ actorContactId: other.id });
    const imported = (await auditOf(made.company.id, 'contact.created')).filter((a) => (a.after as { importedFrom?: string } | null)?.importedFrom);
    expect(imported.map((a) => a.actorContactId)).toEqual([other.id, other.id]);
  });

  it('"Importar usuários" twice, or on a job already running, starts it once', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, csvOf(people(2)));
    const [a, b] = await Promise.all([startImport(adminContext(made), jobId), startImport(adminContext(made), jobId)]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: 'alreadyStarted' });
    expect((await runToEnd()).outcome).toBe('done'); // every test leaves no job behind for the next one's worker
    expect(await startImport(adminContext(made), jobId)).toEqual({ ok: false, error: 'alreadyStarted' });
  });

  it('a worker that dies mid-import is replaced, and the job resumes after the last committed batch', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, csvOf(people(10)));
    await startImport(adminContext(made), jobId);
    const first = randomUUID();
    const ref = (await claimImportJob(db, first))!;
    await importRange(db, ref, first, 0, 5); // lines 2–5 committed; then the worker "dies"
    expect(await claimImportJob(db, randomUUID())).toBeNull(); // its lease still holds
    await db
      .update(importJobs)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(importJobs.id, jobId));
    const second = randomUUID();
    expect(await claimImportJob(db, second)).toEqual(ref);
    // The first worker wakes up: it no longer holds the job and cannot commit.
    await expect(importRange(db, ref, first, 5, 11)).rejects.toThrow(/not committed/);
    expect(await runImportJob(db, ref, second, { batchSize: 4 })).toBe('done');
    expect(await job(made, jobId)).toMatchObject({ status: 'done', okRows: 10, processedRows: 10 });
    expect(await activeContacts(made.company.id)).toHaveLength(10);
    await expectWhole(made.company.id);
  });

  it('a database fault mid-import leaves no half-written contact; the job stops, and "Tentar novamente" finishes it without duplicates', async () => {
    const made = await makeCompany();
    const list = people(9);
    const jobId = await preview(made, csvOf(list));
    await startImport(adminContext(made), jobId);
    // A real fault inside the database: the audit insert of one person fails.
    const poisoned = list[6]!.email;
    await db.execute(
      sql.raw(`
      create function import_fault() returns trigger language plpgsql as $$
      begin
        if new.after->>'email' = '${poisoned}' then raise exception 'disk full (simulated)'; end if;
        return new;
      end $$`),
    );
    await db.execute(sql`create trigger import_fault before insert on audit_events for each row execute function import_fault()`);
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const owner = randomUUID();
        await db.update(importJobs).set({ leaseUntil: null }).where(eq(importJobs.id, jobId));
        const ref = (await claimImportJob(db, owner))!;
        expect(await runImportJob(db, ref, owner, { batchSize: 3, concurrency: 2 })).toBe('failed');
      }
      const stopped = await job(made, jobId);
      // Batches are 3 lines wide: lines 2–3 and 4–6 committed; 7–9 (line 8 is poisoned) never does.
      expect(stopped).toMatchObject({ status: 'failed', okRows: 5, processedRows: 5, cursorLine: 6, attempts: MAX_ATTEMPTS });
      expect(stopped.lastError).toMatch(/disk full/);
      expect(await claimImportJob(db, randomUUID())).toBeNull(); // stopped jobs wait for the administrator
      expect(await activeContacts(made.company.id)).toHaveLength(5);
      await expectWhole(made.company.id);
    } finally {
      await db.execute(sql`drop trigger import_fault on audit_events`);
      await db.execute(sql`drop function import_fault()`);
    }
    expect(await startImport(adminContext(made), jobId)).toEqual({ ok: true });
    expect((await runToEnd()).outcome).toBe('done');
    expect(await job(made, jobId)).toMatchObject({ status: 'done', okRows: 9 });
    const written = await expectWhole(made.company.id);
    expect(written).toHaveLength(9);
  });

  it('a job that failed only at its very end can still be finished with "Tentar novamente"', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, csvOf(people(3)));
    await startImport(adminContext(made), jobId);
    await db.execute(
      sql.raw(`
      create function import_end_fault() returns trigger language plpgsql as $$
      begin
        if new.action = 'contacts.imported' then raise exception 'history unavailable (simulated)'; end if;
        return new;
      end $$`),
    );
    await db.execute(sql`create trigger import_end_fault before insert on audit_events for each row execute function import_end_fault()`);
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await db.update(importJobs).set({ leaseUntil: null }).where(eq(importJobs.id, jobId));
        expect((await runToEnd()).outcome).toBe('failed');
      }
      expect(await job(made, jobId)).toMatchObject({ status: 'failed', processedRows: 3, okRows: 3 });
    } finally {
      await db.execute(sql`drop trigger import_end_fault on audit_events`);
      await db.execute(sql`drop function import_end_fault()`);
    }
    expect(await startImport(adminContext(made), jobId)).toEqual({ ok: true });
    expect((await runToEnd()).outcome).toBe('done');
    expect(await job(made, jobId)).toMatchObject({ status: 'done', okRows: 3 });
    expect(await auditOf(made.company.id, 'contacts.imported')).toHaveLength(1);
    expect(await expectWhole(made.company.id)).toHaveLength(3);
  });

  it('counts stay right while another administrator adds a contact during the import', async () => {
    const made = await makeCompany();
    await startImport(adminContext(made), await preview(made, csvOf(people(30))));
    const owner = randomUUID();
    const ref = (await claimImportJob(db, owner))!;
    const [outcome] = await Promise.all([runImportJob(db, ref, owner, { batchSize: 5, concurrency: 2 }), createContact(adminContext(made), createInput())]);
    expect(outcome).toBe('done');
    expect(await expectWhole(made.company.id)).toHaveLength(31);
  });
});

describe('tenancy', () => {
  it('another company cannot see, start, discard or read the rows of a job', async () => {
    const made = await makeCompany();
    const other = await makeCompany();
    const jobId = await preview(made, csvOf(people(2)));
    expect(await getImportJob(other.company.id, jobId)).toBeNull();
    expect(await listImportJobs(other.company.id)).toEqual([]);
    expect(await startImport(adminContext(other), jobId)).toEqual({ ok: false, error: 'notFound' });
    expect(await discardImport(adminContext(other), jobId)).toBe(false);
    expect(await startImport(adminContext(other), 'not-a-uuid')).toEqual({ ok: false, error: 'notFound' });
    expect((await job(made, jobId)).status).toBe('previewed');
  });

  it('a discarded preview goes with its rows; a started one cannot be discarded', async () => {
    const made = await makeCompany();
    const a = await preview(made, csvOf(people(2)));
    expect(await discardImport(adminContext(made), a)).toBe(true);
    expect(await getImportJob(made.company.id, a)).toBeNull();
    const b = await preview(made, csvOf(people(2)));
    await startImport(adminContext(made), b);
    expect(await discardImport(adminContext(made), b)).toBe(false);
    await runToEnd();
  });
});

describe('error rows', () => {
  it('lists the rows not imported, as they were in the file, in line order', async () => {
    const made = await makeCompany();
    const jobId = await preview(made, csvOf(people(2), ['BR;Ana;123;11;987654321;ana@x.com;N', 'XX;Zé;1;11;1;ze@x.com;N']));
    const j = await job(made, jobId);
    expect(filterCount(j, 'problems')).toBe(2);
    const batches = [];
    for await (const b of problemRows(j)) batches.push(...b);
    expect(batches.map((r) => [r.line, r.values.nome, r.field])).toEqual([
      [4, 'Ana', 'documento'],
      [5, 'Zé', 'pais'],
    ]);
  });
});

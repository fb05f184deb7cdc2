// The life of contacts at scale, through the product's own code (lib/contacts/lifecycle.ts,
// lib/contacts/import/undo.ts):
// 1. "Alterar permissões" (restrict_tickets on, it_admin off) on BENCH_BULK contacts (1,000)
//    spread over a company of BENCH_CONTACTS (50,000), three times on different selections,
//    the median reported. Target: under 2 s.
// 2. A CSV of BENCH_IMPORT_ROWS rows (50,000) imported into a fresh company, timed from the
//    file's bytes to the job's last commit as bench/import.ts does, then "Desfazer importação"
//    of that job. Target: the undo under 3× the import's time.
// PGlite (in memory) by default; a fresh database on the PostgreSQL server named by
// DATABASE_URL when it is set. Refuses to measure on a busy machine (1-minute load above 1.5;
// BENCH_FORCE=1 measures anyway). Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import { connectPglite, openPglite, type Connection, type Database } from '../db/connect';
import type { AdminContext } from '../lib/auth/actor';
import { previewImport } from '../lib/contacts/import/preview';
import { claimImportJob, importRunOptions, runImportJob, startImport } from '../lib/contacts/import/run';
import { undoImport } from '../lib/contacts/import/undo';
import { BULK_MAX, runBulkAction } from '../lib/contacts/lifecycle';
import { createBenchCompany, freshDatabase, requireQuietMachine, seedCompanyContacts } from './support';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 50_000);
const BULK = Number(process.env.BENCH_BULK ?? 1000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const RUNS = 3;
const MAX_LOAD = 1.5;
const BULK_GOAL_MS = 2000;
const UNDO_GOAL_RATIO = 3;

const loadStart = [requireQuietMachine(MAX_LOAD)];
if (!(BULK >= 1 && BULK <= BULK_MAX)) throw new Error(`BENCH_BULK must be between 1 and ${BULK_MAX} (the product's limit for one action)`);
if (CONTACTS < RUNS * BULK) throw new Error(`BENCH_CONTACTS (${CONTACTS}) must be at least ${RUNS} × BENCH_BULK (${BULK}): each run takes different contacts`);

const generator = path.resolve(process.env.GEN_CONTACTS ?? '../shared/tools/gen-contacts-csv.mjs');
if (!existsSync(generator)) {
  console.error(`generator not found: ${generator} (set GEN_CONTACTS)`);
  process.exit(2);
}

const driver = process.env.DATABASE_URL ? 'postgres' : 'pglite';
console.error(`database: ${driver === 'postgres' ? 'a fresh database on DATABASE_URL' : 'PGlite in memory (set DATABASE_URL for PostgreSQL)'}`);

/** A fresh, migrated database installed as the product's: on DATABASE_URL's server, or PGlite in memory. */
async function freshBench(prefix: string): Promise<{ conn: Connection; drop: () => Promise<void> }> {
  const bench = driver === 'postgres' ? await freshDatabase(prefix, 10) : await pgliteDatabase();
  installConnection(bench.conn);
  return bench;
}

async function pgliteDatabase(): Promise<{ conn: Connection; drop: () => Promise<void> }> {
  const conn = connectPglite(openPglite());
  await conn.migrate();
  return { conn, drop: () => conn.close() };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The company of part 1: CONTACTS contacts (seedCompanyContacts), with permissions: everyone self_service, one in three it_admin. */
async function seedCompany(db: Database): Promise<AdminContext> {
  const { ctx } = await seedCompanyContacts(db, {
    companyCode: 'BENCHLC',
    companyName: 'Empresa Ciclo de Vida',
    adminEmail: 'admin@ciclo.example',
    contacts: CONTACTS,
    person: (i) => ({ name: `Pessoa Ciclo ${i}`, email: `pessoa.${i}@ciclo.example` }),
  });
  await db.execute(sql`
    insert into contact_permissions (company_id, contact_id, permission)
    select company_id, id, p.permission from (
      select company_id, id, row_number() over (order by id) as n from contacts where company_id = ${ctx.companyId} and not is_admin
    ) c
    cross join lateral (values ('self_service'), (case when c.n % 3 = 0 then 'it_admin' end)) as p(permission)
    where p.permission is not null
    on conflict do nothing`);
  await db.execute(sql`vacuum analyze accounts`);
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze contact_permissions`);
  return ctx;
}

// 1. "Alterar permissões" on BULK of CONTACTS contacts.
const bulkMs: number[] = [];
{
  const bench = await freshBench('bench_lifecycle');
  const db = bench.conn.db;
  try {
    const t0 = performance.now();
    const ctx = await seedCompany(db);
    console.error(`seeded ${CONTACTS} contacts in ${seconds(performance.now() - t0)} s`);

    // In the list's order (name), every stride-th contact, from a different start each run:
    // three disjoint selections spread over the whole company, as an administrator picking
    // across pages would make.
    const all = (
      await db.execute<{ id: string }>(sql`
        select id from contacts where company_id = ${ctx.companyId} and status = 'active' and not is_admin order by name_key, id`)
    ).rows.map((r) => r.id);
    if (all.length !== CONTACTS) throw new Error(`seeded ${all.length} contacts, not ${CONTACTS}`);
    const stride = Math.floor(all.length / BULK);
    for (let run = 0; run < RUNS; run++) {
      const selection = Array.from({ length: BULK }, (_, k) => all[k * stride + run]!);
      const t1 = performance.now();
      const result = await runBulkAction(ctx, 'permissions', selection, { on: ['restrict_tickets'], off: ['it_admin'] }, db);
      const ms = performance.now() - t1;
      bulkMs.push(ms);
      if (!result.ok) throw new Error(`run ${run + 1}: the bulk action was refused: ${result.error}`);
      if (result.summary.changed !== selection.length) {
        const outcomes = new Map<string, number>();
        for (const l of result.summary.lines) outcomes.set(l.outcome, (outcomes.get(l.outcome) ?? 0) + 1);
        const why = [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
        throw new Error(`run ${run + 1}: changed ${result.summary.changed} of ${selection.length} contacts (${why})`);
      }
      // What the database says, apart from the summary: every selected contact has
      // restrict_tickets and none has it_admin any more.
      const check = (
        await db.execute<{ restricted: number; it_admin: number }>(sql`
          select count(*) filter (where permission = 'restrict_tickets')::int as restricted, count(*) filter (where permission = 'it_admin')::int as it_admin
          from contact_permissions where company_id = ${ctx.companyId} and contact_id = any(${`{${selection.join(',')}}`}::uuid[])`)
      ).rows[0]!;
      if (check.restricted !== selection.length || check.it_admin !== 0) {
        throw new Error(
          `run ${run + 1}: after the action ${check.restricted} of ${selection.length} have restrict_tickets and ${check.it_admin} still have it_admin`,
        );
      }
      console.error(`bulk run ${run + 1}: ${selection.length} contacts changed in ${ms.toFixed(0)} ms`);
    }
  } finally {
    await bench.drop();
  }
}

// 2. An import of IMPORT_ROWS rows, then "Desfazer importação" of it.
let importMs = 0;
let previewMs = 0;
let undoMs = 0;
let removed = 0;
{
  const file = new Uint8Array(execFileSync(process.execPath, [generator, String(IMPORT_ROWS)], { maxBuffer: 1 << 30 }));
  console.error(`import file: ${IMPORT_ROWS} rows, ${(file.length / 1048576).toFixed(1)} MB, Windows-1252`);
  const bench = await freshBench('bench_undo');
  const db = bench.conn.db;
  try {
    const { ctx } = await createBenchCompany(db, { companyCode: 'BENCHUN', companyName: 'Empresa Desfazer', adminEmail: 'admin@desfazer.example' });
    const t0 = performance.now();
    const preview = await previewImport(ctx, { name: 'contatos.csv', bytes: file }, db, { maxBytes: Infinity });
    if (!preview.ok) throw new Error(`preview refused: ${preview.error}`);
    previewMs = performance.now() - t0;
    const started = await startImport(ctx, preview.jobId, db);
    if (!started.ok) throw new Error(`not started: ${started.error}`);
    const owner = randomUUID();
    const ref = await claimImportJob(db, owner);
    if (!ref) throw new Error('job not claimed');
    const outcome = await runImportJob(db, ref, owner, importRunOptions(bench.conn.kind));
    importMs = performance.now() - t0;
    if (outcome !== 'done') throw new Error(`import ${outcome}`);
    const imported = (
      await db.execute<{ n: number }>(sql`
        select count(*)::int as n from contacts where company_id = ${ctx.companyId} and import_job_id = ${preview.jobId} and status = 'active'`)
    ).rows[0]!.n;
    if (imported !== IMPORT_ROWS) throw new Error(`the import wrote ${imported} of ${IMPORT_ROWS} contacts`);
    console.error(`import: ${seconds(importMs)} s (preview ${seconds(previewMs)} s, import job ${seconds(importMs - previewMs)} s)`);

    const t1 = performance.now();
    const undone = await undoImport(ctx, preview.jobId, db);
    undoMs = performance.now() - t1;
    if (!undone.ok) throw new Error(`undo refused: ${undone.error}`);
    removed = undone.removed;
    if (undone.removed !== IMPORT_ROWS || undone.kept !== 0)
      throw new Error(`the undo removed ${undone.removed} and kept ${undone.kept} of ${IMPORT_ROWS} contacts`);
    const after = (
      await db.execute<{ left: number; counted: number }>(sql`
        select (select count(*)::int from contacts where company_id = ${ctx.companyId} and import_job_id = ${preview.jobId} and status <> 'removed') as left,
               (select active from contact_counts where company_id = ${ctx.companyId}) as counted`)
    ).rows[0]!;
    if (after.left !== 0 || after.counted !== 1)
      throw new Error(`after the undo: ${after.left} imported contacts not removed, contact counter ${after.counted}`);
    console.error(`undo: ${seconds(undoMs)} s, ${undone.removed} contacts removed`);
  } finally {
    await bench.drop();
  }
}

const loadEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
const bulkMedian = median(bulkMs);
const ratio = undoMs / importMs;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
const table = [
  ['measure', 'figure', 'goal', ''],
  [`permissions, ${BULK} of ${CONTACTS} (runs)`, bulkMs.map((ms) => `${ms.toFixed(0)} ms`).join(', '), '', ''],
  [`permissions, ${BULK} of ${CONTACTS} (median)`, `${bulkMedian.toFixed(0)} ms`, `< ${BULK_GOAL_MS} ms`, verdict(bulkMedian < BULK_GOAL_MS)],
  [`import of ${IMPORT_ROWS} rows`, `${seconds(importMs)} s`, '', ''],
  ['  of which preview', `${seconds(previewMs)} s`, '', ''],
  [`undo of that import`, `${seconds(undoMs)} s`, '', ''],
  ['undo / import', ratio.toFixed(2), `< ${UNDO_GOAL_RATIO}`, verdict(ratio < UNDO_GOAL_RATIO)],
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
console.error('');
console.error(`${driver}, ${os.cpus().length} cores, Node ${process.versions.node}; load ${loadStart.join(' ')} at start, ${loadEnd.join(' ')} at end`);
for (const row of table)
  console.error(
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd(),
  );
console.log(
  JSON.stringify({
    driver,
    contacts: CONTACTS,
    bulk: BULK,
    bulk_ms: bulkMs.map((ms) => Number(ms.toFixed(1))),
    bulk_median_ms: Number(bulkMedian.toFixed(1)),
    import_rows: IMPORT_ROWS,
    import_seconds: Number(seconds(importMs)),
    preview_seconds: Number(seconds(previewMs)),
    undo_seconds: Number(seconds(undoMs)),
    removed,
    undo_ratio: Number(ratio.toFixed(2)),
    load_start: loadStart,
    load_end: loadEnd,
  }),
);

// Several instances and a worker apart (docs/decisions/013): the contacts list at 16
// connections on 100,000 contacts (50,000 in the signed-in company), first with nothing else
// running, then while another company's 50,000-row import runs, in three layouts:
//   in-process   one `next start` that also runs the jobs (the default);
//   worker apart one `next start` with WORKER=off and `npm run worker`;
//   two + worker two `next start` with WORKER=off, 8 connections on each, and `npm run worker`.
// Each import is a fresh 50,000-row file of its own company, started when the second load
// run starts; that run (BENCH_DURING_SECONDS, 10 s) ends before the import does. The invitations
// a layout's import queues are cancelled before the next layout starts.
// Usage: DATABASE_URL=postgres://… npm run bench:scale   (BENCH_SECONDS, default 20)
// Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import type { Database } from '../db/connect';
import type { AdminContext } from '../lib/auth/actor';
import { previewImport } from '../lib/contacts/import/preview';
import { startImport } from '../lib/contacts/import/run';
import { cpfFromBase } from '../lib/br/cpf';
import {
  createBenchCompany,
  ensureBuild,
  freshDatabase,
  loadRun,
  percentile,
  requireQuietMachine,
  seedCompanyContacts,
  sessionCookie,
  startServer,
  startWorker,
} from './support';

const IN_COMPANY = 50_000;
const OTHERS = 9;
const PER_OTHER = 50_000 / OTHERS;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
// Shorter than any layout's import here (14–20 s under load), so the window is all import.
const DURING = Number(process.env.BENCH_DURING_SECONDS ?? 10);
const CONNECTIONS = 16;
const PORTS = [3220, 3221];

const load = requireQuietMachine();
ensureBuild();
const product = await freshDatabase('bench_scale', 10);
installConnection(product.conn);
const db = product.conn.db as Database;
const secret = randomBytes(32).toString('base64url');

const NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Conceição', 'Araújo', 'Gonçalves', 'Magalhães', 'Pereira', 'Lima', 'Costa'];
const FIRST = ['João', 'Maria', 'Ana', 'José', 'Cecília', 'Otávio', 'Lúcia', 'Paulo', 'Fernanda', 'Rafael'];
const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${NAMES[(i * 7) % NAMES.length]} ${NAMES[(i * 3 + 5) % NAMES.length]}`;

type Layout = { name: 'in-process' | 'worker apart' | 'two + worker'; instances: number; workerApart: boolean };
const LAYOUTS: Layout[] = [
  { name: 'in-process', instances: 1, workerApart: false },
  { name: 'worker apart', instances: 1, workerApart: true },
  { name: 'two + worker', instances: 2, workerApart: true },
];

function listPath(): string {
  if (Math.random() < 0.6) return `/contacts?page=${1 + Math.floor(Math.random() * (IN_COMPANY / 25))}`;
  const terms = ['silva', 'joão', 'maria conceição', 'gonçalves', 'ana', 'lúcia', 'pereira lima'];
  return `/contacts?q=${encodeURIComponent(terms[Math.floor(Math.random() * terms.length)]!)}`;
}

/** A 50,000-row file of new people, read into a preview of its own company, ready to start. */
async function preparedImport(code: string, offset: number): Promise<{ ctx: AdminContext; jobId: string }> {
  const { ctx } = await createBenchCompany(db, { companyCode: code });
  const lines = ['pais;nome;documento;ddd;telefone;email;consultoria'];
  for (let k = 0; k < IMPORT_ROWS; k++) {
    const i = offset + k;
    lines.push(
      `Brasil;${nameOf(i)};${cpfFromBase(String(i).padStart(9, '0'))};11;9${String(10_000_000 + i).slice(-8)};pessoa.${i}@${code.toLowerCase()}.example;N`,
    );
  }
  const preview = await previewImport(ctx, { name: 'grande.csv', bytes: new TextEncoder().encode(lines.join('\r\n')) }, db, { maxBytes: Infinity });
  if (!preview.ok) throw new Error('preview refused');
  return { ctx, jobId: preview.jobId };
}

async function importState(ctx: AdminContext, jobId: string) {
  const [row] = (
    await db.execute<{ status: string; ok_rows: number; started_at: Date | null; finished_at: Date | null }>(
      sql`select status, ok_rows, started_at, finished_at from import_jobs where company_id = ${ctx.companyId} and id = ${jobId}`,
    )
  ).rows;
  return row!;
}

const started = Date.now();
const seeded = await seedCompanyContacts(db, {
  companyCode: 'SCALE0',
  contacts: IN_COMPANY,
  person: (i) => ({ name: nameOf(i), email: `pessoa.${i}@scale0.example` }),
});
for (let c = 1; c <= OTHERS; c++) {
  await seedCompanyContacts(db, {
    companyCode: `SCALE${c}`,
    contacts: Math.floor(PER_OTHER),
    first: IN_COMPANY + c * 10_000,
    person: (i) => ({ name: nameOf(i), email: `pessoa.${i}@scale${c}.example` }),
  });
}
const imports = [];
for (const [n] of LAYOUTS.entries()) imports.push(await preparedImport(`IMPORT${n}`, 1_000_000 + n * IMPORT_ROWS));
await db.execute(sql`vacuum analyze`);
console.error(`seeded 100,000 contacts and ${LAYOUTS.length} previews of ${IMPORT_ROWS} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const cookie = await sessionCookie(db, secret, seeded.adminAccountId);

/** 16 connections for DURATION seconds, split evenly over the instances; latencies merged. */
async function measure(instances: number, seconds = DURATION) {
  const runs = await Promise.all(
    PORTS.slice(0, instances).map((port) => loadRun(`http://127.0.0.1:${port}`, cookie, listPath, seconds, CONNECTIONS / instances)),
  );
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    rps: Math.round(runs.reduce((sum, r) => sum + r.rps, 0) * 10) / 10,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

const results = [];
for (const [n, layout] of LAYOUTS.entries()) {
  // Every layout notices a new import within half a second (the in-process loop has no LISTEN).
  // One process per instance: the layouts compare instances, not the processes of each.
  const env: Record<string, string> = { WORKER_POLL_MS: '500', WEB_CONCURRENCY: '1', ...(layout.workerApart ? { WORKER: 'off' } : {}) };
  const servers = [];
  for (const port of PORTS.slice(0, layout.instances)) servers.push(await startServer(product.url, port, secret, env));
  const worker = layout.workerApart ? await startWorker(product.url, { WORKER_POLL_MS: '500' }) : undefined;
  // Warm-up: the first requests of a fresh server compile and cache.
  await measure(layout.instances).catch(() => undefined);
  const quiet = await measure(layout.instances);

  const { ctx, jobId } = imports[n]!;
  await startImport(ctx, jobId, db);
  await db.execute(sql`select pg_notify('portaria_jobs', 'import')`);
  const t0 = Date.now();
  const during = await measure(layout.instances, DURING);
  const atEnd = await importState(ctx, jobId);
  for (;;) {
    const state = await importState(ctx, jobId);
    if (state.status !== 'importing') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const done = await importState(ctx, jobId);
  const importSeconds = done.finished_at && done.started_at ? (new Date(done.finished_at).getTime() - t0) / 1000 : null;
  const row = {
    layout: layout.name,
    quiet,
    during_import: during,
    rows_imported_during_load: atEnd.ok_rows,
    import_seconds: importSeconds && Math.round(importSeconds * 10) / 10,
    import_status: done.status,
  };
  console.error(JSON.stringify(row));
  results.push(row);
  await worker?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  // The next layout starts clean: this import's 50,000 invitations are not sent during its
  // quiet run (each layout sends its own while its import runs, as a real import does).
  await db.execute(sql`update mail_outbox set status = 'cancelled' where status = 'pending'`);
  await db.execute(sql`vacuum analyze`);
}

const base = results[0]!;
const summary = {
  bench: 'scale',
  load_average_at_start: Math.round(load * 100) / 100,
  contacts: 100_000,
  import_rows: IMPORT_ROWS,
  seconds: DURATION,
  seconds_during_import: DURING,
  connections: CONNECTIONS,
  results,
  // Each layout's throughput while importing, against its own quiet throughput and against the in-process layout.
  ratios: results.map((r) => ({
    layout: r.layout,
    during_over_quiet: Math.round((r.during_import.rps / r.quiet.rps) * 100) / 100,
    during_over_in_process_during: Math.round((r.during_import.rps / base.during_import.rps) * 100) / 100,
  })),
};
await product.drop();
console.log(JSON.stringify(summary));

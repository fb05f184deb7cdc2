// The CSV import as a company that already has 50,000 contacts (each with an open invitation)
// lives it, through the page's own code path: previewImport (decode, parse, validate,
// duplicates in the file, already registered) and the import job (contacts, permissions,
// history, invitations queued in the outbox, per-row results), against loading the same
// number of rows into the same indexed tables with PostgreSQL's COPY.
// Each run imports a new file of 5,000 rows, then a new file of 50,000, then COPYs 50,000; the
// tables grow from run to run, as they do in production. Three runs, each reported: the growth
// from 5,000 to 50,000 rows (linear is 10×; goal ≤ 12×) and the ratio to COPY (goal ≤ 2).
// Usage: DATABASE_URL=postgres://… npm run bench:import   (BENCH_RUNS, BENCH_EXISTING, BENCH_SMALL, BENCH_LARGE, BENCH_SETTLE)
// Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import type { AdminContext } from '../lib/auth/actor';
import { cpfFromBase } from '../lib/br/cpf';
import { parseContactsCsv } from '../lib/contacts/csv/rows';
import { previewImport } from '../lib/contacts/import/preview';
import { claimImportJob, importRunOptions, runImportJob, startImport } from '../lib/contacts/import/run';
import { normaliseContact } from '../lib/contacts/schema';
import { benchName, createBenchCompany, freshDatabase, requireQuietMachine, seedCompanyContacts, slug } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EXISTING = Number(process.env.BENCH_EXISTING ?? 50_000);
const SMALL = Number(process.env.BENCH_SMALL ?? 5_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 50_000);
/** BENCH_SETTLE=1: a checkpoint before each timed part (bench/README.md, "fifth session": it makes COPY dearer). */
const SETTLE = process.env.BENCH_SETTLE === '1';
const GOAL_GROWTH = 12;
const GOAL_RATIO = 2;

const load = requireQuietMachine();

const DDDS = [
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65,
  66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
];
/** A file as Excel in Brazil writes it (';', CRLF, Windows-1252): people `first` … `first + rows − 1`, every one new. */
function contactsFile(first: number, rows: number): Uint8Array {
  const lines = ['pais;nome;documento;ddd;telefone;email;consultoria'];
  for (let i = first; i < first + rows; i++) {
    const name = benchName(i);
    lines.push(
      `Brasil;${name};${cpfFromBase(String(i).padStart(9, '0'))};${DDDS[i % DDDS.length]};9${String(10_000_000 + i).slice(-8)};${slug(name)}.${i}@exemplo.com.br;${i % 3 ? 'N' : 'S'}`,
    );
  }
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252'));
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const product = await freshDatabase('bench_import', 10);
installConnection(product.conn);
const db = product.conn.db;
let next = 1; // the next person's number: every file and every COPY brings new people

/** The page's path, from the file's bytes to the job's last commit, into the target company. */
async function timedImport(ctx: AdminContext, rows: number) {
  const file = contactsFile(next, rows);
  next += rows;
  const t0 = performance.now();
  const preview = await previewImport(ctx, { name: `contatos-${rows}.csv`, bytes: file }, db, { maxBytes: Infinity });
  if (!preview.ok) throw new Error(`preview refused: ${preview.error}`);
  const previewSeconds = (performance.now() - t0) / 1000;
  const started = await startImport(ctx, preview.jobId);
  if (!started.ok) throw new Error(`not started: ${started.error}`);
  const owner = randomUUID();
  const ref = await claimImportJob(db, owner);
  if (!ref) throw new Error('job not claimed');
  const outcome = await runImportJob(db, ref, owner, importRunOptions('postgres'));
  const seconds = (performance.now() - t0) / 1000;
  if (outcome !== 'done') throw new Error(`import ${outcome}`);
  const [job] = (await db.execute<{ ok: number }>(sql`select ok_rows as ok from import_jobs where company_id = ${ctx.companyId} and id = ${preview.jobId}`))
    .rows;
  if (job!.ok !== rows) throw new Error(`${job!.ok} of ${rows} rows imported`);
  return { seconds: Number(seconds.toFixed(2)), preview_seconds: Number(previewSeconds.toFixed(2)) };
}

/** The same number of new rows, validated, loaded with COPY into accounts and contacts: the floor. */
async function timedCopy(companyId: string, count: number): Promise<number> {
  const parsed = parseContactsCsv(contactsFile(next, count));
  next += count;
  if (!parsed.ok) throw new Error('unreadable');
  const rows = parsed.rows.flatMap((r) =>
    r.status === 'ok' ? [{ id: randomUUID(), account: randomUUID(), ...normaliseContact(r.input), name: r.input.name, email: r.input.email }] : [],
  );
  const client = new pg.Client({ connectionString: product.url });
  await client.connect();
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const t0 = performance.now();
  await client.query('begin');
  await pipeline(
    Readable.from(rows.map((r) => `${r.account}\t${esc(r.email.toLowerCase())}\n`)),
    client.query(copyFrom('copy accounts (id, email) from stdin')),
  );
  await pipeline(
    Readable.from(
      rows.map(
        (r) =>
          [companyId, r.id, r.account, esc(r.name), r.country, esc(r.document), r.areaCode, r.phone, esc(r.email), r.consultancy ? 't' : 'f'].join('\t') + '\n',
      ),
    ),
    client.query(copyFrom('copy contacts (company_id, id, account_id, name, country, document, area_code, phone, email, consultancy) from stdin')),
  );
  await client.query('commit');
  const seconds = (performance.now() - t0) / 1000;
  await client.end();
  return Number(seconds.toFixed(2));
}

/**
 * With BENCH_SETTLE=1, every timed part starts right after a checkpoint: none pays for the
 * writes of the part before it, but each pays the full-page images of every page it first
 * touches, which makes COPY dearer (bench/README.md, "fifth session").
 */
async function settle() {
  if (SETTLE) await db.execute(sql`checkpoint`);
}

const results = [];
try {
  // The company the files go to already has EXISTING contacts, each with an open invitation.
  const t0 = performance.now();
  const target = await seedCompanyContacts(db, {
    companyCode: 'BENCHI',
    companyName: 'Empresa Importação',
    contacts: EXISTING,
    first: 900_000_000 - EXISTING,
    person: (i) => ({ name: benchName(i), email: `${slug(benchName(i))}.${i}@antes.exemplo.com.br` }),
  });
  await db.execute(sql`
    insert into auth_tokens (account_id, contact_id, purpose, token_hash, company_id, expires_at, created_at)
    select account_id, id, 'invite', md5(id::text) || md5(random()::text), company_id, now() + interval '7 days', now()
    from contacts where company_id = ${target.ctx.companyId} and not is_admin`);
  const copyCompany = await createBenchCompany(db, { companyCode: 'BENCHC' });
  await db.execute(sql`vacuum analyze`);
  console.error(`seeded ${EXISTING} contacts with their invitations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  for (let run = 1; run <= RUNS; run++) {
    await settle();
    const small = await timedImport(target.ctx, SMALL);
    await settle();
    const large = await timedImport(target.ctx, LARGE);
    await settle();
    const copy = await timedCopy(copyCompany.ctx.companyId, LARGE);
    const row = {
      run,
      small_rows: SMALL,
      small_seconds: small.seconds,
      large_rows: LARGE,
      large_seconds: large.seconds,
      large_preview_seconds: large.preview_seconds,
      copy_seconds: copy,
      growth: Number((large.seconds / small.seconds).toFixed(2)),
      ratio_to_copy: Number((large.seconds / copy).toFixed(2)),
    };
    console.error(
      `run ${run}: ${SMALL} rows ${small.seconds} s, ${LARGE} rows ${large.seconds} s (preview ${large.preview_seconds} s), COPY ${copy} s; ` +
        `growth ${row.growth}× (goal ≤ ${GOAL_GROWTH}), ratio ${row.ratio_to_copy} (goal ≤ ${GOAL_RATIO})`,
    );
    results.push(row);
  }
} finally {
  clearInterval(sampler);
  await product.drop();
}

const peakMb = mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024));
console.log(
  JSON.stringify({
    bench: 'import',
    load_average_at_start: load,
    settled: SETTLE,
    existing_contacts: EXISTING,
    runs: results,
    goals_met: results.every((r) => r.growth <= GOAL_GROWTH && r.ratio_to_copy <= GOAL_RATIO),
    peak_mb: peakMb,
  }),
);

// 50,000 contacts from a CSV as Excel in Brazil writes it, through the page's own code path:
// previewImport (decode, parse, validate, duplicates in the file, already registered) and the
// import job (contacts, permissions, history, invitations queued in the outbox, per-row
// results), against loading the same rows into the same tables with PostgreSQL's COPY.
// Usage: DATABASE_URL=postgres://… npm run bench:import [-- ROWS]   (default 50000)
// Last line: one JSON object {rows, seconds, copy_seconds, ratio, peak_mb, …}.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import { createCompany } from '../lib/companies/mutations';
import { parseContactsCsv } from '../lib/contacts/csv/rows';
import { previewImport } from '../lib/contacts/import/preview';
import { claimImportJob, importRunOptions, runImportJob, startImport } from '../lib/contacts/import/run';
import { normaliseContact } from '../lib/contacts/schema';
import { freshDatabase } from './support';

const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 50_000);
const generator = path.resolve(process.env.GEN_CONTACTS ?? '../shared/tools/gen-contacts-csv.mjs');
if (!existsSync(generator)) {
  console.error(`generator not found: ${generator} (set GEN_CONTACTS)`);
  process.exit(2);
}
const file = new Uint8Array(execFileSync(process.execPath, [generator, String(ROWS)], { maxBuffer: 1 << 30 }));
console.error(`${ROWS} rows, ${(file.length / 1048576).toFixed(1)} MB, Windows-1252`);

const mb = (bytes: number) => Math.round(bytes / 1048576);
const startRss = process.memoryUsage().rss;
let peakRss = startRss;
let peakHeap = 0;
let peakExt = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapTotal);
  peakExt = Math.max(peakExt, m.external + m.arrayBuffers);
}, 20);

// 1. The product's path, timed from the file's bytes to the last row's result.
const product = await freshDatabase('bench_import', 10);
installConnection(product.conn);
let seconds = 0;
let previewSeconds = 0;
let imported = 0;
try {
  const { company, admin } = await createCompany(
    { code: 'BENCHI', name: 'Empresa Importação', adminEmail: 'admin@import.example', adminName: 'Admin Importação' },
    { invite: false },
  );
  const ctx = { companyId: company.id, companyName: company.name, contactId: admin.id, email: 'admin@import.example' };
  const t0 = performance.now();
  const preview = await previewImport(ctx, { name: 'contatos.csv', bytes: file }, product.conn.db, { maxBytes: Infinity });
  if (!preview.ok) throw new Error(`preview refused: ${preview.error}`);
  previewSeconds = (performance.now() - t0) / 1000;
  const started = await startImport(ctx, preview.jobId);
  if (!started.ok) throw new Error(`not started: ${started.error}`);
  const owner = randomUUID();
  const ref = await claimImportJob(product.conn.db, owner);
  if (!ref) throw new Error('job not claimed');
  const cpu0 = process.cpuUsage();
  const outcome = await runImportJob(product.conn.db, ref, owner, importRunOptions('postgres'));
  const cpu = process.cpuUsage(cpu0);
  console.error(`node cpu during the import job: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; rss at start ${mb(startRss)} MB`);
  seconds = (performance.now() - t0) / 1000;
  if (outcome !== 'done') throw new Error(`import ${outcome}`);
  const counts = (
    await product.conn.db.execute<{ contacts: number; outbox: number; history: number; ok: number; counted: number }>(sql`
      select (select count(*)::int from contacts where company_id = ${company.id} and not is_admin) as contacts,
             (select count(*)::int from mail_outbox where company_id = ${company.id}) as outbox,
             (select count(*)::int from audit_events where company_id = ${company.id} and action like 'contact%') as history,
             (select ok_rows from import_jobs where id = ${preview.jobId}) as ok,
             (select active from contact_counts where company_id = ${company.id}) as counted`)
  ).rows[0]!;
  imported = counts.ok;
  console.error(
    `import: ${seconds.toFixed(2)} s (preview ${previewSeconds.toFixed(2)} s, import job ${(seconds - previewSeconds).toFixed(2)} s); ` +
      `${counts.contacts} contacts, ${counts.outbox} invitations queued, ${counts.history} history entries`,
  );
  if (counts.contacts !== ROWS || counts.outbox !== ROWS) throw new Error('not every row was imported');
  if (counts.counted !== ROWS + 1) throw new Error(`contact counter says ${counts.counted}`);
} finally {
  await product.drop();
}
clearInterval(sampler);
console.error(`peak heapTotal ${mb(peakHeap)} MB, external ${mb(peakExt)} MB`);
const peakMb = mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024));

// 2. The same rows loaded with COPY into the same tables (accounts, then contacts) of an
// equally fresh database: the floor for getting these rows into PostgreSQL at all.
const parsed = parseContactsCsv(file);
if (!parsed.ok) throw new Error('unreadable');
const rows = parsed.rows.flatMap((r) =>
  r.status === 'ok' ? [{ id: randomUUID(), account: randomUUID(), ...normaliseContact(r.input), name: r.input.name, email: r.input.email }] : [],
);
const baseline = await freshDatabase('bench_copy', 2);
let copySeconds = 0;
try {
  installConnection(baseline.conn);
  const { company } = await createCompany(
    { code: 'BENCHC', name: 'Empresa COPY', adminEmail: 'admin@copy.example', adminName: 'Admin Copy' },
    { invite: false },
  );
  const client = new pg.Client({ connectionString: baseline.url });
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
          [company.id, r.id, r.account, esc(r.name), r.country, esc(r.document), r.areaCode, r.phone, esc(r.email), r.consultancy ? 't' : 'f'].join('\t') +
          '\n',
      ),
    ),
    client.query(copyFrom('copy contacts (company_id, id, account_id, name, country, document, area_code, phone, email, consultancy) from stdin')),
  );
  await client.query('commit');
  copySeconds = (performance.now() - t0) / 1000;
  await client.end();
  console.error(`COPY of the same ${rows.length} rows into accounts and contacts: ${copySeconds.toFixed(2)} s`);
} finally {
  await baseline.drop();
}

const ratio = seconds / copySeconds;
console.error(`ratio ${ratio.toFixed(2)}, peak ${peakMb} MB (issue 4's limits, for 50,000 rows: ratio 3, 300 MB)`);
console.log(
  JSON.stringify({
    rows: ROWS,
    imported,
    seconds: Number(seconds.toFixed(2)),
    preview_seconds: Number(previewSeconds.toFixed(2)),
    copy_seconds: Number(copySeconds.toFixed(2)),
    ratio: Number(ratio.toFixed(2)),
    peak_mb: peakMb,
  }),
);

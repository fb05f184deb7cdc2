// "Solicitações de acesso" with 1,000 pending requests in the signed-in company (and 1,000 in
// each of four others, and 5,000 contacts, so the "Já é contato" and domain flags have
// something to look at): 16 connections for 30 s against the inbox's pages, then the same
// against a trivial signed-in page (/profile), on the production server. Then "Aprovar
// selecionadas" on 500 requests through the product's own decision (lib/requests/decisions.ts),
// three times on fresh requests, the median reported. Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import type { Executor } from '../db/connect';
import { accessRequests, accounts, companyDomains, contacts } from '../db/schema';
import { cpfFromBase } from '../lib/br/cpf';
import { setPassword } from '../lib/auth/accounts';
import { createCompany } from '../lib/companies/mutations';
import { decideRequests } from '../lib/requests/decisions';
import { REQUESTS_PAGE_SIZE } from '../lib/requests/queries';
import { requireQuietMachine, ensureBuild, freshDatabase, loadRun, sessionCookie, startServer, serverProcesses } from './support';

const loadAtStart = requireQuietMachine();

const PENDING = 1000;
const OTHER_COMPANIES = 4;
const CONTACTS = 5000;
const APPROVE = 500;
const RUNS = 3;
const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 16;
const PORT = Number(process.env.BENCH_PORT ?? 3211);

let serial = 0;
/** Pending requests, half from the company's domain, one in twenty already a contact's e-mail. */
async function addRequests(db: Executor, companyId: string, count: number, tag: string) {
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const n = ++serial;
    const taken = i % 20 === 19;
    return {
      companyId,
      status: 'pending' as const,
      name: `Pessoa Solicitante ${n}`,
      email: taken ? `contato.${n % CONTACTS}@bench.example` : `pessoa.${tag}.${n}@${i % 2 ? 'bench.example' : 'fora.example'}`,
      document: cpfFromBase(String(300_000_000 + n)),
      areaCode: '11',
      phone: '987654321',
      reason: 'Preciso abrir chamados para a minha área.',
      createdAt: new Date(now - n * 1000),
      confirmedAt: new Date(now - n * 1000 + 500),
      notifiedAt: new Date(now),
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    // A pending request per e-mail and company: the "already a contact" ones differ by company.
    await db
      .insert(accessRequests)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

async function seed(db: Executor) {
  const main = await createCompany(
    { code: 'BENCHREQ', name: 'Empresa Bench Solicitações', adminEmail: 'admin@bench.example', adminName: 'Admin Bench' },
    { invite: false },
  );
  await setPassword(db, main.accountId, 'senha-do-bench-1');
  const accs = await db
    .insert(accounts)
    .values(Array.from({ length: CONTACTS }, (_, i) => ({ email: `contato.${i}@bench.example` })))
    .returning({ id: accounts.id, email: accounts.email });
  await db.insert(contacts).values(
    accs.map((a, i) => ({
      companyId: main.company.id,
      accountId: a.id,
      name: `Contato Bench ${i}`,
      email: a.email,
      document: cpfFromBase(String(100_000_000 + i)),
      areaCode: '11',
      phone: '912345678',
    })),
  );
  await db.insert(companyDomains).values({ companyId: main.company.id, domain: 'bench.example', policy: 'approval' });
  await addRequests(db, main.company.id, PENDING, 'inbox');
  for (let c = 0; c < OTHER_COMPANIES; c++) {
    const other = await createCompany(
      { code: `BENCHREQ${c}`, name: `Outra Bench ${c}`, adminEmail: `admin${c}@outra.example`, adminName: `Outra ${c}` },
      { invite: false },
    );
    await addRequests(db, other.company.id, PENDING, `outra${c}`);
  }
  await db.execute(sql`vacuum analyze access_requests`);
  await db.execute(sql`vacuum analyze contacts`);
  return { companyId: main.company.id, companyName: main.company.name, adminId: main.admin.id, adminAccountId: main.accountId };
}

const pages = Math.ceil(PENDING / REQUESTS_PAGE_SIZE);
// Mostly the first page (where an administrator works), the rest spread over the others.
const inboxPath = () => (Math.random() < 0.6 ? '/requests' : `/requests?page=${1 + Math.floor(Math.random() * pages)}`);

ensureBuild();
const bench = await freshDatabase('bench_requests');
installConnection(bench.conn);
try {
  const started = Date.now();
  const ids = await seed(bench.conn.db);
  console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const secret = randomBytes(32).toString('base64url');
  const server = await startServer(bench.url, PORT, secret);
  let inbox, trivial;
  try {
    const cookie = await sessionCookie(bench.conn.db, secret, ids.adminAccountId);
    const base = `http://127.0.0.1:${PORT}`;
    const check = await fetch(`${base}/requests`, { headers: { cookie } });
    const html = await check.text();
    if (!check.ok || !html.includes('Solicitações de acesso') || !html.includes(`de ${PENDING.toLocaleString('pt-BR')}`)) {
      throw new Error(`the inbox did not answer as expected (HTTP ${check.status})`);
    }
    await loadRun(base, cookie, inboxPath, 3, CONNECTIONS); // warm-up
    inbox = await loadRun(base, cookie, inboxPath, DURATION, CONNECTIONS);
    trivial = await loadRun(base, cookie, () => '/profile', DURATION, CONNECTIONS);
    inbox.errors += server.errors();
  } finally {
    await server.stop();
  }
  console.error(`inbox: ${inbox.total} requests, p50 ${inbox.p50} ms, p95 ${inbox.p95} ms, ${inbox.rps.toFixed(1)} req/s`);
  console.error(`trivial: ${trivial.total} requests, p50 ${trivial.p50} ms, p95 ${trivial.p95} ms, ${trivial.rps.toFixed(1)} req/s`);

  const decider = { companyId: ids.companyId, companyName: ids.companyName, contactId: ids.adminId, email: 'admin@bench.example' };
  const times: number[] = [];
  let approved = 0;
  let refused = 0;
  for (let run = 0; run < RUNS; run++) {
    if (run > 0) await addRequests(bench.conn.db, ids.companyId, APPROVE, `run${run}`);
    const pending = await bench.conn.db.execute<{ id: string }>(
      sql`select id from access_requests where company_id = ${ids.companyId} and status = 'pending' order by confirmed_at desc limit ${APPROVE}`,
    );
    const t0 = performance.now();
    const { outcomes } = await decideRequests(
      bench.conn.db,
      decider,
      'approve',
      pending.rows.map((r) => r.id),
    );
    times.push(performance.now() - t0);
    approved += outcomes.filter((o) => o.outcome === 'approved').length;
    refused += outcomes.filter((o) => o.outcome !== 'approved').length;
  }
  times.sort((a, b) => a - b);
  console.error(`approve ${APPROVE}: ${times.map((t) => `${Math.round(t)} ms`).join(', ')} (${approved} approved, ${refused} refused as already contacts)`);
  console.log(
    JSON.stringify({
      load_average_at_start: loadAtStart,
      server_processes: serverProcesses(),
      pending: PENDING,
      connections: CONNECTIONS,
      seconds: DURATION,
      inbox_p50_ms: inbox.p50,
      inbox_p95_ms: inbox.p95,
      errors: inbox.errors + trivial.errors,
      inbox_rps: Number(inbox.rps.toFixed(1)),
      trivial_rps: Number(trivial.rps.toFixed(1)),
      throughput_ratio: Number((inbox.rps / trivial.rps).toFixed(2)),
      approve_500_median_ms: Math.round(times[Math.floor(RUNS / 2)]!),
      approve_500_max_ms: Math.round(times.at(-1)!),
    }),
  );
} finally {
  await bench.drop();
}

// What each part of the list's mix costs, and who pays it: the CPU time per request of the
// server (its process and children), of PostgreSQL (every `postgres` process) and of this
// load generator, read from /proc around each load. The parts take turns (ROUNDS rounds of
// SECONDS each, CONNECTIONS connections), so the machine's drift touches them all alike.
//
// It runs on a database kept by the list's benchmark:
//   BENCH_KEEP=1 DATABASE_URL=… npm run bench:list     # prints "kept database portaria_bench_list_…"
//   BENCH_DB=postgres://…/portaria_bench_list_… npm run bench:list-parts
// BENCH_PARTS chooses the parts (comma-separated, default all of them): tickets (the trivial
// page), profile, login (anonymous), empty (the list, a search that finds nobody), the list's parts
// (pages, views, review, sorted, search), filtered, filtersOnly, picker.
// Linux only (/proc). The product's own log lines are not what it measures.
process.env.LOG_LEVEL ??= 'warn';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import { connectPostgres } from '../db/connect';
import { filteredPath, filtersOnlyPath, listPathFor, pickerPath } from './list-paths';
import { ensureBuild, loadRun, requireQuietMachine, sessionCookie, startServer } from './support';

const loadAtStart = requireQuietMachine();
const url = process.env.BENCH_DB;
if (!url) {
  console.error('BENCH_DB must name a database kept by `BENCH_KEEP=1 npm run bench:list`.');
  process.exit(2);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3211);

const conn = connectPostgres(url, 4);
installConnection(conn);
const [big] = (
  await conn.db.execute<{ account_id: string; in_company: number; lifecycle_each: number }>(sql`
    select a.id as account_id,
           (select count(*) from contacts x where x.company_id = c.company_id and not x.is_admin)::int as in_company,
           (select count(*) from contacts x where x.company_id = c.company_id and x.status = 'removed')::int as lifecycle_each
    from contacts c join accounts a on a.id = c.account_id
    where c.email = 'admin@bench0.example' and c.is_admin`)
).rows;
if (!big) {
  console.error(`${url} holds no company of the list's benchmark.`);
  process.exit(2);
}

const parts: Record<string, { path: () => string; anonymous?: boolean }> = {
  tickets: { path: () => '/tickets' },
  profile: { path: () => '/profile' },
  login: { path: () => '/login', anonymous: true },
  empty: { path: () => '/contacts?q=zzzqqq' },
  ...Object.fromEntries(
    (['pages', 'views', 'review', 'sorted', 'search'] as const).map((p) => [p, { path: listPathFor(p, big.in_company, big.lifecycle_each) }]),
  ),
  filtered: { path: filteredPath },
  filtersOnly: { path: filtersOnlyPath },
  picker: { path: pickerPath },
};
const chosen = (process.env.BENCH_PARTS ?? Object.keys(parts).join(',')).split(',');
for (const name of chosen) if (!parts[name]) throw new Error(`BENCH_PARTS: no part "${name}" (${Object.keys(parts).join(', ')})`);

/** CPU time (ms) each of these processes has used so far, from /proc (user + system). */
function cpuOf(pids: number[]): Map<number, number> {
  const ticks = 100; // USER_HZ
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) / ticks) * 1000);
    } catch {
      // ended in between
    }
  }
  return used;
}
/** CPU time used between two readings: a process that started in between counts whole, one that ended is not counted. */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
function processes(): { pid: number; ppid: number; command: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      found.push({
        pid: Number(entry),
        ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
        command: readFileSync(`/proc/${entry}/cmdline`, 'utf8'),
      });
    } catch {
      // ended in between
    }
  }
  return found;
}

ensureBuild();
const secret = randomBytes(32).toString('base64url');
const server = await startServer(url, PORT, secret);
try {
  const cookie = await sessionCookie(conn.db, secret, big.account_id);
  const base = `http://127.0.0.1:${PORT}`;
  const serverTree = () => {
    const all = processes();
    const tree = new Set([server.child.pid!]);
    for (let depth = 0; depth < 4; depth++) for (const p of all) if (tree.has(p.ppid)) tree.add(p.pid);
    return [...tree];
  };
  const postgres = () =>
    processes()
      .filter((p) => p.command.startsWith('postgres'))
      .map((p) => p.pid);
  for (const name of chosen) await loadRun(base, parts[name]!.anonymous ? '' : cookie, parts[name]!.path, 2, 4); // warm-up
  const sums: Record<string, { server: number; postgres: number; bench: number; requests: number; seconds: number; p95: number[]; errors: number }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of chosen) {
      const { path, anonymous } = parts[name]!;
      const before = { server: cpuOf(serverTree()), postgres: cpuOf(postgres()), bench: process.cpuUsage() };
      const started = performance.now();
      const run = await loadRun(base, anonymous ? '' : cookie, path, SECONDS, CONNECTIONS);
      const sum = (sums[name] ??= { server: 0, postgres: 0, bench: 0, requests: 0, seconds: 0, p95: [], errors: 0 });
      const bench = process.cpuUsage(before.bench);
      sum.server += spent(before.server, cpuOf(serverTree()));
      sum.postgres += spent(before.postgres, cpuOf(postgres()));
      sum.bench += (bench.user + bench.system) / 1000;
      sum.requests += run.total;
      sum.seconds += (performance.now() - started) / 1000;
      sum.p95.push(Math.round(run.p95));
      sum.errors += run.errors;
    }
  }
  const per = (ms: number, n: number) => Number((ms / Math.max(1, n)).toFixed(2));
  const result = Object.fromEntries(
    chosen.map((name) => {
      const s = sums[name]!;
      return [
        name,
        {
          rps: Number((s.requests / s.seconds).toFixed(1)),
          server_ms: per(s.server, s.requests),
          postgres_ms: per(s.postgres, s.requests),
          bench_ms: per(s.bench, s.requests),
          p95_ms: s.p95,
          errors: s.errors,
        },
      ];
    }),
  );
  for (const [name, r] of Object.entries(result)) {
    console.error(
      `${name.padEnd(12)} ${String(r.rps).padStart(6)} req/s   CPU per request: server ${r.server_ms} ms, PostgreSQL ${r.postgres_ms} ms, load generator ${r.bench_ms} ms   p95 ${r.p95_ms.join(' / ')} ms${r.errors ? `   ${r.errors} errors` : ''}`,
    );
  }
  console.log(
    JSON.stringify({ bench: 'list-parts', load_average_at_start: loadAtStart, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, parts: result }),
  );
} finally {
  await server.stop();
  await conn.close();
}
process.exit(0);

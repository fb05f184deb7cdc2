// Shared by the benchmarks: a fresh database on the PostgreSQL server named by DATABASE_URL,
// companies seeded with contacts, the production server started against it, and a signed-in
// session for a given account.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import autocannon from 'autocannon';
import pg from 'pg';
import { connectPostgres, type Connection, type Executor } from '../db/connect';
import { accounts, contacts } from '../db/schema';
import type { AdminContext } from '../lib/auth/actor';
import { createSession } from '../lib/auth/sessions';
import { cpfFromBase } from '../lib/br/cpf';
import { createCompany } from '../lib/companies/mutations';

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a PostgreSQL server, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres');
    process.exit(2);
  }
  return url;
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, migrated database beside the one DATABASE_URL names; dropped by `drop()`. */
export async function freshDatabase(prefix: string, poolSize = 20): Promise<{ url: string; conn: Connection; drop: () => Promise<void> }> {
  const base = requireDatabaseUrl();
  const name = `portaria_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(base, name);
  const conn = connectPostgres(url, poolSize);
  await conn.migrate();
  return {
    url,
    conn,
    drop: async () => {
      await conn.close();
      if (process.env.BENCH_KEEP) {
        console.error(`kept database ${name} (BENCH_KEEP)`);
        await admin.end();
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type BenchCompany = {
  companyCode: string;
  /** By default "Empresa <code>". */
  companyName?: string;
  /** By default admin@<code in lower case>.example. */
  adminEmail?: string;
  /** By default "Admin <company name>". */
  adminName?: string;
};

/** A new company and its administrator (no invitation, no password): who acts in it, and the administrator's account. */
export async function createBenchCompany(
  db: Executor,
  {
    companyCode,
    companyName = `Empresa ${companyCode}`,
    adminEmail = `admin@${companyCode.toLowerCase()}.example`,
    adminName = `Admin ${companyName}`,
  }: BenchCompany,
): Promise<{ ctx: AdminContext; adminAccountId: string }> {
  const { company, admin, accountId } = await createCompany({ code: companyCode, name: companyName, adminEmail, adminName }, { invite: false }, db);
  return { ctx: { companyId: company.id, companyName: company.name, contactId: admin.id, email: admin.email }, adminAccountId: accountId };
}

const SEED_BATCH = 4000;

export type SeedCompanyContacts = BenchCompany & {
  /** How many contacts, besides the administrator. */
  contacts: number;
  /** The i-th person's name and e-mail (the e-mail unique across the bench). */
  person: (i: number) => { name: string; email: string };
  /** The number of the first person (1 by default): a bench seeding several companies continues the count, so no CPF repeats. */
  first?: number;
};

/**
 * A new company (createBenchCompany) and its contacts, active and with no permissions: accounts,
 * then contacts, 4,000 a statement. The i-th person's CPF, area code and phone follow from i.
 * Permissions, other states and `vacuum analyze` are the caller's.
 */
export async function seedCompanyContacts(
  db: Executor,
  { contacts: count, person, first = 1, ...company }: SeedCompanyContacts,
): Promise<{ ctx: AdminContext; adminAccountId: string }> {
  const created = await createBenchCompany(db, company);
  for (let done = 0; done < count; done += SEED_BATCH) {
    const people = Array.from({ length: Math.min(SEED_BATCH, count - done) }, (_, k) => {
      const i = first + done + k;
      return { i, ...person(i) };
    });
    const accs = await db
      .insert(accounts)
      .values(people.map((p) => ({ email: p.email })))
      .returning({ id: accounts.id, email: accounts.email });
    const byEmail = new Map(accs.map((a) => [a.email, a.id]));
    await db.insert(contacts).values(
      people.map((p) => ({
        companyId: created.ctx.companyId,
        accountId: byEmail.get(p.email)!,
        name: p.name,
        email: p.email,
        document: cpfFromBase(String(p.i).padStart(9, '0')),
        areaCode: String(11 + (p.i % 80)),
        phone: `9${String(10_000_000 + p.i).slice(-8)}`,
      })),
    );
  }
  return created;
}

export function ensureBuild(): void {
  if (existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'))) return;
  console.error('Building the app (next build)…');
  const r = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** How many server processes a benchmark starts: BENCH_SERVERS, else WEB_CONCURRENCY, else one, as `npm start`. */
export function serverProcesses(extraEnv: Record<string, string> = {}): number {
  return Math.max(1, Math.floor(Number(extraEnv.WEB_CONCURRENCY) || Number(process.env.BENCH_SERVERS) || Number(process.env.WEB_CONCURRENCY) || 1));
}

export async function startServer(
  databaseUrl: string,
  port: number,
  secret: string,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; errors: () => number; stop: () => Promise<void> }> {
  let errorLines = 0;
  // As `npm start` serves on PostgreSQL: one `next start`, or BENCH_SERVERS (or WEB_CONCURRENCY)
  // processes on one port through scripts/serve.mjs (decision 017).
  const processes = serverProcesses(extraEnv);
  const command: [string, string[]] =
    processes === 1
      ? [path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)]]
      : [process.execPath, [path.resolve('scripts/serve.mjs'), '-p', String(port)]];
  const child = spawn(...command, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      ...extraEnv,
      WEB_CONCURRENCY: String(processes),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    errorLines += (text.match(/⨯|Error/g) ?? []).length;
  });
  child.stdout!.resume();
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    errors: () => errorLines,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The session cookie Auth.js would set after signing in, naming a new server-side session. */
export async function sessionCookie(db: Executor, secret: string, accountId: string): Promise<string> {
  const salt = 'authjs.session-token';
  const sid = await createSession(db, accountId, { ip: '127.0.0.1', userAgent: 'bench' });
  const token = await encode({ token: { sub: accountId, sid }, secret, salt, maxAge: 3600 });
  return `${salt}=${token}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Load on a signed-in page: `connections` for `duration` seconds, each request's path from `pathFor`; latencies per request, errors = non-200 answers, socket errors and timeouts. */
export async function loadRun(url: string, cookie: string, pathFor: () => string, duration: number, connections: number) {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, headers: { cookie }, requests: [{ setupRequest: (req) => ({ ...req, path: pathFor() }) }] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) bad++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: result.requests.average,
    errors: bad + result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** `npm run worker` against the bench's database: started, and stopped with SIGTERM. */
export async function startWorker(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ stop: () => Promise<number | null> }> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: '', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-10_000);
  });
  for (let i = 0; i < 300 && !out.includes('worker.started'); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A benchmark measures a quiet machine: the load average is printed, and with the one-minute
 * load above 1.5 the run stops before measuring, saying why (BENCH_FORCE=1 measures anyway).
 */
export function requireQuietMachine(maxLoad = 1.5): number {
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  console.error(`load average ${load.join(' ')} (1, 5, 15 min) on ${os.cpus().length} cores`);
  if (load[0]! > maxLoad && process.env.BENCH_FORCE !== '1') {
    console.error(
      `the 1-minute load is above ${maxLoad}: something else is running and the figures would not hold. Run it on a quiet machine (BENCH_FORCE=1 measures anyway).`,
    );
    process.exit(2);
  }
  return load[0]!;
}

/** Brazilian first and last names, accents included (every one is in Windows-1252, the import's Excel encoding). */
export const FIRST_NAMES = [
  'João',
  'José',
  'Maria',
  'Ana',
  'Antônio',
  'Francisco',
  'Conceição',
  'Gonçalo',
  'Lúcia',
  'Sérgio',
  'Márcia',
  'Cecília',
  'Ênio',
  'Íris',
  'Otávio',
  'Paulo',
  'Carla',
  'Bruno',
  'Fernanda',
  'Rafael',
  'Açucena',
];
export const LAST_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Conceição',
  'Araújo',
  'Gonçalves',
  'Magalhães',
  'Brandão',
  'Simões',
  'Guimarães',
  'Assunção',
  'Falcão',
  'Pereira',
  'Lima',
  'Costa',
];

/** Person `i`'s name: a first name and two last names, spread over the lists. */
export const benchName = (i: number) =>
  `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 13) % LAST_NAMES.length]} ${LAST_NAMES[(i * 3 + 5) % LAST_NAMES.length]}`;

/** An e-mail-safe form of a name: accents dropped, lower case, dots between words. */
export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

// `WEB_CONCURRENCY=N npm start` on PostgreSQL serves from N processes on one port
// (scripts/serve.mjs): every process answers, one that dies is replaced, SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import { E2E, e2eDatabaseUrl } from './support/env';

const base = `http://127.0.0.1:${E2E.clusterPort}`;

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until the server says it is ready (`/readyz` answers 200). */
async function ready() {
  const status = () =>
    fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
  await expect.poll(status, { timeout: 30_000 }).toBe(200);
}

test('on PostgreSQL, WEB_CONCURRENCY server processes share the port; a process that dies is replaced; SIGTERM stops them all', async () => {
  const databaseUrl = e2eDatabaseUrl();
  test.skip(!databaseUrl, 'runs only on PostgreSQL (TEST_DATABASE_URL): the embedded database admits one process');
  test.setTimeout(90_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    WEB_CONCURRENCY: '2',
    WORKER: 'off',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    // A process ending later than this is replaced rather than stopping the server (10 s by default).
    SERVE_START_GRACE_MS: '3000',
  };
  const server = spawn(process.execPath, [path.resolve('scripts/serve.mjs'), '-p', String(E2E.clusterPort)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const started = Date.now();
  try {
    await expect.poll(() => childrenOf(server.pid!).length, { timeout: 30_000 }).toBe(2);
    const first = childrenOf(server.pid!);
    const seen = new Set(first);
    await ready();
    // Many connections, each a new one: both processes take their share, all answer.
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/login`, { headers: { connection: 'close' } }).then((r) => r.status)));
    expect(statuses).toEqual(Array(20).fill(200));

    // A process that ends after it started well is replaced (one that fails at start-up stops the server).
    await new Promise((r) => setTimeout(r, Math.max(0, 3_500 - (Date.now() - started))));
    process.kill(first[0]!, 'SIGKILL');
    await expect.poll(() => childrenOf(server.pid!).filter((pid) => !first.includes(pid)).length, { timeout: 30_000 }).toBe(1);
    for (const pid of childrenOf(server.pid!)) seen.add(pid);
    await ready();
    expect(output).toContain('terminou');

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect([...seen].filter(alive)).toEqual([]);
    await expect(fetch(`${base}/login`)).rejects.toThrow();
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    for (const pid of childrenOf(server.pid!)) process.kill(pid, 'SIGKILL');
  }
});

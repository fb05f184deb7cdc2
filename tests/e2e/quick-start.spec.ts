// The README's quick start as a newcomer runs it (`npm start`): a fresh embedded database,
// the demo seeded, the sign-in printed, the jobs in the same process. And what a rolling
// restart relies on: on SIGTERM a request in flight is answered, new connections are refused,
// the in-process worker stops cleanly, and the process exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { needsBuild } from '../../scripts/runtime';
import { expect, test } from './support/test';
import { E2E } from './support/env';

const base = `http://127.0.0.1:${E2E.quickStartPort}`;

test('npm start on a fresh machine: demo seeded, sign-in printed and working; SIGTERM finishes the request in flight and stops the worker', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // `npm start` would build first, replacing the build the suite's servers are running.
  if (needsBuild(process.cwd())) throw new Error('The sources changed after the build: run the browser tests with `npm run test:e2e`, which builds first.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portaria-quick-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(E2E.quickStartPort), PORTARIA_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of ['DATABASE_URL', 'DEMO_ADMIN_PASSWORD', 'AUTH_SECRET', 'SMTP_URL', 'LOG_LEVEL', 'WORKER', 'APP_URL']) delete env[name];
  const server = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => output, { timeout: 200_000, intervals: [500] }).toContain('Portaria pronto em');
    const password = /Entre com admin@demo\.test e a senha (\S+)/.exec(output)?.[1];
    expect(password, output).toBeTruthy();

    const context = await browser.newContext({ baseURL: base, locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('admin@demo.test');
    await page.getByLabel('Senha').fill(password!);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/contacts');
    await expect(page.getByRole('link', { name: 'Importar usuários' })).toBeVisible();
    await context.close();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // A request in flight (its body still arriving) when SIGTERM comes.
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/forgot-password`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 30, origin: base } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('email=');
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => req.end('x'.repeat(24)), 1500);
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 1000));
    const refused = await fetch(`${base}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
    const late = await answered;
    expect(late.status).toBe(200);
    expect(late.body).toContain('</html>');
    await exited;
    // The in-process worker stopped before the process left; the log is JSON lines.
    expect(output).toContain('"msg":"worker.stopped"');
    expect(output).toContain('"msg":"shutdown.finished"');
    expect(output).toMatch(/"method":"POST","path":"\/forgot-password","status":200,.*"msg":"request"/);
    // The signed-in request's line names the company and the account by id, and no line
    // names a person or carries the password (the log sender's e-mails are not log lines).
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const list = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request' && l.path === '/contacts' && l.status === 200);
    expect(list).toMatchObject({ companyId: expect.stringMatching(/^[0-9a-f-]{36}$/), accountId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(lines.join('\n')).not.toContain('admin@demo.test');
    expect(lines.join('\n')).not.toContain(password!);
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

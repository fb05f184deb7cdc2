// `npm start`: build when needed, apply migrations, seed the demo company on an empty
// embedded database, then serve. `npm run dev` does the same with the dev server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectFromEnv } from '../db/connect';
import { installConnection } from '../db/client';
import { demoSignIn, seedDemo } from '../db/seed';
import { assertEmbeddedDatabaseFree, authSecret, ensureDataDir, holdEmbeddedDatabase, needsBuild, rememberPort } from './runtime';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const embedded = !process.env.DATABASE_URL;
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const serverProcesses = () => (embedded || dev ? 1 : Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY) || 1)));

if (embedded && process.env.WORKER === 'off') {
  console.error('WORKER=off precisa de um PostgreSQL (DATABASE_URL): só um processo abre o banco embutido, e é ele que executa as importações e os e-mails.');
  process.exit(1);
}
assertEmbeddedDatabaseFree();
const dir = ensureDataDir();
const env: NodeJS.ProcessEnv = { ...process.env, PORTARIA_DATA_DIR: dir, AUTH_SECRET: authSecret(), PORT: String(port) };
rememberPort(port);

if (!dev && needsBuild(root)) {
  console.log('Compilando o Portaria (só na primeira vez ou depois de mudanças)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The embedded database is opened here, migrated, seeded and closed before the server
// opens it: never two processes on it at once.
const conn = connectFromEnv();
installConnection(conn);
await conn.migrate();
let signIn = '';
if (embedded || process.env.SEED_DEMO === '1') {
  const passwordFile = path.join(dir, 'demo-admin-password');
  let password = process.env.DEMO_ADMIN_PASSWORD;
  let generated = false;
  if (!password) {
    generated = true;
    password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : randomBytes(9).toString('base64url');
  }
  const seeded = await seedDemo(conn.db, password);
  if (seeded && generated) writeFileSync(passwordFile, password, { mode: 0o600 });
  signIn = await demoSignIn(conn.db, password);
}
await conn.close();

// On PostgreSQL, WEB_CONCURRENCY server processes on one port (scripts/serve.mjs); one by
// default (decision 017). The embedded database admits one process, and the development
// server is one.
const child =
  serverProcesses() === 1
    ? spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(port)], { stdio: 'inherit', env })
    : spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(port)], { stdio: 'inherit', env });
const release = holdEmbeddedDatabase(child.pid ?? process.pid);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  release();
  process.exit(code ?? (signal ? 0 : 1));
});

// Announce once the server answers.
const url = `http://localhost:${port}`;
for (let i = 0; i < 600; i++) {
  try {
    const res = await fetch(`${url}/login`, { redirect: 'manual' });
    if (res.status < 500) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nPortaria pronto em ${url}`);
if (signIn) console.log(signIn);
console.log(
  embedded
    ? `Banco de dados embutido (PGlite) em ${path.relative(root, dir) || dir}`
    : `Banco de dados: PostgreSQL (DATABASE_URL); ${serverProcesses()} ${serverProcesses() === 1 ? 'processo' : 'processos'} do servidor (WEB_CONCURRENCY).`,
);
console.log(
  process.env.WORKER === 'off' ? 'Importações, e-mails e limpezas: em `npm run worker` (WORKER=off).' : 'Importações, e-mails e limpezas: neste processo.',
);
console.log(
  process.env.SMTP_URL
    ? 'E-mails enviados por SMTP (SMTP_URL).'
    : 'SMTP não configurado: cada e-mail (com os links de convite) é escrito neste registro; "E-mails enviados" lista os envios.',
);

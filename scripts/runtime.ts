// Shared by the start script and the command-line tools: the data directory, the secret,
// and the guard that keeps two processes from opening the embedded database at once.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../db/connect';

export function ensureDataDir(): string {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** AUTH_SECRET from the environment, else one generated once and kept under the data dir. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(ensureDataDir(), 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const lockFile = () => path.join(dataDir(), 'server.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PGlite has no lock of its own: refuse to open the embedded database while the server runs. */
export function assertEmbeddedDatabaseFree(): void {
  if (process.env.DATABASE_URL) return;
  const file = lockFile();
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (pid && pid !== process.pid && alive(pid)) {
    console.error(
      `O servidor do Portaria (processo ${pid}) está usando o banco embutido em ${dataDir()}.\n` +
        'Pare o servidor (Ctrl+C) e rode o comando de novo, ou use DATABASE_URL com um PostgreSQL.',
    );
    process.exit(1);
  }
}

export function holdEmbeddedDatabase(pid: number): () => void {
  if (process.env.DATABASE_URL) return () => {};
  writeFileSync(lockFile(), String(pid));
  return () => rmSync(lockFile(), { force: true });
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** No build yet, or a source changed after it: `npm start` builds first. */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'lib', 'components', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

const portFile = () => path.join(dataDir(), 'port');

/** The port `npm start` serves on, kept for the command line's links (company:create). */
export function rememberPort(port: number): void {
  try {
    writeFileSync(portFile(), String(port));
  } catch {
    /* a read-only data directory: the links fall back to PORT or 3000 */
  }
}

/**
 * Links printed by the command line point where the server is: APP_URL, else PORT, else the
 * port `npm start` last served on with this data directory.
 */
export function applyServerAddress(): void {
  if (process.env.APP_URL || process.env.PORT) return;
  try {
    const port = Number(readFileSync(portFile(), 'utf8').trim());
    if (Number.isInteger(port) && port > 0 && port < 65536) process.env.PORT = String(port);
  } catch {
    /* never started here: http://localhost:3000 */
  }
}

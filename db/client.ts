import 'server-only';
import { connectFromEnv, type Connection, type Database } from './connect';

// One connection per server process. Kept on globalThis so that Next's separate module
// graphs (instrumentation, route handlers, server actions) share it, and so tests can
// install a database of their own before the first query.
const globalForDb = globalThis as unknown as { __portariaConnection?: Connection };

export function connection(): Connection {
  globalForDb.__portariaConnection ??= connectFromEnv();
  return globalForDb.__portariaConnection;
}

export function installConnection(conn: Connection): void {
  globalForDb.__portariaConnection = conn;
}

export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = connection().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export type { Database, Executor, Tx } from './connect';

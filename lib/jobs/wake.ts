// A web server whose jobs run in a worker of their own (WORKER=off) tells the workers about
// new work through PostgreSQL's LISTEN/NOTIFY: an import started or an e-mail queued is taken
// up within milliseconds rather than at the worker's next tick. A lost notice costs only that
// wait: the workers' timers find every job anyway.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { connection, db } from '@/db/client';
import { log } from '@/lib/log';

export const WAKE_CHANNEL = 'portaria_jobs';

/** Sent after the change that queued the work has committed. */
export function wakeWorkers(loop: string): void {
  if (connection().kind !== 'postgres') return;
  db.execute(sql`select pg_notify(${WAKE_CHANNEL}, ${loop})`).catch((err: unknown) => log().warn({ err, loop }, 'wake.failed'));
}

/**
 * The worker's side: one connection of its own that listens, and comes back after a lost
 * connection. Resolves to the function that stops listening.
 */
export async function listenForWakeUps(url: string, onWake: (loop: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const reconnect = (): void => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnect), 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === WAKE_CHANNEL && n.payload) onWake(n.payload);
    });
    c.on('error', (err) => {
      log().warn({ err }, 'wake.listener_lost');
      void c.end().catch(() => undefined);
      reconnect();
    });
    await c.connect();
    await c.query(`listen ${WAKE_CHANNEL}`);
    client = c;
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

// `npm run worker`: the jobs (imports, e-mail delivery, the ten-minute housekeeping with the
// erase job) in a process of their own, on PostgreSQL. Run any number of them next to web
// servers started with WORKER=off: every job is claimed with a lease or SKIP LOCKED, so none
// runs twice. On SIGTERM the current import batch commits and its lease is released, claimed
// e-mails not yet sent go back to the queue, and the process exits 0.
process.env.PORTARIA_ROLE ??= 'worker';
// This process is the worker, whatever the web servers' WORKER says.
process.env.WORKER = 'on';

import { connectFromEnv } from '../db/connect';
import { installConnection } from '../db/client';
import { readiness } from '../lib/health';
import { listenForWakeUps } from '../lib/jobs/wake';
import { runLoopNamed, startWorkers, stopWorkers } from '../lib/jobs/workers';
import { log } from '../lib/log';
import { onShutdown, shutdown } from '../lib/shutdown';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'O worker precisa de um PostgreSQL (DATABASE_URL). Com o banco embutido, `npm start` já executa as importações e os e-mails no mesmo processo.',
  );
  process.exit(1);
}

const conn = connectFromEnv();
installConnection(conn);

// A worker of a newer build than the database waits for the migrations (run by `npm start`
// or `npm run db:migrate`) rather than writing to tables that are not there yet.
for (let attempt = 0; ; attempt++) {
  const state = await readiness(conn.db);
  if (state.ready) break;
  if (attempt % 10 === 0) log().warn(state, 'worker.waiting_for_database');
  await new Promise((r) => setTimeout(r, 1000));
}

startWorkers();
const unlisten = await listenForWakeUps(url, runLoopNamed);

onShutdown(unlisten);
onShutdown(stopWorkers);
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log().info({ signal }, 'worker.stopping');
  // The loops end at their next safe point, within SHUTDOWN_GRACE_MS (lib/shutdown.ts).
  await shutdown(signal);
  await conn.close().catch(() => undefined);
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));

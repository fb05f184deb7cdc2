// `next start` in WEB_CONCURRENCY processes, all on one port (node:cluster hands each new
// connection to the next process). A page is rendered by one Node thread, so one process uses
// one core; the processes share nothing but the database, as several instances do
// (docs/decisions/017). `npm start` uses it on PostgreSQL when WEB_CONCURRENCY is above 1; never
// on the embedded database, which admits one process.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';

const count = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
cluster.setupPrimary({ exec: nextBin, args: ['start', ...process.argv.slice(2)] });

// A process that ends this soon after it started could not start: the server stops.
const startGrace = Number(process.env.SERVE_START_GRACE_MS) || 10_000;
let stopping = false;
const started = new Map();
function fork() {
  const worker = cluster.fork();
  started.set(worker.id, Date.now());
}
for (let i = 0; i < count; i++) fork();

cluster.on('exit', (worker, code, signal) => {
  const ranFor = Date.now() - (started.get(worker.id) ?? 0);
  started.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A process that ends on its own is replaced; one that could not start stops the whole.
  console.error(`Processo do servidor ${worker.process.pid} terminou (${signal ?? code}).`);
  if (ranFor < startGrace) {
    console.error('Terminou ao iniciar: o servidor para.');
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    process.exitCode = 1;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
    return;
  }
  fork();
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  });
}

// Graceful shutdown of a server process. On SIGTERM (a rolling restart, `docker stop`) or
// SIGINT, `next start` stops accepting connections, waits for the requests in flight and then
// exits. Before it exits, the background work of this process (the in-process worker) stops:
// an import finishes its current batch and releases its lease, claimed e-mails that were not
// sent go back to the queue, so another process takes over at once and nothing is lost or
// done twice. "/readyz" answers 503 from the first moment, for the load balancer.
import http from 'node:http';
import { log } from '@/lib/log';

type ShutdownState = { stopping: boolean; tasks: Array<() => Promise<void>>; done?: Promise<void>; installed?: boolean };
const g = globalThis as unknown as { __portariaShutdown?: ShutdownState };
const state = (g.__portariaShutdown ??= { stopping: false, tasks: [] });

/** How long the background work may take to stop before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);

export const isShuttingDown = (): boolean => state.stopping;

/** Work to stop before the process exits (awaited, in parallel). */
export function onShutdown(task: () => Promise<void>): void {
  state.tasks.push(task);
}

/** Stops this process's background work, once; later calls get the same promise. */
export function shutdown(reason = 'shutdown'): Promise<void> {
  state.stopping = true;
  state.done ??= (async () => {
    const started = Date.now();
    log().info({ reason }, 'shutdown.started');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS);
    });
    const stopped = Promise.allSettled(state.tasks.map((t) => t())).then(() => 'stopped' as const);
    const outcome = await Promise.race([stopped, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') log().warn({ ms: Date.now() - started }, 'shutdown.grace_expired');
    else log().info({ ms: Date.now() - started }, 'shutdown.finished');
  })();
  return state.done;
}

/**
 * Under `next start`: marks the process as stopping on the first signal, and holds back the
 * HTTP server's close callback (after which Next exits the process) until the background
 * work has stopped too.
 */
export function installGracefulShutdown(): void {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal));
  const proto = http.Server.prototype;
  const close = proto.close;
  proto.close = function (this: http.Server, callback?: (err?: Error) => void) {
    return close.call(this, (err?: Error) => {
      void shutdown('server closed').then(() => callback?.(err));
    });
  } as typeof proto.close;
}

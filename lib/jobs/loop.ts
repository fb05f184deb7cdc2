// The scaffolding of a background loop, shared by the worker's loops (lib/jobs/workers.ts):
// one run at a time per process, a run asked for while one is going happens right after it, a
// timer picks up work that other processes left (an expired lease, a message due for a
// retry), an error is logged, never thrown at whoever asked for the run, and a stop lets the
// current run end at its next safe point (the signal its work receives).
import { log } from '@/lib/log';
import { wakeWorkers } from './wake';

type LoopState = { running?: Promise<void>; again: boolean; timer?: NodeJS.Timeout; controller: AbortController };

// Kept on globalThis: Next loads server modules in more than one module graph
// (instrumentation, route handlers, server actions), and each loop must exist once.
const loops = globalThis as unknown as { __portariaLoops?: Map<string, LoopState> };

export type Loop = {
  readonly name: string;
  /**
   * Called after a change that queued work commits: runs now (after the current run, if one
   * is going). On a web server whose worker runs apart (WORKER=off), wakes the workers.
   */
  kick(): void;
  /** Start the timer (once per process) and run. */
  start(intervalMs?: number): void;
  /** One run, awaited (tests, and the kick and the timer underneath). */
  runOnce(): Promise<void>;
  /** No new run; the current one ends at its next safe point; resolves when it has. */
  stop(): Promise<void>;
};

/** This process runs the pages only; the jobs run in `npm run worker`. */
export const workerApart = (): boolean => process.env.WORKER === 'off';

export function backgroundLoop(name: string, work: (signal: AbortSignal) => Promise<void>): Loop {
  const all = (loops.__portariaLoops ??= new Map());
  const state = (): LoopState => {
    let s = all.get(name);
    if (!s) all.set(name, (s = { again: false, controller: new AbortController() }));
    return s;
  };

  async function loop(s: LoopState): Promise<void> {
    try {
      do {
        s.again = false;
        const started = performance.now();
        await work(s.controller.signal);
        const ms = performance.now() - started;
        if (ms > 1000) log().debug({ job: name, ms: Math.round(ms) }, 'job.run');
      } while (s.again && !s.controller.signal.aborted);
    } catch (err) {
      log().error({ job: name, err }, 'job.failed');
    }
  }

  function runOnce(): Promise<void> {
    const s = state();
    if (s.controller.signal.aborted) return Promise.resolve();
    if (s.running) {
      s.again = true;
      return s.running;
    }
    s.running = loop(s).finally(() => {
      s.running = undefined;
    });
    return s.running;
  }

  return {
    name,
    runOnce,
    kick: () => {
      if (workerApart()) wakeWorkers(name);
      else setImmediate(() => void runOnce());
    },
    start(intervalMs = 5000) {
      const s = state();
      if (s.timer) return;
      s.timer = setInterval(() => void runOnce(), intervalMs);
      s.timer.unref();
      void runOnce();
    },
    async stop() {
      const s = state();
      clearInterval(s.timer);
      s.controller.abort();
      await s.running;
    },
  };
}

// The scaffolding of a background loop, shared by the mail and import workers: one run at a
// time per process, a run asked for while one is going happens right after it, a timer picks
// up work that other processes left (an expired lease, a message due for a retry), and an
// error is logged, never thrown at whoever asked for the run.

type LoopState = { running: boolean; again: boolean; timer?: NodeJS.Timeout };

// Kept on globalThis: Next loads server modules in more than one module graph
// (instrumentation, route handlers, server actions), and each loop must exist once.
const loops = globalThis as unknown as { __portariaLoops?: Map<string, LoopState> };

export type Loop = {
  /** Run now (after the current run, if one is going): called after a change that queued work commits. */
  kick(): void;
  /** Start the timer (once per process) and run. */
  start(intervalMs?: number): void;
  /** One run, awaited (tests, and the kick and the timer underneath). */
  runOnce(): Promise<void>;
};

export function backgroundLoop(name: string, work: () => Promise<void>): Loop {
  const all = (loops.__portariaLoops ??= new Map());
  const state = (): LoopState => {
    let s = all.get(name);
    if (!s) all.set(name, (s = { running: false, again: false }));
    return s;
  };

  async function runOnce(): Promise<void> {
    const s = state();
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    try {
      do {
        s.again = false;
        await work();
      } while (s.again);
    } catch (err) {
      console.error(`[${name}] worker failed`, err);
    } finally {
      s.running = false;
    }
  }

  return {
    runOnce,
    kick: () => void setImmediate(() => void runOnce()),
    start(intervalMs = 5000) {
      const s = state();
      if (s.timer) return;
      s.timer = setInterval(() => void runOnce(), intervalMs);
      s.timer.unref();
      void runOnce();
    },
  };
}

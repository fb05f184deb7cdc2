// Structured logs: one JSON line per request (lib/http/request-log.ts) and per job step, on
// standard output, through pino. A line names people and companies by id only: never an
// e-mail, a name, a document, a query string, a token or a password (docs/decisions/013).
//
// Kept free of 'server-only' so the worker and the command-line tools use the same logger.
import { AsyncLocalStorage } from 'node:async_hooks';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';

/** What a line written during a request carries without being told: its id, and who asked. */
export type LogScope = { reqId: string; companyId?: string; accountId?: string };

type LogGlobals = { logger?: Logger; scope?: AsyncLocalStorage<LogScope> };
// On globalThis: Next loads server modules in more than one module graph, and the request
// hook (instrumentation) and the session check (a page) must share one scope store.
const g = globalThis as unknown as { __portariaLog?: LogGlobals };
const globals = (g.__portariaLog ??= {});

export const logScope: AsyncLocalStorage<LogScope> = (globals.scope ??= new AsyncLocalStorage<LogScope>());

/** Adds who is asking to the current request's lines (the session check calls it). */
export function setLogIdentity(ids: { companyId?: string; accountId?: string }): void {
  const scope = logScope.getStore();
  if (!scope) return;
  if (ids.companyId) scope.companyId = ids.companyId;
  if (ids.accountId) scope.accountId = ids.accountId;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A terminal gets a short readable line per entry; anything else gets the JSON line. */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      try {
        const { level, time, msg, pid: _pid, hostname: _host, service: _service, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join(' ');
        const at = new Date(Number(time)).toLocaleTimeString('pt-BR', { hour12: false });
        process.stdout.write(`${at} ${LEVELS[Number(level)] ?? level} ${msg ?? ''} ${fields}\n`);
      } catch {
        process.stdout.write(line);
      }
    },
  };
}

/**
 * Under the tests, errors go to console.error, where an unexpected one fails the test
 * (tests/setup/console.ts); the rest is dropped.
 */
function testLines(): DestinationStream {
  return {
    write(line: string) {
      if ((JSON.parse(line) as { level: number }).level >= 50) console.error(line.trim());
    },
  };
}

function destination(): DestinationStream {
  if (process.env.VITEST) return testLines();
  if (process.env.LOG_FORMAT !== 'json' && process.stdout.isTTY) return readableLines();
  // Synchronous: a line written just before the process exits (a shutdown) is not lost.
  return pino.destination({ dest: 1, sync: true });
}

function createLogger(): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
      base: { pid: process.pid, hostname: hostname(), service: process.env.PORTARIA_ROLE ?? 'web' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      // Whatever is logged inside a request carries its id and, once known, who asked.
      mixin: () => ({ ...logScope.getStore() }),
      // Never written, even if a caller passes them by mistake.
      redact: {
        paths: ['password', 'token', 'secret', 'cookie', 'authorization', '*.password', '*.token', '*.secret', '*.cookie', '*.authorization'],
        remove: true,
      },
      serializers: { err: errorFields },
    },
    destination(),
  );
}

/** The process's logger. */
export function log(): Logger {
  return (globals.logger ??= createLogger());
}

/** Replaces the process's logger (tests that read the lines). */
export function setLogger(logger: Logger): void {
  globals.logger = logger;
}

/**
 * What a log line keeps of an error: its kind, the database's code and its own words, and
 * where it happened. Drizzle's wrapper ("Failed query: … params: …") carries the query's
 * values, personal data among them: the database's error underneath is logged instead, and
 * its detail ("Key (email)=(…)") is left out.
 */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 300) };
  const root = err.message.startsWith('Failed query') && err.cause instanceof Error ? err.cause : err;
  const code = (root as { code?: unknown }).code;
  const message = root.message.startsWith('Failed query') ? 'Failed query' : root.message.slice(0, 300);
  const stack = (root.stack ?? '').split('\n').slice(1, 8).join('\n');
  return { type: root.name, ...(typeof code === 'string' ? { code } : {}), message, stack };
}

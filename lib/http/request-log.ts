import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { log, logScope, type LogScope } from '@/lib/log';

/** The request id a load balancer may already have given (kept when it looks like one). */
export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Load-balancer probes: logged only at the debug level, or they would drown the rest. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && VALID_ID.test(given) ? given : randomUUID();
}

/**
 * One JSON line per request this process serves, when its response ends: request id, method,
 * path (never the query string: searches carry names and e-mails), status, duration, and the
 * company and account ids the session check found. The id goes back in `x-request-id`, and
 * every line logged while the request runs carries it (lib/log.ts). Installed once, like the
 * peer header, on the HTTP server underneath `next start`.
 */
export function installRequestLog(): void {
  const proto = http.Server.prototype as http.Server & { __portariaRequestLog?: boolean };
  if (proto.__portariaRequestLog) return;
  proto.__portariaRequestLog = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const call = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== 'request') return call();
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const started = performance.now();
    const scope: LogScope = { reqId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) };
    req.headers[REQUEST_ID_HEADER] = scope.reqId;
    res.setHeader(REQUEST_ID_HEADER, scope.reqId);
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 300);
    res.once('close', () => {
      const line = {
        ...scope,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const logger = log();
      if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    return logScope.run(scope, call);
  } as typeof proto.emit;
}

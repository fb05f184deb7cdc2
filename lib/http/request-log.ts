import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { log, logScope, type LogScope } from '@/lib/log';
import { ROUTER_STATE_HEADER, routerStateRefused, RSC_HEADER } from './router-state';

/** The request id a load balancer may already have given (kept when it looks like one). */
export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Load-balancer probes: logged only at the debug level when they succeed, or they would drown the rest. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * The request's id: the one a proxy of ours gave (TRUST_PROXY > 0 says there is one, and it
 * sets the header itself), else a new one. A client never chooses the id its lines are filed under.
 */
export function requestIdFrom(header: string | string[] | undefined, trustProxy: boolean): string {
  const given = Array.isArray(header) ? header[0] : header;
  return trustProxy && given && VALID_ID.test(given) ? given : randomUUID();
}

// Pages whose address carries a secret (a link's token): the log keeps the route, never the token.
const SECRET_SEGMENT_AFTER = ['/invite/', '/reset-password/', '/signup/'];
/** Pages under those prefixes whose segment is a name, not a token. */
const NAMED_SEGMENTS = new Set(['/signup/confirmed']);

/** The path as logged: no query string, and no token where the address carries one. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!.slice(0, 300);
  if (NAMED_SEGMENTS.has(path)) return path;
  for (const prefix of SECRET_SEGMENT_AFTER) {
    if (path.startsWith(prefix) && path.length > prefix.length) {
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      return `${prefix}:token${slash >= 0 ? rest.slice(slash) : ''}`;
    }
  }
  return path;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// A host name or address with an optional port: what a browser sends, and nothing Next would fail on.
const HOST = /^[A-Za-z0-9._-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const PROTO = /^https?$/;

/**
 * What Next would answer with HTTP 500 and a stack trace in the log, answered here instead: a
 * method it does not serve (TRACE, CONNECT), an address that is not a path (`*`, an absolute
 * URL), a Host or forwarded host/protocol that is not one, a router state Next cannot read.
 */
export function refusal(req: http.IncomingMessage): { status: number; text: string } | null {
  if (!METHODS.has(req.method ?? '')) return { status: 405, text: 'Method Not Allowed' };
  if (!req.url?.startsWith('/') || req.url.startsWith('//')) return { status: 400, text: 'Bad Request' };
  const host = req.headers.host;
  if (host !== undefined && !HOST.test(host)) return { status: 400, text: 'Bad Request' };
  const forwardedHost = req.headers['x-forwarded-host'];
  if (forwardedHost !== undefined && !(typeof forwardedHost === 'string' && forwardedHost.split(',').every((h) => HOST.test(h.trim())))) {
    return { status: 400, text: 'Bad Request' };
  }
  const forwardedProto = req.headers['x-forwarded-proto'];
  if (forwardedProto !== undefined && !(typeof forwardedProto === 'string' && forwardedProto.split(',').every((p) => PROTO.test(p.trim())))) {
    return { status: 400, text: 'Bad Request' };
  }
  if (routerStateRefused(req.headers[RSC_HEADER], req.headers[ROUTER_STATE_HEADER])) return { status: 400, text: 'Bad Request' };
  return null;
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
  const trustProxy = (Number.parseInt(process.env.TRUST_PROXY ?? '0', 10) || 0) > 0;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const call = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== 'request') return call();
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const started = performance.now();
    const scope: LogScope = { reqId: requestIdFrom(req.headers[REQUEST_ID_HEADER], trustProxy) };
    req.headers[REQUEST_ID_HEADER] = scope.reqId;
    res.setHeader(REQUEST_ID_HEADER, scope.reqId);
    const path = loggedPath(req.url);
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
      if (QUIET_PATHS.has(path) && res.statusCode < 400) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    const refused = refusal(req);
    if (refused) {
      res.writeHead(refused.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end(refused.text);
      return true;
    }
    return logScope.run(scope, call);
  } as typeof proto.emit;
}

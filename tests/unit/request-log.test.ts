import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRequestLog, loggedPath, requestIdFrom } from '@/lib/http/request-log';
import { setLogger } from '@/lib/log';

// The request log on a real HTTP server: one JSON line per request, never a link's token,
// never a request id the client chose; and the requests Next would answer with HTTP 500 and a
// stack trace (TRACE, `*`, a Host that is not one, a router state Next cannot read) answered here, before any handler runs.

const lines: Array<Record<string, unknown>> = [];
let handled: string[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  setLogger(pino({ level: 'debug', base: null }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }));
  delete process.env.TRUST_PROXY;
  installRequestLog();
  server = http.createServer((req, res) => {
    handled.push(`${req.method} ${req.url}`);
    res.statusCode = req.url === '/readyz' ? 503 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request, as a client may write it; resolves to the status line's code. */
function raw(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (c) => (answer += c.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  await res.text();
  await new Promise((r) => setTimeout(r, 20)); // the line is written when the response closes
  return { status: res.status, id: res.headers.get('x-request-id'), line: lines.at(-1)! };
}

describe('the request log', () => {
  it('writes the route of a link, never its token, and never the query string', async () => {
    const token = 'p7bx0noWjz5ta4UUhLBo6uBfOShFr9ydYJYgTQzS6gg';
    for (const [path, logged] of [
      [`/invite/${token}`, '/invite/:token'],
      [`/reset-password/${token}?x=1`, '/reset-password/:token'],
      [`/signup/${token}`, '/signup/:token'],
      ['/signup/confirmed', '/signup/confirmed'],
      ['/contacts?q=joao.pereira@demo.test', '/contacts'],
    ] as const) {
      const { line } = await get(path);
      expect(line).toMatchObject({ msg: 'request', method: 'GET', path: logged, status: 200 });
    }
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain('joao.pereira');
    expect(loggedPath(`/invite/${token}/extra`)).toBe('/invite/:token/extra');
  });

  it('gives every request an id of its own: a client cannot file its request under another id', async () => {
    const chosen = '60815e68-f9bf-45db-a0e3-68e049e4901f';
    const { id, line } = await get('/profile', { 'x-request-id': chosen });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe(chosen);
    expect(line.reqId).toBe(id);
    // Behind a proxy of ours (TRUST_PROXY > 0) the proxy's id is kept, if it looks like one.
    expect(requestIdFrom(chosen, true)).toBe(chosen);
    expect(requestIdFrom('x\ny', true)).not.toBe('x\ny');
  });

  it('answers what Next would fail on with a 4xx, before any handler, and logs it', async () => {
    handled = [];
    expect(await raw('TRACE /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe(405);
    expect(await raw('OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe(400);
    expect(await raw('GET http://evil.test/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe(400);
    expect(await raw('GET /login HTTP/1.1\r\nHost: a b\r\n\r\n')).toBe(400);
    expect(await raw('GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Host: a b\r\n\r\n')).toBe(400);
    expect(await raw('GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: a b\r\n\r\n')).toBe(400);
    // A router state Next cannot read, or two of them (Next fails on both).
    expect(await raw('GET /login?_rsc=x HTTP/1.1\r\nHost: 127.0.0.1\r\nRSC: 1\r\nNext-Router-State-Tree: garbage\r\n\r\n')).toBe(400);
    const tree = encodeURIComponent('["",{}]');
    expect(
      await raw(`GET /login?_rsc=x HTTP/1.1\r\nHost: 127.0.0.1\r\nRSC: 1\r\nNext-Router-State-Tree: ${tree}\r\nNext-Router-State-Tree: ${tree}\r\n\r\n`),
    ).toBe(400);
    expect(handled).toEqual([]);
    expect(await raw(`GET /login?_rsc=x HTTP/1.1\r\nHost: 127.0.0.1\r\nRSC: 1\r\nNext-Router-State-Tree: ${tree}\r\nConnection: close\r\n\r\n`)).toBe(200);
    // Without `RSC: 1` Next does not read it: the request goes on.
    expect(await raw('GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nNext-Router-State-Tree: garbage\r\nConnection: close\r\n\r\n')).toBe(200);
    expect(handled).toEqual(['GET /login?_rsc=x', 'GET /login']);
    handled = [];
    expect(await raw('GET /login HTTP/1.1\r\nHost: portaria_web:3000\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n')).toBe(200);
    expect(handled).toEqual(['GET /login']);
    await new Promise((r) => setTimeout(r, 20));
    expect(lines.some((l) => l.method === 'TRACE' && l.status === 405)).toBe(true);
  });

  it('logs a failing probe at the info level, a healthy one at debug', async () => {
    const { line } = await get('/readyz');
    expect(line).toMatchObject({ path: '/readyz', status: 503, level: 30 });
    const healthy = await get('/healthz');
    expect(healthy.line).toMatchObject({ path: '/healthz', status: 200, level: 20 });
  });
});

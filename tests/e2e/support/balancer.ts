// A small round-robin HTTP load balancer on loopback, for the browser tests on two instances:
// each request (not each connection) goes to the next instance, so a page and its next click,
// a sign-in and the request after it, usually land on different servers. It adds the client's
// address to X-Forwarded-For, as a real balancer does (the instances run with TRUST_PROXY=1),
// keeps the Host header, streams bodies both ways, and names the instance that answered in
// `x-portaria-backend` (the tests check that both served). A test may pin its requests to one
// instance with `x-balancer-pin: N`, and still be on the site's one origin.
import http from 'node:http';

export type Balancer = { server: http.Server; served: number[]; close(): Promise<void> };

export function startBalancer(listenPort: number, backends: readonly number[]): Promise<Balancer> {
  // A connection per request to the instances: a kept-alive one can be closed by the instance
  // (its keep-alive timeout) just as the balancer reuses it, and the browser would get a 502
  // for a request no instance refused. On loopback a new connection costs nothing to speak of.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
  const served = backends.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const pin = Number(req.headers['x-balancer-pin']);
    delete req.headers['x-balancer-pin'];
    const index = pin >= 1 && pin <= backends.length ? pin - 1 : next++ % backends.length;
    served[index]!++;
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backends[index],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-portaria-backend': String(index + 1) });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('instância indisponível');
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(listenPort, '127.0.0.1', () =>
      resolve({
        server,
        served,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

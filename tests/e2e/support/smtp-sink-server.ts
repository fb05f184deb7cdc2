// A real SMTP server on loopback for the browser tests, with a small HTTP window on what
// it received: GET /messages?to=ADDRESS.
import { createServer } from 'node:http';
import { startSmtpSink } from '../../support/smtp-sink';
import { E2E } from './env';

const sink = await startSmtpSink({ port: E2E.smtpPort });
const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', E2E.sinkUrl);
  if (url.pathname === '/health') {
    res.end('ok');
    return;
  }
  if (url.pathname === '/messages') {
    const to = url.searchParams.get('to')?.toLowerCase();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(to ? sink.messages.filter((m) => m.to.includes(to)) : sink.messages));
    return;
  }
  res.statusCode = 404;
  res.end();
});
http.listen(Number(new URL(E2E.sinkUrl).port), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sink.close().then(() => process.exit(0)));

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import iconv from 'iconv-lite';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts, importJobs, mailOutbox } from '@/db/schema';
import { previewImport } from '@/lib/contacts/import/preview';
import { startImport } from '@/lib/contacts/import/run';
import { kickImports } from '@/lib/contacts/import/worker';
import { enqueueMail } from '@/lib/mail/outbox';
import { kickMailDelivery } from '@/lib/mail/worker';
import { makeCompany, randomCpf } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';
import { databaseUrl } from '../setup/postgres-url';
import { adminContext, uniqueEmail, type MadeCompany } from './contacts-helpers';

// `npm run worker` as a process of its own on this file's database: a web server with
// WORKER=off wakes it through LISTEN/NOTIFY; SIGTERM mid-import commits the batches in flight,
// releases the lease and exits 0; the next worker resumes at once; every row is written once;
// its log lines are JSON and name nobody. (PostgreSQL only: several processes on one database.)

type Worker = { child: ChildProcess; lines: string[]; exited: Promise<number | null> };

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let url: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  const [row] = (await db.execute<{ name: string }>(sql`select current_database() as name`)).rows;
  url = databaseUrl(process.env.TEST_DATABASE_URL!, row!.name);
});

afterAll(async () => {
  await sink.close();
});

function startWorker(extra: Record<string, string> = {}): Worker {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: sink.url,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      // Only a wake-up (or the start) finds work quickly: the timer is far away.
      WORKER_POLL_MS: '600000',
      IMPORT_BATCH: '20',
      VITEST: '',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  child.stderr!.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString()}`));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function until<T>(what: () => Promise<T | undefined | false>, ms: number, label: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const logged = (w: Worker, msg: string) => async () => w.lines.find((l) => l.includes(`"msg":"${msg}"`));

async function importOf(made: MadeCompany, rows: number) {
  const lines = ['pais;nome;documento;ddd;telefone;email;consultoria'];
  const emails: string[] = [];
  for (let i = 0; i < rows; i++) {
    const email = uniqueEmail(`proc${i}`);
    emails.push(email);
    lines.push(`Brasil;Pessoa Processo ${i + 1};${randomCpf()};11;987654321;${email};N`);
  }
  const result = await previewImport(adminContext(made), { name: 'processo.csv', bytes: new Uint8Array(iconv.encode(lines.join('\r\n'), 'windows-1252')) });
  if (!result.ok) throw new Error('preview refused');
  return { jobId: result.jobId, emails };
}

async function job(companyId: string, jobId: string) {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.companyId, companyId), eq(importJobs.id, jobId)));
  return row!;
}

describe('npm run worker', () => {
  it('is woken by a web server with WORKER=off, stops cleanly on SIGTERM mid-import; the next worker finishes the import at once, every row once; two workers send each invitation once', async () => {
    const first = startWorker();
    await until(logged(first, 'worker.started'), 30_000, 'the first worker');

    // A web server that does not run the jobs: its kick becomes a NOTIFY.
    process.env.WORKER = 'off';
    try {
      const made = await makeCompany();
      const to = uniqueEmail('acordar');
      await enqueueMail(db, { companyId: made.company.id, kind: 'access_granted', to, subject: 'Acesso liberado', text: 'Olá' });
      kickMailDelivery();
      await until(async () => sink.messages.find((m) => m.to.includes(to)), 5000, 'the woken worker to send the e-mail');

      const { jobId, emails } = await importOf(made, 2000);
      await startImport(adminContext(made), jobId);
      kickImports();
      await until(async () => (await job(made.company.id, jobId)).okRows > 0, 10_000, 'the first batch');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const stopped = await job(made.company.id, jobId);
      expect(stopped.status).toBe('importing');
      expect(stopped.leaseOwner).toBeNull();
      expect(stopped.okRows).toBeLessThan(2000);
      expect(await until(logged(first, 'worker.stopped'), 1000, 'the stop line')).toBeTruthy();

      // The next worker takes the import over as it starts: no lease to wait out.
      const startedAt = Date.now();
      const second = startWorker();
      try {
        await until(async () => (await job(made.company.id, jobId)).status === 'done', 60_000, 'the import to finish');
        const claimed = await until(async () => second.lines.find((l) => l.includes('"step":"claimed"')), 1000, 'the claim line');
        expect(claimed).toContain(jobId);
        expect(Date.now() - startedAt).toBeLessThan(60_000);

        const written = await db
          .select({ email: contacts.email })
          .from(contacts)
          .where(and(eq(contacts.companyId, made.company.id), eq(contacts.isAdmin, false)));
        expect(written).toHaveLength(2000);
        expect(new Set(written.map((c) => c.email)).size).toBe(2000);
        const invites = await db
          .select({ to: mailOutbox.toAddress })
          .from(mailOutbox)
          .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.kind, 'invite')));
        expect(invites.filter((m) => emails.includes(m.to))).toHaveLength(2000);
        expect(new Set(invites.map((m) => m.to)).size).toBe(invites.length);

        // A third worker joins while the invitations go out: each person gets exactly one.
        const third = startWorker();
        try {
          await until(
            async () => {
              const [row] = (
                await db.execute<{ n: number }>(
                  sql`select count(*)::int as n from mail_outbox where company_id = ${made.company.id} and kind = 'invite' and status = 'sent'`,
                )
              ).rows;
              return row!.n === 2000;
            },
            90_000,
            'every invitation to be sent',
          ).catch(async (err: unknown) => {
            const rows = await db.execute(
              sql`select kind, status, count(*)::int as n, max(attempts) as a, max(last_error) as e from mail_outbox where company_id = ${made.company.id} group by 1, 2`,
            );
            console.error(JSON.stringify(rows.rows), sink.messages.length, third.lines.slice(-5).join('\n'));
            throw err;
          });
          const received = sink.messages.filter((m) => m.to.some((to) => emails.includes(to)));
          expect(received).toHaveLength(2000);
          expect(new Set(received.map((m) => m.to[0])).size).toBe(2000);
          // Both took part.
          const sentBy = (w: Worker) =>
            w.lines.filter((l) => l.includes('"step":"delivered"')).reduce((n, l) => n + (JSON.parse(l) as { sent: number }).sent, 0);
          await until(async () => sentBy(third) > 0 && sentBy(second) > 0, 5000, 'both workers to report what they sent');
        } finally {
          third.child.kill('SIGTERM');
          expect(await third.exited).toBe(0);
        }

        // Every line is JSON and names the company and the job by id, never a person.
        const logText = [...first.lines, ...second.lines, ...third.lines].join('\n');
        for (const line of [...first.lines, ...second.lines, ...third.lines]) expect(() => JSON.parse(line)).not.toThrow();
        expect(logText).toContain(made.company.id);
        for (const email of [to, ...emails.slice(0, 50)]) expect(logText).not.toContain(email);
        expect(logText).not.toMatch(/Pessoa Processo/);
      } finally {
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
    } finally {
      delete process.env.WORKER;
    }
  }, 180_000);

  it('refuses to start without PostgreSQL, saying why', async () => {
    const w = startWorker({ DATABASE_URL: '' });
    expect(await w.exited).toBe(1);
    expect(w.lines.join('\n')).toMatch(/precisa de um PostgreSQL \(DATABASE_URL\)/);
  });
});

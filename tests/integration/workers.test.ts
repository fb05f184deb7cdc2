import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { connectPglite, openPglite } from '@/db/connect';
import { contacts, importJobs, mailOutbox } from '@/db/schema';
import { previewImport } from '@/lib/contacts/import/preview';
import { claimImportJob, runImportJob, startImport } from '@/lib/contacts/import/run';
import { readiness } from '@/lib/health';
import { backgroundLoop } from '@/lib/jobs/loop';
import { deliverDue, enqueueMail } from '@/lib/mail/outbox';
import { makeCompany, randomCpf } from '../support/fixtures';
import { adminContext, auditOf, mailOf, uniqueEmail, type MadeCompany } from './contacts-helpers';

// What makes a rolling restart lose nothing and do nothing twice: a stopping worker commits
// the batches in flight and hands its import back at once; claimed e-mails it did not send go
// back to the queue; the loops stop at a safe point. And what "/readyz" checks.

async function importJob(made: MadeCompany, rows: number) {
  const lines = ['pais;nome;documento;ddd;telefone;email;consultoria'];
  for (let i = 0; i < rows; i++) lines.push(`Brasil;Pessoa Parada ${i + 1};${randomCpf()};11;987654321;${uniqueEmail(`stop${i}`)};N`);
  const result = await previewImport(adminContext(made), { name: 'parada.csv', bytes: new Uint8Array(iconv.encode(lines.join('\r\n'), 'windows-1252')) });
  if (!result.ok) throw new Error('preview refused');
  await startImport(adminContext(made), result.jobId);
  return result.jobId;
}

/** A signal that reads "aborted" from its n-th look on: the worker stops after n−1 rounds of batches. */
function abortsAtLook(n: number): AbortSignal {
  let looks = 0;
  return {
    get aborted() {
      return ++looks >= n;
    },
  } as AbortSignal;
}

async function jobRow(companyId: string, jobId: string) {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.companyId, companyId), eq(importJobs.id, jobId)));
  return row!;
}

describe('a worker that stops', () => {
  it('commits the batch in flight, releases the import at once, and another worker finishes it with every row written once', async () => {
    const made = await makeCompany();
    const jobId = await importJob(made, 12);
    const first = randomUUID();
    const ref = (await claimImportJob(db, first))!;
    expect(await runImportJob(db, ref, first, { batchSize: 4, concurrency: 1, signal: abortsAtLook(3) })).toBe('released');

    const stopped = await jobRow(made.company.id, jobId);
    expect(stopped).toMatchObject({ status: 'importing', leaseOwner: null, leaseUntil: null });
    // Two batches of four lines committed (the first starts after the header), nothing after.
    expect(stopped.okRows).toBe(stopped.processedRows);
    expect(stopped.okRows).toBeGreaterThanOrEqual(6);
    expect(stopped.okRows).toBeLessThan(12);
    const [written] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(eq(contacts.companyId, made.company.id), eq(contacts.isAdmin, false)));
    expect(written!.n).toBe(stopped.okRows);
    // No lease to wait for: the next worker takes it over now.
    const second = randomUUID();
    expect(await claimImportJob(db, second)).toEqual(ref);
    expect(await runImportJob(db, ref, second, { batchSize: 5 })).toBe('done');

    expect(await jobRow(made.company.id, jobId)).toMatchObject({ status: 'done', okRows: 12, processedRows: 12 });
    const people = await db
      .select({ id: contacts.id, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.companyId, made.company.id), eq(contacts.isAdmin, false)));
    expect(people).toHaveLength(12);
    expect(new Set(people.map((p) => p.email)).size).toBe(12);
    const ids = new Set(people.map((p) => p.id));
    const created = await auditOf(made.company.id, 'contact.created');
    expect(created.filter((a) => ids.has(a.entityId!))).toHaveLength(12);
    const mail = await mailOf(made.company.id);
    expect(mail.filter((m) => m.kind === 'invite')).toHaveLength(12);
  });

  it('with two batches in flight, both commit before the import is released', async () => {
    const made = await makeCompany();
    const jobId = await importJob(made, 10);
    const owner = randomUUID();
    const ref = (await claimImportJob(db, owner))!;
    expect(await runImportJob(db, ref, owner, { batchSize: 3, concurrency: 2, signal: abortsAtLook(2) })).toBe('released');
    const row = await jobRow(made.company.id, jobId);
    expect(row.leaseOwner).toBeNull();
    expect(row.okRows).toBeGreaterThanOrEqual(5);
  });

  it('gives back the e-mails it claimed and did not send; the next run sends each of them once', async () => {
    const made = await makeCompany();
    while ((await deliverDue(db, async () => undefined, { batch: 500 })).sent > 0); // an empty queue: only these five are due
    const to = Array.from({ length: 5 }, (_, i) => uniqueEmail(`fila${i}`));
    await enqueueMail(
      db,
      to.map((address) => ({ companyId: made.company.id, kind: 'access_granted' as const, to: address, subject: 'Acesso liberado', text: 'Olá' })),
    );
    // Due from a millisecond the claim's clock has passed (the database's clock has microseconds).
    await new Promise((r) => setTimeout(r, 10));
    const controller = new AbortController();
    const delivered: string[] = [];
    const first = await deliverDue(
      db,
      async (m) => {
        delivered.push(m.toAddress);
        if (delivered.length === 2) controller.abort();
      },
      { signal: controller.signal, batch: 10 },
    );
    expect(first.sent).toBe(2);
    // The three others are due now, not in two minutes (the claim's lease).
    const waiting = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.companyId, made.company.id), eq(mailOutbox.status, 'pending'), eq(mailOutbox.kind, 'access_granted')));
    expect(waiting).toHaveLength(3);
    expect(waiting.every((m) => m.nextAttemptAt.getTime() <= Date.now())).toBe(true);

    await deliverDue(db, async (m) => void delivered.push(m.toAddress), { batch: 100 });
    expect(delivered.filter((address) => to.includes(address)).sort()).toEqual([...to].sort());
  });
});

describe('background loops', () => {
  it('stop after the current run, and run no more', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loop = backgroundLoop(`teste-${randomUUID()}`, async (signal) => {
      runs++;
      await gate;
      expect(signal.aborted).toBe(true);
    });
    const running = loop.runOnce();
    const stopped = loop.stop();
    release();
    await Promise.all([running, stopped]);
    await loop.runOnce();
    expect(runs).toBe(1);
  });
});

describe('readiness', () => {
  it('is ready on a migrated database', async () => {
    expect(await readiness(db)).toEqual({ ready: true, database: 'ok', migrations: 'ok' });
  });

  it('is not ready on a database without the migrations, nor when the last one is missing', async () => {
    const empty = connectPglite(openPglite());
    try {
      await empty.db.execute(sql`select 1`); // started (the check allows the database 2 s to answer)
      expect(await readiness(empty.db)).toEqual({ ready: false, database: 'ok', migrations: 'pending' });
    } finally {
      await empty.close();
    }
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
        expect(await readiness(tx)).toMatchObject({ ready: false, migrations: 'pending' });
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Error && /rollback/i.test(err.message))) throw err;
      });
    expect((await readiness(db)).ready).toBe(true);
  });

  it('reports an unreachable database', async () => {
    const closed = connectPglite(openPglite());
    await closed.db.execute(sql`select 1`);
    await closed.close();
    expect(await readiness(closed.db)).toEqual({ ready: false, database: 'unreachable', migrations: 'unknown' });
  });
});

import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { deliverDue, enqueueMail, listCompanyOutbox, MAX_ATTEMPTS, resendFailedMail, retryDelaySeconds } from '@/lib/mail/outbox';
import { smtpSender } from '@/lib/mail/transport';
import { makeCompany } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let refuse = false;

beforeAll(async () => {
  sink = await startSmtpSink({ reject: () => refuse });
});
afterAll(async () => {
  await sink.close();
});

async function queue(companyId: string | null, to: string, subject = 'Assunto com acentuação') {
  await enqueueMail(db, { companyId, kind: 'invite', to, subject, text: `Olá!\nLink: http://localhost/invite/abc\n${subject}` });
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
  return row!;
}

describe('delivery over SMTP', () => {
  it('delivers a queued message to a real SMTP server and marks it sent', async () => {
    const { company } = await makeCompany();
    const row = await queue(company.id, 'entrega@example.test');
    const result = await deliverDue(db, smtpSender(sink.url, 'Portaria <nao-responda@portaria.test>'));
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const received = sink.messages.filter((m) => m.to.includes('entrega@example.test'));
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe('Assunto com acentuação');
    expect(received[0]!.text).toContain('http://localhost/invite/abc');
    const [after] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries later with back-off when the server refuses, and gives up after the last attempt', async () => {
    const { company } = await makeCompany();
    const row = await queue(company.id, 'recusa@example.test');
    refuse = true;
    try {
      let now = new Date(Date.now() + 1000);
      await deliverDue(db, smtpSender(sink.url), { now });
      let [state] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
      expect(state).toMatchObject({ status: 'pending', attempts: 1 });
      expect(state!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelaySeconds(1) * 1000);
      expect(state!.lastError).toMatch(/mailbox unavailable/);
      // Not due yet: nothing is tried.
      expect(await deliverDue(db, smtpSender(sink.url), { now })).toEqual({ sent: 0, failed: 0 });
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        now = new Date(state!.nextAttemptAt.getTime() + 1);
        await deliverDue(db, smtpSender(sink.url), { now });
        [state] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
      }
      expect(state).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    } finally {
      refuse = false;
    }
  });

  it('does not send the same message twice when two workers run at once', async () => {
    const { company } = await makeCompany();
    const rows = await Promise.all(['a', 'b', 'c'].map((x) => queue(company.id, `paralelo.${x}@example.test`)));
    const send = smtpSender(sink.url);
    await Promise.all([deliverDue(db, send), deliverDue(db, send), deliverDue(db, send)]);
    for (const r of rows) expect(sink.messages.filter((m) => m.to.includes(r.toAddress))).toHaveLength(1);
    const states = await db
      .select()
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.id,
          rows.map((r) => r.id),
        ),
      );
    expect(states.every((s) => s.status === 'sent' && s.attempts === 1)).toBe(true);
  });
});

describe('priority', () => {
  it("a message someone waits for goes before an import's bulk invitations queued earlier", async () => {
    const { company } = await makeCompany();
    await deliverDue(db, smtpSender(sink.url), { batch: 1000 }); // nothing left from other tests
    await enqueueMail(
      db,
      Array.from({ length: 30 }, (_, i) => ({
        companyId: company.id,
        kind: 'invite' as const,
        to: `lote.${i}@example.test`,
        subject: 'Convite',
        text: 'x',
        bulk: true,
      })),
    );
    await enqueueMail(db, { companyId: null, kind: 'reset', to: 'pressa@example.test', subject: 'Redefinir senha', text: 'link' });
    const before = sink.messages.length;
    // A second ahead: the database stamps next_attempt_at in microseconds, JavaScript in milliseconds.
    const now = new Date(Date.now() + 1000);
    expect(await deliverDue(db, smtpSender(sink.url), { batch: 1, now })).toEqual({ sent: 1, failed: 0 });
    expect(sink.messages.slice(before).map((m) => m.to)).toEqual([['pressa@example.test']]);
    await deliverDue(db, smtpSender(sink.url), { batch: 100, now });
    expect(sink.messages.filter((m) => m.to.some((t) => t.startsWith('lote.')))).toHaveLength(30);
  });
});

describe('the company outbox', () => {
  it('shows a company only its own messages, never personal ones', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    await queue(a.company.id, 'de.a@example.test');
    await queue(b.company.id, 'de.b@example.test');
    await queue(null, 'pessoal@example.test');
    const { rows, total } = await listCompanyOutbox(db, a.company.id, { limit: 25, offset: 0 });
    expect(total).toBe(1);
    expect(rows.map((r) => r.toAddress)).toEqual(['de.a@example.test']);
  });
});

describe('delivery of a reset asked for during a large send', () => {
  it('sends the reset with the next batch, not after every bulk invitation', async () => {
    const { deliverAll } = await import('@/lib/mail/delivery');
    const { requestPasswordReset } = await import('@/lib/auth/reset-requests');
    const { makeContact } = await import('../support/fixtures');
    const { company } = await makeCompany();
    const person = await makeContact(company.id, { email: 'pressa@outbox.test' });
    await deliverDue(db, smtpSender(sink.url), { batch: 1000 }); // nothing left from other tests
    await enqueueMail(
      db,
      Array.from({ length: 60 }, (_, i) => ({
        companyId: company.id,
        kind: 'invite' as const,
        to: `massa${i}@outbox.test`,
        subject: 'Convite',
        text: 'Olá',
        bulk: true,
      })),
    );
    const order: string[] = [];
    let asked = false;
    await deliverAll(
      db,
      async (m) => {
        order.push(m.toAddress);
        if (!asked) {
          asked = true;
          // Someone asks for a reset while the first batch goes out.
          await requestPasswordReset(db, person.email, { source: '203.0.113.40' });
        }
      },
      { batch: 10 },
    );
    const position = order.indexOf(person.email);
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThan(20); // in the second batch of ten (the order within a batch is not kept)
    expect(order).toHaveLength(61);
  });
});

describe('"E-mails enviados": search, filters and "Reenviar"', () => {
  it('finds by part of the recipient, by kind and by status, within the company only', async () => {
    const { company } = await makeCompany();
    const other = await makeCompany();
    await queue(company.id, 'Fulana.Busca@Exemplo.test');
    await queue(company.id, 'beltrano.busca@exemplo.test');
    await enqueueMail(db, { companyId: company.id, kind: 'group_forward', to: 'grupo.busca@exemplo.test', subject: 'Chamado', text: 'x' });
    await queue(other.company.id, 'fulana.busca.outra@exemplo.test');
    const page = (filter: Record<string, string>) => listCompanyOutbox(db, company.id, { limit: 25, offset: 0, ...filter });

    expect((await page({ q: 'fulana.busca' })).rows.map((r) => r.toAddress)).toEqual(['Fulana.Busca@Exemplo.test']);
    expect((await page({ q: 'BUSCA@' })).total).toBe(3);
    expect((await page({ q: '%' })).total).toBe(0);
    expect((await page({ kind: 'group_forward' })).rows.map((r) => r.toAddress)).toEqual(['grupo.busca@exemplo.test']);
    expect((await page({ status: 'pending', q: 'busca' })).total).toBe(3);
    expect((await page({ status: 'failed' })).total).toBe(0);
  });

  it('"Reenviar" puts a failed message of the company back in the queue, and nothing else', async () => {
    const { company } = await makeCompany();
    const other = await makeCompany();
    const failed = await queue(company.id, 'falhou.reenvio@exemplo.test');
    const pending = await queue(company.id, 'fila.reenvio@exemplo.test');
    const theirs = await queue(other.company.id, 'alheio.reenvio@exemplo.test');
    await db
      .update(mailOutbox)
      .set({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: '550 refused' })
      .where(inArray(mailOutbox.id, [failed.id, theirs.id]));

    expect(await resendFailedMail(db, company.id, theirs.id)).toBe(false);
    expect(await resendFailedMail(db, company.id, pending.id)).toBe(false);
    expect(await resendFailedMail(db, company.id, failed.id)).toBe(true);
    const [again] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, failed.id));
    expect(again).toMatchObject({ status: 'pending', attempts: 0, lastError: null, priority: 0 });
    const [untouched] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, theirs.id));
    expect(untouched!.status).toBe('failed');

    // Delivered at the next pass.
    await deliverDue(db, smtpSender(sink.url, 'Portaria <nao-responda@portaria.test>'));
    const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, failed.id));
    expect(sent!.status).toBe('sent');
  });
});

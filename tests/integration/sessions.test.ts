import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, sessions } from '@/db/schema';
import { resolveSession } from '@/lib/auth/context';
import {
  endAccountSessions,
  endOwnSession,
  endSessionByToken,
  listAccountSessions,
  pruneSessions,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
  SESSION_TOUCH_MS,
} from '@/lib/auth/sessions';
import { hashToken } from '@/lib/auth/tokens';
import { endContactSessions } from '@/lib/contacts/sessions';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';

const t0 = new Date('2026-03-02T09:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);
const minutes = 60_000;

describe('server-side sessions', () => {
  it('"Sair" ends the session on the server: the same cookie is refused afterwards', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await sessionFor(c.accountId);
    expect((await resolveSession(db, token, undefined)).status).toBe('ok');
    await endSessionByToken(db, token);
    expect(await resolveSession(db, token, undefined)).toEqual({ status: 'signed-out' });
  });

  it('ends 12 hours after sign-in however busy, and after 2 hours unused', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const busy = await sessionFor(c.accountId, {}, t0);
    for (let h = 1; h < 12; h++) expect((await resolveSession(db, busy, undefined, after(h * 60 * minutes))).status).toBe('ok');
    expect(await resolveSession(db, busy, undefined, after(SESSION_MAX_AGE_MS + 1000))).toEqual({ status: 'signed-out' });

    const idle = await sessionFor(c.accountId, {}, t0);
    expect((await resolveSession(db, idle, undefined, after(SESSION_IDLE_MS - minutes))).status).toBe('ok');
    // Used a minute before its idle end: two more hours from then.
    expect((await resolveSession(db, idle, undefined, after(2 * SESSION_IDLE_MS - 2 * minutes))).status).toBe('ok');
    expect(await resolveSession(db, idle, undefined, after(3 * SESSION_IDLE_MS))).toEqual({ status: 'signed-out' });
  });

  it('writes "last used" at most once a minute, not on every request', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await sessionFor(c.accountId, {}, t0);
    const lastUsed = async () =>
      (
        await db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashToken(token)))
      )[0]!.lastUsedAt.getTime();
    await resolveSession(db, token, undefined, after(SESSION_TOUCH_MS / 2));
    expect(await lastUsed()).toBe(t0.getTime());
    await resolveSession(db, token, undefined, after(SESSION_TOUCH_MS + 1000));
    expect(await lastUsed()).toBe(after(SESSION_TOUCH_MS + 1000).getTime());
  });

  it('lists the person\'s live sessions with where they came from; "Encerrar" ends one of their own only', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const other = await makeContact(company.id);
    const mine = await sessionFor(c.accountId, { ip: '203.0.113.5', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0' });
    await sessionFor(c.accountId, { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (iPhone) Version/17.0 Safari/604.1' });
    const theirs = await sessionFor(other.accountId);
    const list = await listAccountSessions(db, c.accountId);
    expect(list.map((s) => s.ip).sort()).toEqual(['198.51.100.7', '203.0.113.5']);
    const theirId =
      (await resolveSession(db, theirs, undefined)).status === 'ok'
        ? ((await resolveSession(db, theirs, undefined)) as { context: { sessionId: string } }).context.sessionId
        : '';
    expect(await endOwnSession(db, c.accountId, theirId)).toBe(false);
    expect((await resolveSession(db, theirs, undefined)).status).toBe('ok');
    const phone = list.find((s) => s.ip === '198.51.100.7')!;
    expect(await endOwnSession(db, c.accountId, phone.id)).toBe(true);
    expect((await listAccountSessions(db, c.accountId)).map((s) => s.ip)).toEqual(['203.0.113.5']);
    expect((await resolveSession(db, mine, undefined)).status).toBe('ok');
  });

  it('"Encerrar as outras sessões" keeps only this one', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const here = await sessionFor(c.accountId);
    const there = await sessionFor(c.accountId);
    const ctx = await resolveSession(db, here, undefined);
    if (ctx.status !== 'ok') throw new Error('expected a session');
    expect(await endAccountSessions(db, c.accountId, ctx.context.sessionId)).toBe(1);
    expect((await resolveSession(db, here, undefined)).status).toBe('ok');
    expect(await resolveSession(db, there, undefined)).toEqual({ status: 'signed-out' });
  });

  it('prunes sessions past their end', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    await sessionFor(c.accountId, {}, new Date(Date.now() - SESSION_MAX_AGE_MS - 60 * minutes));
    await sessionFor(c.accountId);
    await pruneSessions(db);
    expect(await db.select().from(sessions).where(eq(sessions.accountId, c.accountId))).toHaveLength(1);
  });
});

describe('"Encerrar sessões" on a contact', () => {
  it('ends every session of the person, at once, with a history entry', async () => {
    const made = await makeCompany();
    const c = await makeContact(made.company.id);
    const laptop = await sessionFor(c.accountId);
    const phone = await sessionFor(c.accountId);
    const ctx = { companyId: made.company.id, companyName: made.company.name, contactId: made.admin.id, email: made.adminEmail };
    expect(await endContactSessions(ctx, c.id)).toEqual({ ok: true });
    expect(await resolveSession(db, laptop, undefined)).toEqual({ status: 'signed-out' });
    expect(await resolveSession(db, phone, undefined)).toEqual({ status: 'signed-out' });
    const [entry] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, made.company.id), eq(auditEvents.action, 'contact.sessions_ended')));
    expect(entry).toMatchObject({ subjectContactId: c.id, actorContactId: made.admin.id });
  });

  it("ends them for this company only: another company's administrator cannot sign a person out of the portal", async () => {
    const victimHome = await makeCompany({ name: 'Casa da Pessoa' });
    const rival = await makeCompany({ name: 'Rival' });
    // Anyone can be added to a company without their consent…
    const inRival = await makeContact(rival.company.id, { email: victimHome.adminEmail });
    const session = await sessionFor(victimHome.adminAccountId);
    const rivalCtx = { companyId: rival.company.id, companyName: rival.company.name, contactId: rival.admin.id, email: rival.adminEmail };
    expect(await endContactSessions(rivalCtx, inRival.id)).toEqual({ ok: true });
    // …so ending their sessions reaches the rival company only.
    const after = await resolveSession(db, session, rival.company.id);
    if (after.status !== 'ok') throw new Error('expected the person to stay signed in');
    expect(after.context.companyId).toBe(victimHome.company.id);
    expect(after.context.memberships.map((m) => m.companyId)).toEqual([victimHome.company.id]);
    // Signing in again reaches the rival company again.
    const fresh = await sessionFor(victimHome.adminAccountId, {}, new Date(Date.now() + 1000));
    expect((await resolveSession(db, fresh, rival.company.id, new Date(Date.now() + 2000))) as { context: { companyId: string } }).toMatchObject({
      context: { companyId: rival.company.id },
    });
  });

  it("is not found for another company's contact, and ends nothing there", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const inB = await makeContact(b.company.id);
    const session = await sessionFor(inB.accountId);
    const ctx = { companyId: a.company.id, companyName: a.company.name, contactId: a.admin.id, email: a.adminEmail };
    expect(await endContactSessions(ctx, inB.id)).toEqual({ ok: false, error: 'notFound' });
    expect(await endContactSessions(ctx, 'not-a-uuid')).toEqual({ ok: false, error: 'notFound' });
    expect((await resolveSession(db, session, undefined)).status).toBe('ok');
  });

  it("keeps the administrator's own current session when they end their own", async () => {
    const made = await makeCompany();
    const current = await sessionFor(made.adminAccountId);
    const other = await sessionFor(made.adminAccountId);
    const resolved = await resolveSession(db, current, undefined);
    if (resolved.status !== 'ok') throw new Error('expected a session');
    expect(await endContactSessions(resolved.context, made.admin.id)).toEqual({ ok: true });
    expect((await resolveSession(db, current, undefined)).status).toBe('ok');
    expect(await resolveSession(db, other, undefined)).toEqual({ status: 'signed-out' });
  });
});

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { authTokens, mailOutbox, passwordResetRequests } from '@/db/schema';
import { authenticate, changeOwnPassword, setPasswordWithToken } from '@/lib/auth/accounts';
import { resolveSession } from '@/lib/auth/context';
import { processResetRequests, requestPasswordReset, RESETS_PER_HOUR } from '@/lib/auth/reset-requests';
import { PAIR_LIMIT, RESET_SOURCE_LIMIT, SOURCE_LIMIT, THROTTLE_LOCK_MS, THROTTLE_MAX_FAILURES } from '@/lib/auth/throttle';
import { findValidToken, issueToken, issueTokens, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';

const at = (iso: string) => new Date(iso);

describe('authenticate', () => {
  it('accepts the right password, case-insensitively on the e-mail', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { email: 'Pessoa.Um@example.test', password: 'senha-correta-1' });
    const result = await authenticate(db, '  PESSOA.UM@example.test ', 'senha-correta-1');
    expect(result).toMatchObject({ ok: true, accountId: c.accountId, email: 'pessoa.um@example.test' });
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'pessoa.dois@example.test', password: 'senha-correta-2' });
    expect(await authenticate(db, 'pessoa.dois@example.test', 'errada')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db, 'ninguem@example.test', 'errada')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an account that never set a password', async () => {
    const { adminEmail } = await makeCompany();
    expect(await authenticate(db, adminEmail, '')).toEqual({ ok: false, reason: 'invalid' });
  });

  it(`slows a source down after ${THROTTLE_MAX_FAILURES} failures on one address, until the lock ends`, async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'alvo@example.test', password: 'senha-correta-3' });
    const now = at('2026-01-10T12:00:00Z');
    const from = { source: '203.0.113.7', now };
    for (let i = 1; i < THROTTLE_MAX_FAILURES; i++) expect((await authenticate(db, 'alvo@example.test', 'x', from)).ok).toBe(false);
    expect(await authenticate(db, 'alvo@example.test', 'x', from)).toEqual({ ok: false, reason: 'locked', minutes: 15 });
    // Refused before the password is checked: a guessing source learns nothing while locked.
    expect(await authenticate(db, 'alvo@example.test', 'senha-correta-3', from)).toMatchObject({ ok: false, reason: 'locked' });
    const later = new Date(now.getTime() + THROTTLE_LOCK_MS + 1000);
    expect(await authenticate(db, 'alvo@example.test', 'senha-correta-3', { source: '203.0.113.7', now: later })).toMatchObject({ ok: true });
  });

  it('never locks the real person out: failures from elsewhere do not touch their source', async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'vitima@example.test', password: 'senha-da-vitima' });
    const now = at('2026-01-10T12:00:00Z');
    for (let i = 0; i < PAIR_LIMIT.max * 3; i++) await authenticate(db, 'vitima@example.test', 'chute', { source: '198.51.100.66', now });
    expect(await authenticate(db, 'vitima@example.test', 'senha-da-vitima', { source: '198.51.100.66', now })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await authenticate(db, 'vitima@example.test', 'senha-da-vitima', { source: '192.0.2.10', now })).toMatchObject({ ok: true });
  });

  it('locks a source that tries many addresses, except for addresses it signed in to before', async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'colega@example.test', password: 'senha-do-colega' });
    await makeContact(company.id, { email: 'outra@example.test', password: 'senha-da-outra' });
    const now = at('2026-01-10T12:00:00Z');
    const office = '203.0.113.50';
    expect((await authenticate(db, 'colega@example.test', 'senha-do-colega', { source: office, now })).ok).toBe(true);
    for (let i = 0; i < SOURCE_LIMIT.max; i++) await authenticate(db, `robo${i}@example.test`, 'x', { source: office, now });
    // A new address from that source is refused, even with its right password…
    expect(await authenticate(db, 'outra@example.test', 'senha-da-outra', { source: office, now })).toMatchObject({ ok: false, reason: 'locked' });
    // …but the colleague who signed in from there before is not locked out by the robot.
    expect(await authenticate(db, 'colega@example.test', 'senha-do-colega', { source: office, now })).toMatchObject({ ok: true });
  });

  it('locks unknown addresses too, so the lock does not reveal which exist', async () => {
    const now = at('2026-01-10T12:00:00Z');
    let last;
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) last = await authenticate(db, 'nao.existe@example.test', 'x', { source: '203.0.113.8', now });
    expect(last).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('counts parallel failures without losing any', async () => {
    const now = at('2026-01-10T12:00:00Z');
    const results = await Promise.all(
      Array.from({ length: THROTTLE_MAX_FAILURES }, () => authenticate(db, 'paralelo@example.test', 'x', { source: '203.0.113.9', now })),
    );
    expect(results.some((r) => !r.ok && r.reason === 'locked')).toBe(true);
  });
});

describe('own password', () => {
  it('changes only with the current password', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-antiga-1' });
    const session = await resolveSession(db, await sessionFor(c.accountId), undefined);
    if (session.status !== 'ok') throw new Error('expected a session');
    const sid = session.context.sessionId;
    expect(await changeOwnPassword(db, c.accountId, sid, 'errada', 'senha-nova-123')).toEqual({ ok: false, field: 'currentPassword', reason: 'wrong' });
    expect(await changeOwnPassword(db, c.accountId, sid, 'senha-antiga-1', 'senha-antiga-1')).toEqual({ ok: false, field: 'newPassword', reason: 'same' });
    expect(await changeOwnPassword(db, c.accountId, sid, 'senha-antiga-1', 'senha-nova-123')).toEqual({ ok: true });
    expect((await authenticate(db, c.email, 'senha-antiga-1')).ok).toBe(false);
    expect((await authenticate(db, c.email, 'senha-nova-123')).ok).toBe(true);
  });

  it('changes while the address is locked from this source (the change needs no new sign-in)', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-antiga-2' });
    const token = await sessionFor(c.accountId);
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await authenticate(db, c.email, 'x', { source: '203.0.113.20' });
    const session = await resolveSession(db, token, undefined);
    if (session.status !== 'ok') throw new Error('expected a session');
    expect(await changeOwnPassword(db, c.accountId, session.context.sessionId, 'senha-antiga-2', 'senha-nova-456')).toEqual({ ok: true });
    expect((await resolveSession(db, token, undefined)).status).toBe('ok');
  });

  it('voids every open link of the account: a reset link asked for earlier no longer works', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-antiga-3' });
    const reset = await issueToken(db, { accountId: c.accountId, purpose: 'reset' });
    const session = await resolveSession(db, await sessionFor(c.accountId), undefined);
    if (session.status !== 'ok') throw new Error('expected a session');
    await changeOwnPassword(db, c.accountId, session.context.sessionId, 'senha-antiga-3', 'senha-nova-789');
    expect(await findValidToken(db, reset, 'reset')).toBeNull();
    expect(await setPasswordWithToken(db, reset, 'reset', 'senha-de-quem-tinha-o-link')).toEqual({ ok: false });
  });
});

describe('invitation and reset links', () => {
  it('works once, then never again', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'invite', companyId: company.id, contactId: c.id });
    expect(await findValidToken(db, token, 'invite')).toMatchObject({ email: c.email, companyName: company.name });
    expect(await findValidToken(db, token, 'reset')).toBeNull();
    expect(await setPasswordWithToken(db, token, 'invite', 'senha-do-convite')).toEqual({ ok: true, email: c.email });
    expect(await setPasswordWithToken(db, token, 'invite', 'outra-senha-qualquer')).toEqual({ ok: false });
    expect((await authenticate(db, c.email, 'senha-do-convite')).ok).toBe(true);
  });

  it("a batch's links are each 32 random bytes of their own, and each opens its own person's invitation", async () => {
    const { company } = await makeCompany();
    const people = await Promise.all([makeContact(company.id), makeContact(company.id), makeContact(company.id)]);
    const tokens = await issueTokens(db, {
      purpose: 'invite',
      companyId: company.id,
      holders: people.map((p) => ({ accountId: p.accountId, contactId: p.id })),
    });
    expect(new Set(tokens).size).toBe(people.length);
    for (const [i, token] of tokens.entries()) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(await findValidToken(db, token, 'invite')).toMatchObject({ email: people[i]!.email });
    }
  });

  it('expires', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const issued = at('2026-01-01T00:00:00Z');
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'reset' }, issued);
    expect(await findValidToken(db, token, 'reset', new Date(issued.getTime() + TOKEN_TTL_MS.reset - 1000))).not.toBeNull();
    expect(await findValidToken(db, token, 'reset', new Date(issued.getTime() + TOKEN_TTL_MS.reset + 1000))).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'invite', companyId: company.id, contactId: c.id });
    const rows = await db.select().from(authTokens).where(eq(authTokens.accountId, c.accountId));
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
  });

  it('a new link replaces the previous one', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const first = await issueToken(db, { accountId: c.accountId, purpose: 'reset' });
    const second = await issueToken(db, { accountId: c.accountId, purpose: 'reset' });
    expect(await findValidToken(db, first, 'reset')).toBeNull();
    expect(await findValidToken(db, second, 'reset')).not.toBeNull();
  });

  it('a reset through a link ends every session of the person', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-esquecida-1' });
    const stolen = await sessionFor(c.accountId);
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'reset' });
    expect(await setPasswordWithToken(db, token, 'reset', 'senha-nova-do-reset')).toMatchObject({ ok: true });
    expect(await resolveSession(db, stolen, undefined)).toEqual({ status: 'signed-out' });
  });
});

describe('"Esqueci minha senha"', () => {
  it('queues every address the same way, and mails only people with an active contact', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { email: 'reset.me@example.test' });
    await requestPasswordReset(db, 'RESET.me@example.test', { source: '203.0.113.30' });
    await requestPasswordReset(db, 'unknown.person@example.test', { source: '203.0.113.30' });
    // Both requests did the same thing: one queued row each, nothing looked up yet.
    const queued = await db.select().from(passwordResetRequests);
    expect(queued.map((r) => r.email).sort()).toEqual(['reset.me@example.test', 'unknown.person@example.test']);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, c.email))).toHaveLength(0);

    expect(await processResetRequests(db)).toBe(1);
    expect(await db.select().from(passwordResetRequests)).toHaveLength(0);
    const mine = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, c.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ companyId: null, kind: 'reset' });
    expect(mine[0]!.textBody).toMatch(/\/reset-password\/[\w-]{20,}/);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'unknown.person@example.test'))).toHaveLength(0);
  });

  it(`sends at most ${RESETS_PER_HOUR} reset e-mails an hour to one address, however often asked`, async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { email: 'inundada@example.test' });
    const now = new Date();
    for (let i = 0; i < 8; i++) {
      await requestPasswordReset(db, c.email, { source: `203.0.113.${100 + i}`, now });
      await processResetRequests(db, now);
    }
    const sent = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, c.email), eq(mailOutbox.kind, 'reset')));
    expect(sent).toHaveLength(RESETS_PER_HOUR);
  });

  it('drops requests over a source limit, answering the same', async () => {
    const source = '203.0.113.222';
    for (let i = 0; i < RESET_SOURCE_LIMIT.max + 5; i++) await requestPasswordReset(db, `qualquer${i}@example.test`, { source });
    const queued = await db.select().from(passwordResetRequests);
    expect(queued.filter((r) => r.email.startsWith('qualquer'))).toHaveLength(RESET_SOURCE_LIMIT.max);
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, authTokens, mailOutbox } from '@/db/schema';
import { authenticate, changeOwnPassword, requestPasswordReset, setPasswordWithToken } from '@/lib/auth/accounts';
import { THROTTLE_LOCK_MS, THROTTLE_MAX_FAILURES } from '@/lib/auth/throttle';
import { findValidToken, issueToken, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { makeCompany, makeContact } from '../support/fixtures';

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

  it(`locks an address after ${THROTTLE_MAX_FAILURES} failures, even with the right password, until the lock ends`, async () => {
    const { company } = await makeCompany();
    await makeContact(company.id, { email: 'alvo@example.test', password: 'senha-correta-3' });
    const now = new Date('2026-01-10T12:00:00Z');
    for (let i = 1; i < THROTTLE_MAX_FAILURES; i++) expect((await authenticate(db, 'alvo@example.test', 'x', now)).ok).toBe(false);
    expect(await authenticate(db, 'alvo@example.test', 'x', now)).toEqual({ ok: false, reason: 'locked', minutes: 15 });
    expect(await authenticate(db, 'alvo@example.test', 'senha-correta-3', now)).toMatchObject({ ok: false, reason: 'locked' });
    const later = new Date(now.getTime() + THROTTLE_LOCK_MS + 1000);
    expect(await authenticate(db, 'alvo@example.test', 'senha-correta-3', later)).toMatchObject({ ok: true });
  });

  it('locks unknown addresses too, so the lock does not reveal which exist', async () => {
    const now = new Date('2026-01-10T12:00:00Z');
    let last;
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) last = await authenticate(db, 'nao.existe@example.test', 'x', now);
    expect(last).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('counts parallel failures without losing any', async () => {
    const now = new Date('2026-01-10T12:00:00Z');
    const results = await Promise.all(Array.from({ length: THROTTLE_MAX_FAILURES }, () => authenticate(db, 'paralelo@example.test', 'x', now)));
    expect(results.some((r) => !r.ok && r.reason === 'locked')).toBe(true);
  });
});

describe('own password', () => {
  it('changes only with the current password and ends older sessions', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-antiga-1' });
    const [before] = await db.select().from(accounts).where(eq(accounts.id, c.accountId));
    expect(await changeOwnPassword(db, c.accountId, 'errada', 'senha-nova-123')).toEqual({ ok: false, field: 'currentPassword', reason: 'wrong' });
    expect(await changeOwnPassword(db, c.accountId, 'senha-antiga-1', 'senha-antiga-1')).toEqual({ ok: false, field: 'newPassword', reason: 'same' });
    expect(await changeOwnPassword(db, c.accountId, 'senha-antiga-1', 'senha-nova-123')).toEqual({ ok: true });
    const [after] = await db.select().from(accounts).where(eq(accounts.id, c.accountId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect((await authenticate(db, c.email, 'senha-antiga-1')).ok).toBe(false);
    expect((await authenticate(db, c.email, 'senha-nova-123')).ok).toBe(true);
  });
});

describe('invitation and reset links', () => {
  it('works once, then never again', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'invite', companyId: company.id });
    expect(await findValidToken(db, token, 'invite')).toMatchObject({ email: c.email, companyName: company.name });
    expect(await findValidToken(db, token, 'reset')).toBeNull();
    expect(await setPasswordWithToken(db, token, 'invite', 'senha-do-convite')).toEqual({ ok: true, email: c.email });
    expect(await setPasswordWithToken(db, token, 'invite', 'outra-senha-qualquer')).toEqual({ ok: false });
    expect((await authenticate(db, c.email, 'senha-do-convite')).ok).toBe(true);
  });

  it('expires', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const issued = new Date('2026-01-01T00:00:00Z');
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'reset' }, issued);
    expect(await findValidToken(db, token, 'reset', new Date(issued.getTime() + TOKEN_TTL_MS.reset - 1000))).not.toBeNull();
    expect(await findValidToken(db, token, 'reset', new Date(issued.getTime() + TOKEN_TTL_MS.reset + 1000))).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const token = await issueToken(db, { accountId: c.accountId, purpose: 'invite' });
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

  it('a reset request queues a message without a company for known people, nothing for others', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { email: 'reset.me@example.test' });
    await requestPasswordReset(db, 'RESET.me@example.test');
    await requestPasswordReset(db, 'unknown.person@example.test');
    const mine = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, c.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ companyId: null, kind: 'reset' });
    expect(mine[0]!.textBody).toMatch(/\/reset-password\/[\w-]{20,}/);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'unknown.person@example.test'))).toHaveLength(0);
  });
});

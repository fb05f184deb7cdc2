import { and, eq, sql } from 'drizzle-orm';
import { accounts, contacts } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { enqueueMail } from '@/lib/mail/outbox';
import { resetMail } from '@/lib/mail/templates';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { clearFailures, lockMinutesLeft, readThrottle, recordFailure } from './throttle';
import { consumeToken, findValidToken, issueToken, type TokenPurpose } from './tokens';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findOrCreateAccount(tx: Executor, email: string): Promise<{ id: string; email: string }> {
  const normalised = normaliseEmail(email);
  await tx.insert(accounts).values({ email: normalised }).onConflictDoNothing();
  const [row] = await tx.select({ id: accounts.id, email: accounts.email }).from(accounts).where(eq(accounts.email, normalised));
  if (!row) throw new Error('account vanished after upsert');
  return row;
}

export type AuthResult =
  | { ok: true; accountId: string; sessionVersion: number; email: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

export async function authenticate(db: Executor, emailInput: string, password: string, now = new Date()): Promise<AuthResult> {
  const email = normaliseEmail(emailInput);
  const throttle = await readThrottle(db, email);
  const minutes = lockMinutesLeft(throttle, now);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };

  const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  const valid = account?.passwordHash
    ? await verifyPassword(account.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!account || !valid) {
    const next = await recordFailure(db, email, now);
    const left = lockMinutesLeft(next, now);
    return left > 0 ? { ok: false, reason: 'locked', minutes: left } : { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, email);
  return { ok: true, accountId: account.id, sessionVersion: account.sessionVersion, email: account.email };
}

/** Sets a new password and ends every other session of the person. */
export async function setPassword(tx: Executor, accountId: string, password: string, now = new Date()): Promise<void> {
  await tx
    .update(accounts)
    .set({ passwordHash: await hashPassword(password), sessionVersion: sql`${accounts.sessionVersion} + 1`, passwordChangedAt: now })
    .where(eq(accounts.id, accountId));
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword' | 'newPassword'; reason: 'wrong' | 'same' };

export async function changeOwnPassword(db: Executor, accountId: string, current: string, next: string): Promise<ChangePasswordResult> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, current))) {
    return { ok: false, field: 'currentPassword', reason: 'wrong' };
  }
  if (current === next) return { ok: false, field: 'newPassword', reason: 'same' };
  await setPassword(db, accountId, next);
  return { ok: true };
}

async function hasActiveContact(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.status, 'active')))
    .limit(1);
  return Boolean(row);
}

/** Always "done" for the caller: whether the address exists is never revealed. */
export async function requestPasswordReset(db: Executor, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput);
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (!account || !(await hasActiveContact(db, account.id))) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, { accountId: account.id, purpose: 'reset' });
    await enqueueMail(tx, resetMail({ email, token }));
  });
}

export type UseTokenResult = { ok: true; email: string } | { ok: false };

/** Sets the password through an invitation or reset link; the link works once. */
export async function setPasswordWithToken(db: Executor, token: string, purpose: TokenPurpose, password: string): Promise<UseTokenResult> {
  return db.transaction(async (tx) => {
    const found = await findValidToken(tx, token, purpose);
    if (!found || !(await consumeToken(tx, found.id))) return { ok: false };
    await setPassword(tx, found.accountId, password);
    return { ok: true, email: found.email };
  });
}

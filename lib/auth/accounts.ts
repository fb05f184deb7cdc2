import { and, eq, sql } from 'drizzle-orm';
import { accounts, contacts, signInThrottle } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { endAccountSessions } from './sessions';
import { clearFailures, lockMinutesLeft, pairKey, PAIR_LIMIT, recordFailure, sourceKey, SOURCE_LIMIT, TRUSTED_FOR_MS, trustedKey } from './throttle';
import { consumeToken, findValidToken, voidAccountTokens, type TokenPurpose } from './tokens';

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

/**
 * The accounts of these addresses, created when new to the portal, in two statements however
 * many (an import's thousand, a batch of approved requests). `created`: made by this call,
 * so it holds no password and no earlier link.
 */
export async function ensureAccounts(tx: Executor, emails: string[]): Promise<Map<string, { id: string; created: boolean }>> {
  const unique = JSON.stringify([...new Set(emails.map(normaliseEmail))]);
  const created = await tx.execute<{ id: string }>(
    sql`insert into accounts (email) select e from jsonb_array_elements_text(${unique}::jsonb) e on conflict do nothing returning id`,
  );
  const createdIds = new Set(created.rows.map((r) => r.id));
  const found = await tx.execute<{ id: string; email: string }>(
    // `= any(array)`: the unique index on email, looked up once per address, whatever the
    // planner thinks of the table's size (a semi join could scan every account per batch).
    sql`select id, email from accounts where email = any(array(select jsonb_array_elements_text(${unique}::jsonb)))`,
  );
  return new Map(found.rows.map((a) => [a.email, { id: a.id, created: createdIds.has(a.id) }]));
}

export type AuthResult = { ok: true; accountId: string; email: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; minutes: number };

/** Where a sign-in comes from: the client's address as the server saw it (lib/auth/client-address.ts). */
export type SignInOptions = { source?: string; now?: Date };

/**
 * Checks a password. Failures count against this address from this source, and against the
 * source across addresses; a lock answers before the password is checked, so a locked source
 * learns nothing. A source locked for trying many addresses still reaches the addresses it
 * signed in to successfully before (an office behind one address is not locked out by a
 * colleague's typos or by malware next door).
 */
export async function authenticate(db: Executor, emailInput: string, password: string, opts: SignInOptions = {}): Promise<AuthResult> {
  const email = normaliseEmail(emailInput);
  const now = opts.now ?? new Date();
  const source = opts.source || 'unknown';
  const keys = { pair: pairKey(email, source), source: sourceKey(source), trusted: trustedKey(email, source) };
  const states = await db
    .select()
    .from(signInThrottle)
    .where(sql`${signInThrottle.key} in (${keys.pair}, ${keys.source}, ${keys.trusted})`);
  const state = (key: string) => states.find((s) => s.key === key) ?? null;
  const trustedSince = state(keys.trusted)?.windowStartedAt;
  const trusted = Boolean(trustedSince && now.getTime() - trustedSince.getTime() < TRUSTED_FOR_MS);
  const minutes = Math.max(lockMinutesLeft(state(keys.pair), now), trusted ? 0 : lockMinutesLeft(state(keys.source), now));
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };

  const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  const valid = account?.passwordHash
    ? await verifyPassword(account.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!account || !valid) {
    const pair = await recordFailure(db, keys.pair, now, PAIR_LIMIT);
    const bySource = await recordFailure(db, keys.source, now, SOURCE_LIMIT);
    const left = Math.max(lockMinutesLeft(pair, now), trusted ? 0 : lockMinutesLeft(bySource, now));
    return left > 0 ? { ok: false, reason: 'locked', minutes: left } : { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, keys.pair);
  // The source's count stays: interleaving one's own successful sign-ins must not reset it.
  await db
    .insert(signInThrottle)
    .values({ key: keys.trusted, failures: 0, windowStartedAt: now })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { windowStartedAt: now } });
  return { ok: true, accountId: account.id, email: account.email };
}

/**
 * Sets a new password. Every open link of the account (invitations of any company, resets)
 * stops working, and every session ends except `keepSessionId` (the one that changed it).
 */
export async function setPassword(tx: Executor, accountId: string, password: string, opts: { keepSessionId?: string; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  await tx
    .update(accounts)
    .set({ passwordHash: await hashPassword(password), passwordChangedAt: now })
    .where(eq(accounts.id, accountId));
  await voidAccountTokens(tx, accountId, now);
  await endAccountSessions(tx, accountId, opts.keepSessionId);
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword' | 'newPassword'; reason: 'wrong' | 'same' };

/** "Alterar senha" on "Meu perfil": this session stays, the others end. */
export async function changeOwnPassword(db: Executor, accountId: string, sessionId: string, current: string, next: string): Promise<ChangePasswordResult> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, current))) {
    return { ok: false, field: 'currentPassword', reason: 'wrong' };
  }
  if (current === next) return { ok: false, field: 'newPassword', reason: 'same' };
  await db.transaction((tx) => setPassword(tx, accountId, next, { keepSessionId: sessionId }));
  return { ok: true };
}

export async function hasActiveContact(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.status, 'active')))
    .limit(1);
  return Boolean(row);
}

export type UseTokenResult = { ok: true; email: string } | { ok: false };

/** Sets the password through an invitation or reset link; the link works once, and every session ends. */
export async function setPasswordWithToken(db: Executor, token: string, purpose: TokenPurpose, password: string): Promise<UseTokenResult> {
  return db.transaction(async (tx) => {
    const found = await findValidToken(tx, token, purpose);
    if (!found || !(await consumeToken(tx, found.id))) return { ok: false };
    await setPassword(tx, found.accountId, password);
    return { ok: true, email: found.email };
  });
}

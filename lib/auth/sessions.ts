import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lt, ne, or } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { hashToken } from './tokens';

// Sessions live on the server (PRODUCT.md §1.1): the browser's cookie carries a random token
// of which only a SHA-256 is kept here. Ending a session deletes its row, so a copied cookie
// is refused from the next request on.

/** A session ends 12 hours after sign-in, however busy. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
/** …or after 2 hours unused. */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** "Last used" is written at most this often: not a write on every request. */
export const SESSION_TOUCH_MS = 60_000;

/** Where a session comes from; `ssoCompanyId`: opened through that company's own provider. */
export type SessionOrigin = { ip?: string | null; userAgent?: string | null; ssoCompanyId?: string | null };

/** Opens a session for the account; the returned token goes into the cookie, never into the database. */
export async function createSession(db: Executor, accountId: string, origin: SessionOrigin = {}, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
    ip: origin.ip?.slice(0, 64) ?? null,
    userAgent: origin.userAgent?.slice(0, 400) ?? null,
    ssoCompanyId: origin.ssoCompanyId ?? null,
  });
  return token;
}

/** The live-session condition, shared by the per-request lookup and the list on "Meu perfil". */
export function sessionIsLive(now: Date) {
  return and(gt(sessions.expiresAt, now), gt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS)));
}

/** Records that the session was used, at most once a minute. */
export async function touchSession(db: Executor, sessionId: string, lastUsedAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastUsedAt.getTime() < SESSION_TOUCH_MS) return;
  await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
}

/** "Sair": the session of this token ends. */
export async function endSessionByToken(db: Executor, token: string): Promise<void> {
  if (!token) return;
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** "Encerrar" on "Meu perfil": one of the person's own sessions; false when it was not theirs or already ended. */
export async function endOwnSession(db: Executor, accountId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return ended.length === 1;
}

/** Every session of the account ends, except `keepSessionId` when given; returns how many ended. */
export async function endAccountSessions(db: Executor, accountId: string, keepSessionId?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.accountId, accountId), ne(sessions.id, keepSessionId)) : eq(sessions.accountId, accountId))
    .returning({ id: sessions.id });
  return ended.length;
}

export type SessionRow = { id: string; createdAt: Date; lastUsedAt: Date; ip: string | null; userAgent: string | null };

/** The person's live sessions, most recently used first. */
export async function listAccountSessions(db: Executor, accountId: string, now = new Date()): Promise<SessionRow[]> {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), sessionIsLive(now)))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt))
    .limit(50);
}

/** Ended-by-time sessions are deleted now and then (the mail worker's tick). */
export async function pruneSessions(db: Executor, now = new Date()): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}

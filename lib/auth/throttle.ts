import { eq, sql } from 'drizzle-orm';
import { signInThrottle } from '@/db/schema';
import type { Executor } from '@/db/connect';

// Failed sign-ins are counted per address *from one source* and per source across
// addresses, never per address alone: an attacker elsewhere can slow down their own
// guessing, never lock the real person out (docs/decisions/003).

export type ThrottleLimit = { max: number; windowMs: number; lockMs: number };

/** One address guessed from one source: the person mistyping, or someone guessing from there. */
export const PAIR_LIMIT: ThrottleLimit = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** One source trying many addresses (credential stuffing); generous for an office behind one NAT. */
export const SOURCE_LIMIT: ThrottleLimit = { max: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** "Esqueci minha senha" requests from one source. */
export const RESET_SOURCE_LIMIT: ThrottleLimit = { max: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

export const THROTTLE_MAX_FAILURES = PAIR_LIMIT.max;
export const THROTTLE_WINDOW_MS = PAIR_LIMIT.windowMs;
export const THROTTLE_LOCK_MS = PAIR_LIMIT.lockMs;

export const pairKey = (email: string, source: string) => `addr:${email}|${source}`;
export const sourceKey = (source: string) => `src:${source}`;
export const resetSourceKey = (source: string) => `reset:${source}`;
/** This address signed in successfully from this source: the source's own lock does not apply to it. */
export const trustedKey = (email: string, source: string) => `ok:${email}|${source}`;
export const TRUSTED_FOR_MS = 30 * 24 * 60 * 60_000;

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** Pure policy: what a new failure does to the state. */
export function nextThrottleState(state: ThrottleState | null, now: Date, limit: ThrottleLimit = PAIR_LIMIT): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > limit.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= limit.max ? new Date(now.getTime() + limit.lockMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}

/** Minutes left on a lock, or 0 when sign-in is allowed. */
export function lockMinutesLeft(state: Pick<ThrottleState, 'lockedUntil'> | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

export async function readThrottle(db: Executor, key: string): Promise<ThrottleState | null> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row ?? null;
}

/** Counts one failure under the key; returns the new state. */
export async function recordFailure(db: Executor, key: string, now = new Date(), limit: ThrottleLimit = PAIR_LIMIT): Promise<ThrottleState> {
  return db.transaction(async (tx) => {
    // Row lock: parallel guesses must each count.
    await tx.insert(signInThrottle).values({ key, failures: 0, windowStartedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for('update');
    const next = nextThrottleState(row ?? null, now, limit);
    await tx.update(signInThrottle).set(next).where(eq(signInThrottle.key, key));
    return next;
  });
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

export async function pruneThrottle(db: Executor, now = new Date()): Promise<void> {
  const longest = Math.max(...[PAIR_LIMIT, SOURCE_LIMIT, RESET_SOURCE_LIMIT].map((l) => l.windowMs + l.lockMs));
  await db.delete(signInThrottle).where(
    sql`(${signInThrottle.key} like 'ok:%' and ${signInThrottle.windowStartedAt} < ${new Date(now.getTime() - TRUSTED_FOR_MS)})
      or (${signInThrottle.key} not like 'ok:%' and ${signInThrottle.windowStartedAt} < ${new Date(now.getTime() - longest)}
          and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < ${now}))`,
  );
}

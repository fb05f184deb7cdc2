import { eq, sql } from 'drizzle-orm';
import { signInThrottle } from '@/db/schema';
import type { Executor } from '@/db/connect';

export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LOCK_MS = 15 * 60_000;

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** Pure policy: what a new failure does to the state. */
export function nextThrottleState(state: ThrottleState | null, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > THROTTLE_WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= THROTTLE_MAX_FAILURES ? new Date(now.getTime() + THROTTLE_LOCK_MS) : null;
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

export async function recordFailure(db: Executor, key: string, now = new Date()): Promise<ThrottleState> {
  return db.transaction(async (tx) => {
    // Row lock: parallel guesses must each count.
    await tx.insert(signInThrottle).values({ key, failures: 0, windowStartedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for('update');
    const next = nextThrottleState(row ?? null, now);
    await tx.update(signInThrottle).set(next).where(eq(signInThrottle.key, key));
    return next;
  });
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

export async function pruneThrottle(db: Executor, now = new Date()): Promise<void> {
  await db
    .delete(signInThrottle)
    .where(sql`${signInThrottle.windowStartedAt} < ${new Date(now.getTime() - THROTTLE_WINDOW_MS - THROTTLE_LOCK_MS)}`);
}

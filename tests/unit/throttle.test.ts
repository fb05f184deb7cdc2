import { describe, expect, it } from 'vitest';
import { lockMinutesLeft, nextThrottleState, THROTTLE_LOCK_MS, THROTTLE_MAX_FAILURES, THROTTLE_WINDOW_MS, type ThrottleState } from '@/lib/auth/throttle';

const t0 = new Date('2025-03-10T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('nextThrottleState', () => {
  it('starts a fresh window on the first failure', () => {
    expect(nextThrottleState(null, t0)).toEqual({ failures: 1, windowStartedAt: t0, lockedUntil: null });
  });

  it('counts failures inside the window without moving its start', () => {
    let state: ThrottleState = nextThrottleState(null, t0);
    state = nextThrottleState(state, at(60_000));
    state = nextThrottleState(state, at(120_000));
    expect(state.failures).toBe(3);
    expect(state.windowStartedAt).toEqual(t0);
    expect(state.lockedUntil).toBeNull();
  });

  it(`locks at the ${THROTTLE_MAX_FAILURES}th failure, for THROTTLE_LOCK_MS from that failure`, () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < THROTTLE_MAX_FAILURES - 1; i++) {
      state = nextThrottleState(state, at(i * 1000));
      expect(state.lockedUntil).toBeNull();
    }
    const now = at(10_000);
    state = nextThrottleState(state, now);
    expect(state.failures).toBe(THROTTLE_MAX_FAILURES);
    expect(state.lockedUntil).toEqual(new Date(now.getTime() + THROTTLE_LOCK_MS));
  });

  it('keeps locking after the limit', () => {
    const state: ThrottleState = { failures: THROTTLE_MAX_FAILURES, windowStartedAt: t0, lockedUntil: at(THROTTLE_LOCK_MS) };
    const next = nextThrottleState(state, at(5 * 60_000));
    expect(next.failures).toBe(THROTTLE_MAX_FAILURES + 1);
    expect(next.lockedUntil).toEqual(at(5 * 60_000 + THROTTLE_LOCK_MS));
  });

  it('still counts in the window at exactly THROTTLE_WINDOW_MS', () => {
    const state: ThrottleState = { failures: 2, windowStartedAt: t0, lockedUntil: null };
    expect(nextThrottleState(state, at(THROTTLE_WINDOW_MS)).failures).toBe(3);
  });

  it('resets the count once the window has expired', () => {
    const state: ThrottleState = { failures: THROTTLE_MAX_FAILURES - 1, windowStartedAt: t0, lockedUntil: null };
    const now = at(THROTTLE_WINDOW_MS + 1);
    expect(nextThrottleState(state, now)).toEqual({ failures: 1, windowStartedAt: now, lockedUntil: null });
  });
});

describe('lockMinutesLeft', () => {
  it('is 0 without a state or without a lock', () => {
    expect(lockMinutesLeft(null, t0)).toBe(0);
    expect(lockMinutesLeft({ lockedUntil: null }, t0)).toBe(0);
  });

  it('rounds partial minutes up', () => {
    expect(lockMinutesLeft({ lockedUntil: at(1) }, t0)).toBe(1);
    expect(lockMinutesLeft({ lockedUntil: at(60_000) }, t0)).toBe(1);
    expect(lockMinutesLeft({ lockedUntil: at(60_001) }, t0)).toBe(2);
    expect(lockMinutesLeft({ lockedUntil: at(THROTTLE_LOCK_MS) }, t0)).toBe(15);
    expect(lockMinutesLeft({ lockedUntil: at(14 * 60_000 + 30_000) }, t0)).toBe(15);
  });

  it('is 0 once the lock has expired', () => {
    expect(lockMinutesLeft({ lockedUntil: t0 }, t0)).toBe(0);
    expect(lockMinutesLeft({ lockedUntil: at(-1) }, t0)).toBe(0);
    expect(lockMinutesLeft({ lockedUntil: at(-60 * 60_000) }, t0)).toBe(0);
  });
});

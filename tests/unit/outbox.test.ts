import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelaySeconds } from '@/lib/mail/outbox';

describe('retryDelaySeconds', () => {
  it('doubles from 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });

  it('is capped at one hour', () => {
    expect(retryDelaySeconds(8)).toBe(3600);
    expect(retryDelaySeconds(20)).toBe(3600);
    expect(retryDelaySeconds(1000)).toBe(3600);
  });

  it('treats attempt 0 (and below) like the first attempt', () => {
    expect(retryDelaySeconds(0)).toBe(30);
    expect(retryDelaySeconds(-3)).toBe(30);
  });
});

describe('MAX_ATTEMPTS', () => {
  it('is a small positive integer', () => {
    expect(Number.isInteger(MAX_ATTEMPTS)).toBe(true);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
    expect(MAX_ATTEMPTS).toBeLessThanOrEqual(20);
  });

  it('keeps retrying for at least an hour in total before giving up', () => {
    let total = 0;
    for (let a = 1; a < MAX_ATTEMPTS; a++) total += retryDelaySeconds(a);
    expect(total).toBeGreaterThanOrEqual(60 * 60);
  });
});

import { describe, expect, it } from 'vitest';
import { FLASH_MESSAGES, flashMessageKey, withFlash } from '@/lib/forms/flash';

describe('withFlash', () => {
  it('adds ?notice= to a path without a query', () => {
    expect(withFlash('/login', 'signed-out')).toBe('/login?notice=signed-out');
  });

  it('adds &notice= to a path that has a query', () => {
    expect(withFlash('/login?callbackUrl=%2Fcontacts', 'password-reset')).toBe('/login?callbackUrl=%2Fcontacts&notice=password-reset');
  });
});

describe('flashMessageKey', () => {
  it.each(Object.entries(FLASH_MESSAGES))('maps the known key %s to %s', (key, messageKey) => {
    expect(flashMessageKey(key)).toBe(messageKey);
  });

  it('maps the keys to the catalog keys', () => {
    expect(flashMessageKey('signed-out')).toBe('auth.signedOut');
    expect(flashMessageKey('password-changed')).toBe('profile.passwordChanged');
  });

  it('rejects arrays, even of known keys', () => {
    expect(flashMessageKey(['signed-out'])).toBeNull();
    expect(flashMessageKey(['signed-out', 'password-reset'])).toBeNull();
    expect(flashMessageKey([])).toBeNull();
  });

  it.each(['', 'unknown', 'Signed-out', 'signed-out ', 'auth.signedOut'])('rejects the unknown string %j', (value) => {
    expect(flashMessageKey(value)).toBeNull();
  });

  it('rejects undefined', () => {
    expect(flashMessageKey(undefined)).toBeNull();
  });
});

describe('flashMessageKey and inherited names', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])('rejects the inherited property name %j', (value) => {
    expect(flashMessageKey(value)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('correct-horse-battery');
    await expect(verifyPassword(hash, 'correct-horse-battery')).resolves.toBe(true);
  });

  it('rejects a wrong password', async () => {
    const hash = await hashPassword('correct-horse-battery');
    await expect(verifyPassword(hash, 'correct-horse-batterY')).resolves.toBe(false);
    await expect(verifyPassword(hash, '')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    await expect(verifyPassword(a, 'same password')).resolves.toBe(true);
    await expect(verifyPassword(b, 'same password')).resolves.toBe(true);
  });

  it.each(['', 'not-a-hash', '$argon2id$v=19$m=19456,t=2,p=1$broken', '$2b$10$abcdefghijklmnopqrstuv'])(
    'returns false for the garbage hash %j instead of throwing',
    async (garbage) => {
      await expect(verifyPassword(garbage, 'anything')).resolves.toBe(false);
    },
  );

  it('has a dummy hash that matches no ordinary password', async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^\$argon2id\$/);
    expect(await dummyPasswordHash()).toBe(dummy);
    await expect(verifyPassword(dummy, 'correct-horse-battery')).resolves.toBe(false);
  });
});

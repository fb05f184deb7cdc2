import { describe, expect, it } from 'vitest';
import { hashToken, TOKEN_BYTES, TOKEN_TTL_MS, tokensFrom } from '@/lib/auth/tokens';

describe('hashToken', () => {
  it('is the hex sha256 of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is 64 lowercase hex characters', () => {
    expect(hashToken('Zm9vYmFyLWJhc2U2NHVybC10b2tlbg')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic', () => {
    expect(hashToken('same-token')).toBe(hashToken('same-token'));
  });

  it('differs for different tokens', () => {
    expect(hashToken('token-a')).not.toBe(hashToken('token-b'));
    expect(hashToken('token')).not.toBe(hashToken('token '));
  });
});

describe('TOKEN_TTL_MS', () => {
  it('lets an invitation live 7 days and a reset link 1 hour', () => {
    expect(TOKEN_TTL_MS.invite).toBe(7 * 24 * 60 * 60 * 1000);
    expect(TOKEN_TTL_MS.reset).toBe(60 * 60 * 1000);
  });
});

describe('tokensFrom', () => {
  it("cuts each link's token from its own bytes, in order, none shared with another", () => {
    const random = Uint8Array.from({ length: TOKEN_BYTES * 3 }, (_, i) => i);
    const tokens = tokensFrom(random, 3);
    expect(tokens).toEqual([0, 1, 2].map((k) => Buffer.from(random.subarray(TOKEN_BYTES * k, TOKEN_BYTES * (k + 1))).toString('base64url')));
    for (const [k, token] of tokens.entries()) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect([...Buffer.from(token, 'base64url')]).toEqual(Array.from({ length: TOKEN_BYTES }, (_, i) => TOKEN_BYTES * k + i));
    }
  });

  it('refuses to cut more tokens than the bytes hold', () => {
    expect(() => tokensFrom(new Uint8Array(TOKEN_BYTES * 2 - 1), 2)).toThrow();
    expect(tokensFrom(new Uint8Array(0), 0)).toEqual([]);
  });
});

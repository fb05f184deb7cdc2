import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/safe-redirect';

describe('safeCallbackPath', () => {
  it.each(['/contacts?q=1', '/', '/tickets/42', '/contacts?q=ana&page=2#top'])('accepts the same-site path %j', (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each(['https://evil.example/', 'http://evil.example/contacts', 'javascript:alert(1)', 'evil.example/contacts', 'contacts', ''])(
    'rejects %j, which is not a path',
    (value) => {
      expect(safeCallbackPath(value)).toBe('/');
    },
  );

  it.each(['//evil.example', '//evil.example/contacts', '/\\evil.example', '/\\/evil.example'])('rejects the protocol-relative %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it.each([undefined, null, 42, ['/contacts'], { path: '/contacts' }, new Blob(['/contacts'])])('rejects the non-string %s', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it.each(['/api/auth/signout', '/api/contacts/export'])('rejects the API route %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('returns the given fallback when rejecting', () => {
    expect(safeCallbackPath('//evil.example', '')).toBe('');
    expect(safeCallbackPath(null, '/contacts')).toBe('/contacts');
  });

  it('cuts very long paths to 500 characters', () => {
    const long = `/${'a'.repeat(800)}`;
    const result = safeCallbackPath(long);
    expect(result).toHaveLength(500);
    expect(result).toBe(long.slice(0, 500));
  });
});

describe('safeCallbackPath and control characters', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/contacts\u0000'])('rejects %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });
});

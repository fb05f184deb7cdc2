import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_PREFIXES, isAdminPath, isPublicPath } from '@/lib/http/paths';

describe('the paths proxy.ts treats as the administration area', () => {
  it('are exactly the top-level routes of app/(portal)/(admin)', () => {
    const routes = readdirSync('app/(portal)/(admin)', { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('(') && !e.name.startsWith('@') && !e.name.startsWith('_'))
      .map((e) => `/${e.name}`);
    expect([...routes].sort()).toEqual([...ADMIN_PREFIXES].sort());
  });

  it('match a route and what is under it, nothing else', () => {
    expect(['/contacts', '/contacts/new', '/groups/1', '/history', '/outbox'].every(isAdminPath)).toBe(true);
    expect(['/', '/contactsx', '/tickets', '/profile', '/login'].some(isAdminPath)).toBe(false);
    expect(isPublicPath('/login') && isPublicPath('/invite/abc') && !isPublicPath('/contacts')).toBe(true);
  });
});

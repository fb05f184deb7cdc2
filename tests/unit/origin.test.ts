import { describe, expect, it } from 'vitest';
import { fromOwnSite, requestFromOwnSite } from '@/lib/http/origin';

const APP = 'https://portal.example.com.br';

describe('a data-changing request is taken only from this site (issue finding 10)', () => {
  it('with APP_URL, needs exactly its origin: scheme, host and port', () => {
    const check = (origin: string | null, extra: { host?: string; secFetchSite?: string } = {}) =>
      fromOwnSite({ origin, secFetchSite: extra.secFetchSite ?? null, host: extra.host ?? 'portal.example.com.br', appUrl: APP });
    expect(check('https://portal.example.com.br')).toBe(true);
    expect(check('https://portal.example.com.br', { host: 'internal:3000' })).toBe(true); // behind the proxy
    expect(check('http://portal.example.com.br')).toBe(false);
    expect(check('https://portal.example.com.br:8443')).toBe(false);
    expect(check('https://evil.example')).toBe(false);
    expect(check('https://evil.example', { host: 'evil.example' })).toBe(false);
    expect(check('https://portal.example.com.br.evil.example')).toBe(false);
    expect(check('not a url')).toBe(false);
    // APP_URL with a path or a trailing slash still names the same origin.
    expect(fromOwnSite({ origin: APP, secFetchSite: null, host: null, appUrl: `${APP}/portal/` })).toBe(true);
  });

  it('without Origin, takes only the browser’s own "same-origin" mark', () => {
    for (const origin of [null, '', 'null']) {
      expect(fromOwnSite({ origin, secFetchSite: null, host: 'portal.example.com.br', appUrl: APP }), String(origin)).toBe(false);
      expect(fromOwnSite({ origin, secFetchSite: 'same-site', host: 'portal.example.com.br', appUrl: APP })).toBe(false);
      expect(fromOwnSite({ origin, secFetchSite: 'cross-site', host: 'portal.example.com.br', appUrl: APP })).toBe(false);
      expect(fromOwnSite({ origin, secFetchSite: 'same-origin', host: 'portal.example.com.br', appUrl: APP })).toBe(true);
    }
  });

  it('a foreign Origin is refused even with a same-origin mark', () => {
    expect(fromOwnSite({ origin: 'https://evil.example', secFetchSite: 'same-origin', host: 'portal.example.com.br', appUrl: APP })).toBe(false);
  });

  it('without APP_URL, compares with the Host asked for, never with X-Forwarded-Host', () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(requestFromOwnSite(headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }), undefined)).toBe(true);
    expect(requestFromOwnSite(headers({ origin: 'http://localhost:3001', host: 'localhost:3000' }), undefined)).toBe(false);
    expect(requestFromOwnSite(headers({ origin: 'https://evil.example', host: 'localhost:3000', 'x-forwarded-host': 'evil.example' }), undefined)).toBe(false);
    expect(requestFromOwnSite(headers({ origin: 'https://evil.example' }), undefined)).toBe(false);
  });

  it('a malformed APP_URL refuses everything rather than everyone', () => {
    expect(fromOwnSite({ origin: 'https://portal.example.com.br', secFetchSite: null, host: 'portal.example.com.br', appUrl: 'portal.example.com.br' })).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from '@/lib/http/security-headers';

describe('security headers (issue finding 7)', () => {
  it('a nonce is new every time and fits the policy syntax Next reads', () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('allows eval and inline styles only under next dev', () => {
    expect(contentSecurityPolicy('n', false)).toContain("script-src 'self' 'nonce-n' 'strict-dynamic';");
    expect(contentSecurityPolicy('n', false)).toContain("style-src 'self';");
    expect(contentSecurityPolicy('n', false)).not.toMatch(/unsafe/);
    expect(contentSecurityPolicy('n', true)).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';");
    expect(contentSecurityPolicy('n', true)).toContain("style-src 'self' 'unsafe-inline';");
  });

  it('turns off features the portal never uses, naming no feature browsers no longer know', () => {
    for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${f}=()`);
    expect(PERMISSIONS_POLICY).not.toContain('interest-cohort');
  });
});

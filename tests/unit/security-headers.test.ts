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

describe('the company sign-in page', () => {
  it('alone may send its form to the provider (any HTTPS address, or loopback)', async () => {
    const { COMPANY_SIGN_IN_FORM_ACTION } = await import('@/lib/http/security-headers');
    expect(contentSecurityPolicy('n', false)).toContain("form-action 'self';");
    const relaxed = contentSecurityPolicy('n', false, COMPANY_SIGN_IN_FORM_ACTION);
    expect(relaxed).toContain("form-action 'self' https: http://127.0.0.1:* http://localhost:*;");
    expect(relaxed).not.toMatch(/form-action[^;]*http:(?!\/\/(127\.0\.0\.1|localhost))/);
  });
});

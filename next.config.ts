import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PERMISSIONS_POLICY } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const config: NextConfig = {
  // With cacheComponents on, server-side validation errors never reached the HTML of a
  // no-JS POST (see docs/decisions/001-stack-and-runtime.md).
  cacheComponents: false,
  // A second build directory lets a developer build while the test suite uses `.next`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // .ci/run type-checks the whole tree (`npm run typecheck`) before the suite, and says so: the
  // build of the browser tests then skips its second, identical check (about 30 s of CI).
  typescript: { ignoreBuildErrors: process.env.PORTARIA_TYPECHECKED === '1' },
  // Native or WASM packages that break when bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'nodemailer'],
  experimental: {
    authInterrupts: true,
    // The proxy (proxy.ts) buffers request bodies and cuts them at this size. The CSV upload
    // route refuses files over 10 MB itself, with the page's message; this must stay above
    // 10 MB plus the multipart envelope, or a file just under the limit would arrive cut.
    proxyClientMaxBodySize: '12mb',
  },
  // Headers that are the same on every response. The Content-Security-Policy carries a nonce
  // per request, so proxy.ts sets it; Strict-Transport-Security belongs to the TLS proxy in
  // front (README, "Deployment behind a proxy").
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default withNextIntl(config);

import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const config: NextConfig = {
  // With cacheComponents on, server-side validation errors never reached the HTML of a
  // no-JS POST (see docs/decisions/001-stack-and-runtime.md).
  cacheComponents: false,
  // A second build directory lets a developer build while the test suite uses `.next`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Native or WASM packages that break when bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'nodemailer'],
  experimental: {
    authInterrupts: true,
    // CSV uploads are capped at 10 MB inside the action; this limit must stay above that cap,
    // or the browser gets a bare HTTP 500 instead of a readable error.
    serverActions: { bodySizeLimit: '12mb' },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(config);

import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    '.data/**',
    'next-env.d.ts',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
    '*.tmp.mjs',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // The server's translators are kept for the process (lib/i18n/server.ts, decision 018).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next-intl/server',
              importNames: ['getTranslations', 'getFormatter'],
              message: "Import them from '@/lib/i18n/server': next-intl's make new translators on every request.",
            },
          ],
        },
      ],
    },
  },
  { files: ['lib/i18n/server.ts'], rules: { 'no-restricted-imports': 'off' } },
]);

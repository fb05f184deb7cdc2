import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Integration tests run twice when TEST_DATABASE_URL is set: once on PGlite, once on
// PostgreSQL, each test file on a fresh database cloned from a migrated template.
const integration = (name: string, db: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    // *.postgres.test.ts need a server database (several processes, LISTEN/NOTIFY).
    exclude: db === 'pglite' ? ['tests/integration/**/*.postgres.test.ts'] : [],
    environment: 'node',
    globalSetup: [`tests/setup/global-${db}.ts`],
    setupFiles: ['tests/setup/console.ts', 'tests/setup/integration.ts'],
    env: { TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Repositories import 'server-only' to stay out of client bundles; tests are server code.
      'server-only': `${root}tests/setup/empty.ts`,
    },
  },
  test: {
    // Every core: Vitest's default leaves one free (one worker on a two-core machine), and
    // nothing else runs beside the suite (the browser tests come after it).
    maxWorkers: availableParallelism(),
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-results/vitest.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup/console.ts'] } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/console.ts', 'tests/setup/component.ts'],
        },
      },
      integration('integration-pglite', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('integration-postgres', 'postgres')] : []),
    ],
  },
});

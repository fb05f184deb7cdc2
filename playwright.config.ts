import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E, twoInstances } from './tests/e2e/support/env';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. The browser tests use Debian's Chromium: install the package "chromium" ` +
      '(apt-get install -y chromium), or point CHROMIUM_PATH at a Chromium binary.',
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two instances and a worker run only on PostgreSQL (TEST_DATABASE_URL, as in CI); on the
  // embedded database the product is one process, and instances.spec.ts has nothing to test.
  testIgnore: twoInstances() ? [] : ['**/instances.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.ci-results/e2e.json' }]] : [['list']],
  use: {
    baseURL: E2E.baseUrl,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    // A trace records a screencast and DOM snapshots at every step of every test, failing or
    // not: a quarter of the browser tests' CPU and a fifth of their time on this 2-core machine
    // (decision 021). CI keeps a screenshot of a failure; a local run keeps the whole trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'tsx tests/e2e/support/smtp-sink-server.ts',
      url: `${E2E.sinkUrl}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'tsx tests/e2e/support/oidc-server.ts',
      url: `http://localhost:${E2E.providerPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The real start path (scripts/start.ts) on a fresh embedded database with e2e fixtures.
      command: 'tsx --conditions=react-server tests/e2e/support/app-server.ts',
      url: `${E2E.baseUrl}/login`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
    },
  ],
});

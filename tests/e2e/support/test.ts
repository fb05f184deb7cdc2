import { test as base, expect } from '@playwright/test';

// Every page a test opens fails the test on a console error or an uncaught exception in the
// browser (the house rule for all test layers).
export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: import('@playwright/test').Page) => {
        page.on('console', (m) => {
          if (m.type() !== 'error') return;
          // Chromium reports a page answered with 403 or 404 as a failed load of the page itself.
          // That status is the page's answer, which the tests assert; any other failed load
          // (a script, a style, a fetch) still fails the test.
          if (/^Failed to load resource: the server responded with a status of 40[34] /.test(m.text()) && m.location().url === page.url()) return;
          problems.push(`console.error on ${page.url()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`uncaught on ${page.url()}: ${e.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(problems, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

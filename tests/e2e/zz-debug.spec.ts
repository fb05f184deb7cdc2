import { test } from '@playwright/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';
test.use({ javaScriptEnabled: false });
test('debug', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  for (const p of ['/contacts/00000000-0000-4000-8000-000000000000/edit', '/contacts/nao-existe/edit', '/nao-existe']) {
    const r = await page.goto(p);
    console.log('STATUS', p, r?.status());
    console.log((await page.content()).replace(/<script[\s\S]*?<\/script>/g, '<script/>').replace(/<head>[\s\S]*<\/head>/, '').slice(0, 1500));
  }
});

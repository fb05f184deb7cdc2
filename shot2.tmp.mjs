import { chromium } from '@playwright/test';
const base = 'http://localhost:3077';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [name, vp] of [['laptop', { width: 1366, height: 800 }], ['phone', { width: 360, height: 740 }]]) {
  const ctx = await browser.newContext({ viewport: vp, locale: 'pt-BR', javaScriptEnabled: !process.env.NOJS });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  await page.goto(base + '/login');
  await page.getByLabel('E-mail').fill('admin@demo.test');
  await page.getByLabel('Senha').fill('demo-senha-123');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL('**/contacts**');
  await page.getByRole('button', { name: /Ações para João/ }).click().catch(() => page.locator('summary').nth(1).click());
  await page.screenshot({ path: `/tmp/shots/menu-${name}.png`, fullPage: false });
  await page.goto(base + '/contacts/new');
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shots/new-errors-${name}.png`, fullPage: true });
  const id = await page.evaluate(async () => null);
  await page.goto(base + '/contacts');
  const href = await page.locator('a[href$="/edit"]').nth(1).getAttribute('href');
  const cid = href.split('/')[2];
  for (const p of ['edit', 'permissions', 'transfer-admin', 'transfer-tickets', 'delete']) {
    await page.goto(`${base}/contacts/${cid}/${p}`);
    await page.screenshot({ path: `/tmp/shots/${p}-${name}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close();

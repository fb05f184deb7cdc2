// Two `next start` instances on one PostgreSQL, with the worker apart (PRODUCT.md §10,
// docs/decisions/013): nothing a person does depends on which instance answers. The whole
// suite runs behind the round-robin balancer; these tests also pin the browser to one instance
// (x-balancer-pin), on the site's one address: a form posted straight to an instance's own
// port would come from another origin, and be refused like any other site's. One browser
// context per test, switched between instances.
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { cpfFromBase } from '@/lib/br/cpf';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';

/** From now on the balancer sends every request of this browser to instance `n` (none: round robin). */
async function pinTo(page: Page, n?: '1' | '2') {
  await page.context().setExtraHTTPHeaders(n ? { 'x-balancer-pin': n } : {});
}

test('the balancer sends requests to both instances, and a sign-in on one holds on the other', async ({ page }) => {
  await pinTo(page, '1');
  await signIn(page, E2E.demoAdmin);
  expect((await page.request.get('/healthz')).headers()['x-portaria-backend']).toBe('1');

  // The same cookie, the other instance: still signed in, the company's list shown.
  await pinTo(page, '2');
  const answer = await page.goto('/contacts');
  expect(answer?.headers()['x-portaria-backend']).toBe('2');
  await expect(page).toHaveURL(`${E2E.baseUrl}/contacts`);
  await expect(page.getByRole('link', { name: 'Importar usuários' })).toBeVisible();

  // Unpinned, page after page: both instances answer (the pages, their scripts and the
  // payloads the browser fetches; each request takes the next instance's turn).
  await pinTo(page);
  const backends = new Set<string>();
  page.on('response', (r) => {
    const backend = r.headers()['x-portaria-backend'];
    if (backend) backends.add(backend);
  });
  for (const path of ['/contacts', '/groups', '/history', '/profile']) {
    const shown = await page.goto(path);
    expect(shown?.status()).toBe(200);
  }
  expect([...backends].sort()).toEqual(['1', '2']);
});

test('an import started on one instance is run by the worker and watched to the end on the other', async ({ page }) => {
  await pinTo(page, '1');
  await signIn(page, E2E.demoAdmin);
  const lines = ['pais;nome;documento;ddd;telefone;email;consultoria'];
  // Names after "Marina": the first page of the demo list, which other tests read, stays as it is.
  for (let i = 1; i <= 40; i++)
    lines.push(
      `Brasil;Zoraide Instâncias ${i};${cpfFromBase(String(730_000_000 + i))};11;98765${String(i).padStart(4, '0')};zoraide${i}@instancias.demo.test;N`,
    );
  await page.goto('/contacts/import');
  await page
    .getByLabel('Arquivo CSV')
    .setInputFiles({ name: 'instancias.csv', mimeType: 'text/csv', buffer: iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252') });
  await page.getByRole('button', { name: 'Conferir arquivo' }).click();
  await expect(page).toHaveURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Importar usuários' }).click();
  await expect(page.getByText(/Importando|Importação concluída/).first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(jobPath);

  // Watched on the other instance: the worker (neither instance) finishes it.
  await pinTo(page, '2');
  const answer = await page.goto(jobPath);
  expect(answer?.headers()['x-portaria-backend']).toBe('2');
  await expect(page.getByText(/Importação concluída\. 40 usuários importados\./)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Sucesso!', { exact: true })).toHaveCount(40);
});

test('a session ended with "Sair" on one instance is refused by the other', async ({ page }) => {
  await pinTo(page, '1');
  await signIn(page, E2E.sessions.instances.email);
  const cookies = await page.context().cookies();
  await pinTo(page, '2');
  await page.goto('/profile');
  await expect(page).toHaveURL(`${E2E.baseUrl}/profile`);

  await pinTo(page, '1');
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByRole('status')).toHaveText('Você saiu do portal.');
  // The old cookie, kept by someone, on the other instance: refused.
  await page.context().addCookies(cookies);
  await pinTo(page, '2');
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login/);
});

test('each instance answers /healthz and /readyz for the balancer, with nothing about people or sessions', async ({ request }) => {
  for (const base of E2E.instancePorts.map((port) => `http://127.0.0.1:${port}`)) {
    const live = await request.get(`${base}/healthz`);
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await request.get(`${base}/readyz`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'ok' });
    expect(ready.headers()['cache-control']).toBe('no-store');
    expect(ready.headers()['set-cookie']).toBeUndefined();
    expect(ready.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  }
});

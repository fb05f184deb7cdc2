// Issue findings 9 and 10: an administration page refused to a contact says so in its status
// code as well as in its text (readable without JavaScript); and a POST is taken only from
// this site's own pages, whatever X-Forwarded-Host claims.
import iconv from 'iconv-lite';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';

const FOREIGN = 'https://evil.example';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a contact who is not the administrator gets HTTP 403 and a readable "Acesso restrito"', async ({ page }) => {
    await signIn(page, E2E.demoContact);
    for (const path of ['/contacts', '/contacts/new', '/groups', '/history', '/outbox', '/contacts/import']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      const html = await response!.text();
      expect(html, path).toContain('Acesso restrito');
      expect(html, path).toContain('Esta área é exclusiva do administrador da empresa.');
      await expect(page.getByRole('heading', { level: 1, name: 'Acesso restrito' })).toBeVisible();
      // The portal around it stays: the person can go on to their own pages.
      await expect(page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Chamados' })).toBeVisible();
    }
    // Their own pages answer as usual.
    expect((await page.goto('/tickets'))?.status()).toBe(200);
  });

  test('the administrator gets the same pages with HTTP 200', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    for (const path of ['/contacts', '/groups', '/history', '/outbox']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: 'Acesso restrito' })).toHaveCount(0);
    }
  });
});

test('with JavaScript, the refused page answers 403 and reads the same once the scripts run', async ({ page }) => {
  await signIn(page, E2E.demoContact);
  const response = await page.goto('/groups');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Acesso restrito' })).toBeVisible();
  // Client navigation from there to the person's own pages still works.
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Chamados' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chamados' })).toBeVisible();
});

test('a POST without Origin, or from another site, is refused before it reaches the page', async ({ request }) => {
  // Playwright's API client sends neither Origin nor Sec-Fetch-Site, as a script would not.
  const form = { email: 'ninguem@demo.test', password: 'qualquer-uma' };
  const bare = await request.post('/login', { form, maxRedirects: 0 });
  expect(bare.status()).toBe(403);
  expect(bare.headers()['content-type']).toMatch(/^text\/plain/);
  expect((await bare.text()).length).toBeLessThan(200);

  const foreign: Array<Record<string, string>> = [
    { origin: FOREIGN },
    { origin: FOREIGN, 'x-forwarded-host': 'evil.example' },
    { origin: 'null' },
    { origin: FOREIGN, 'sec-fetch-site': 'same-origin' },
  ];
  for (const headers of foreign) {
    const refused = await request.post('/login', { form, headers, maxRedirects: 0 });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
  }
  // The same address with this site's own origin (APP_URL), or a browser's same-origin mark.
  const own: Array<Record<string, string>> = [{ origin: E2E.baseUrl }, { 'sec-fetch-site': 'same-origin' }];
  for (const headers of own) {
    const taken = await request.post('/login', { form, headers, maxRedirects: 0 });
    expect(taken.status(), JSON.stringify(headers)).not.toBe(403);
  }
  // GET is not concerned.
  expect((await request.get('/login')).status()).toBe(200);
});

test('a server action posted from another site is not run, even with a matching X-Forwarded-Host', async ({ request }) => {
  // The language switcher's action, as a no-JavaScript form posts it.
  const html = await (await request.get('/login')).text();
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  expect(actionField).toBeTruthy();
  const multipart = { [actionField!]: '', locale: 'en', returnTo: '/login' };
  const forged = await request.post('/login', { multipart, headers: { origin: FOREIGN, 'x-forwarded-host': 'evil.example' }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(forged.headers()['set-cookie'] ?? '').not.toContain('locale=en');
  // From this site it runs (and is undone at once: the request context is this test's own).
  const own = await request.post('/login', { multipart, headers: { origin: E2E.baseUrl }, maxRedirects: 0 });
  expect(own.status()).toBe(303);
  expect(own.headers()['set-cookie'] ?? '').toContain('locale=en');
});

test("Auth.js's own endpoints still take the browser's POSTs (they carry Origin)", async ({ page }) => {
  await signIn(page, E2E.demoContact);
  const answer = await page.evaluate(async () => {
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    // Auth.js answers with a redirect (not followed here: it names Next's internal host).
    const res = await fetch('/api/auth/signout', { method: 'POST', body: new URLSearchParams({ csrfToken }), redirect: 'manual' });
    return res.type;
  });
  expect(answer).toBe('opaqueredirect');
  await page.goto('/tickets');
  await expect(page).toHaveURL(/\/login/);
});

test('the upload route takes its origin from the browser and APP_URL, not from X-Forwarded-Host', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const csv = iconv.encode(
    'pais;nome;documento;ddd;telefone;email;consultoria\r\nBR;Fábio Forjado;111.444.777-35;11;987654321;fabio.forjado@demo.test;N\r\n',
    'windows-1252',
  );
  const file = { name: 'origem-forjada.csv', mimeType: 'text/csv', buffer: csv };
  const forged = await page.request.post('/contacts/import/upload', {
    multipart: { file },
    headers: { origin: FOREIGN, 'x-forwarded-host': 'evil.example' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  await page.goto('/contacts/import');
  await expect(page.getByRole('link', { name: 'origem-forjada.csv' })).toHaveCount(0);
});

test('a form posted with more than 1 MB is refused with 413 and a readable answer, not a failure', async ({ request }) => {
  const name = 'x'.repeat(2 * 1024 * 1024);
  const answer = await request.post('/signup', { multipart: { name, companyCode: 'DEMO' }, headers: { origin: E2E.baseUrl }, maxRedirects: 0 });
  expect(answer.status()).toBe(413);
  expect(await answer.text()).toBe('Pedido recusado: o formulário enviado passa de 1 MB. Volte, encurte o texto e envie de novo.');
});

test('a planted Auth.js callback cookie neither signs the person out nor breaks signing in; a foreign callbackUrl is refused with 400', async ({ page }) => {
  // As from a sibling domain: a callback-address cookie the portal never set.
  const planted = { name: 'authjs.callback-url', value: 'javascript:alert(1)', domain: '127.0.0.1', path: '/' };
  await page.context().addCookies([planted]);
  await signIn(page, E2E.demoAdmin);
  const answer = await page.goto('/contacts');
  expect(answer?.status()).toBe(200);
  await expect(page).toHaveURL(/\/contacts$/);
  // Planted again while signed in: still signed in, and the answer deletes it.
  await page.context().addCookies([planted]);
  const again = await page.goto('/profile');
  expect(again?.status()).toBe(200);
  await expect(page).toHaveURL(/\/profile$/);
  expect((await page.context().cookies()).some((c) => c.name === 'authjs.callback-url')).toBe(false);

  for (const callbackUrl of ['https://evil.example/', '//evil.example', 'CANARY-joao.pereira@demo.test']) {
    const refused = await page.request.get(`/api/auth/providers?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(refused.status(), callbackUrl).toBe(400);
  }
  expect((await page.request.get('/api/auth/providers?callbackUrl=%2Fcontacts')).status()).toBe(200);
});

test('/favicon.ico, which browsers ask for on their own, leads to the icon instead of a 404', async ({ page }) => {
  const answer = await page.request.get('/favicon.ico', { maxRedirects: 0 });
  expect(answer.status()).toBe(308);
  expect(answer.headers()['location']).toBe('/icon.svg');
  const icon = await page.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
});

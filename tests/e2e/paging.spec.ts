// Out-of-range input in the address (issue finding 8): a page number or a date nobody could
// mean answers with the nearest valid page or a message next to the field, never HTTP 500.
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';

const HUGE = '9'.repeat(30);

/** A contact's id, read from the list (the row links to its pages). */
async function someContactId(page: Page): Promise<string> {
  await page.goto('/contacts');
  const href = (await page.getByRole('rowheader').getByRole('link').first().getAttribute('href')) ?? '';
  const id = /\/contacts\/([0-9a-f-]{36})$/.exec(href)?.[1];
  expect(id, href).toBeTruthy();
  return id!;
}

/** An import job in preview (nothing is imported), for its page of rows. */
async function someImportJob(page: Page): Promise<string> {
  const csv = iconv.encode(
    'pais;nome;documento;ddd;telefone;email;consultoria\r\nBR;Paula Paginada;529.982.247-25;11;987654321;paula.paginada@demo.test;N\r\n',
    'windows-1252',
  );
  const res = await page.request.post('/contacts/import/upload', {
    multipart: { file: { name: 'paginas.csv', mimeType: 'text/csv', buffer: csv } },
    headers: { origin: E2E.baseUrl },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  const jobId = /\/contacts\/import\/([0-9a-f-]{36})/.exec(res.headers().location ?? '')?.[1];
  expect(jobId, res.headers().location).toBeTruthy();
  return jobId!;
}

test('a page number past the end, or too large for a number, shows the last page', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const contactId = await someContactId(page);
  const jobId = await someImportJob(page);
  const pages: Array<[string, string, boolean]> = [
    // path, its heading, whether it has rows to page through
    ['/contacts', 'Usuários do Sistema', true],
    ['/history', 'Histórico', true],
    [`/contacts/${contactId}/history`, 'Histórico', false],
    ['/tickets', 'Chamados', true],
    ['/outbox', 'E-mails enviados', true],
    [`/contacts/import/${jobId}`, 'Importar usuários', true],
    ['/groups', 'Grupo de Usuários', false],
  ];
  // 35 addresses: each asked for with the browser's session and read as served (the page chosen
  // is the server's answer); one of each kind is then opened in the browser below.
  for (const [path, heading, rows] of pages) {
    for (const pageParam of [HUGE, '999999', '-3', 'abc', '1e3']) {
      const url = `${path}?page=${pageParam}`;
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const html = await response.text();
      expect(html, url).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
      if (rows) {
        // The nearest valid page: the last one for a number past the end, the first for nonsense.
        const [, shown, last] = /class="pagination__label">Página ([\d.]+) de ([\d.]+)</.exec(html) ?? [];
        expect(shown, url).toBeTruthy();
        expect(shown, url).toBe(['-3', 'abc', '1e3'].includes(pageParam) ? '1' : last);
      }
    }
  }
  for (const url of ['/contacts?page=999999', `/contacts/import/${jobId}?page=${HUGE}`]) {
    await page.goto(url);
    await expect(page.locator('.pagination__label'), url).toHaveText(/^Página ([\d.]+) de \1$/);
  }
});

test('a date out of range is refused next to its field, and the other filters are kept', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  for (const [param, value, label] of [
    ['from', '0000-01-01', 'De'],
    ['to', '9999-12-31', 'Até'],
    ['from', '2024-02-31', 'De'],
    ['to', '275760-09-13', 'Até'],
  ] as const) {
    const url = `/history?q=${encodeURIComponent('Jo')}&action=contact.updated&${param}=${value}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Histórico' })).toBeVisible();
    const field = page.getByLabel(label, { exact: true });
    await expect(field, url).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#field-${param}-error`), url).toHaveText(/^Data inválida/);
    await expect(page.getByLabel('Contato', { exact: true }), url).toHaveValue('Jo');
    await expect(page.getByLabel('Ação', { exact: true }), url).toHaveValue('contact.updated');
  }
  // A valid period still filters, without a message.
  const response = await page.goto('/history?from=2000-01-01&to=2999-12-31');
  expect(response?.status()).toBe(200);
  await expect(page.locator('.field__error')).toHaveCount(0);
  await expect(page.locator('.pagination__label')).toHaveText(/^Página 1 de \d+$/);
});

test('a NUL in a search, or an address that cannot be decoded, gets an answer, never HTTP 500', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  for (const [path, heading] of [
    ['/contacts?q=Jo%00%C3%A3o', 'Usuários do Sistema'],
    ['/history?q=%00', 'Histórico'],
    ['/groups?q=a%00b', 'Grupo de Usuários'],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(page.url()).not.toContain('%00');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  for (const path of ['/invite/%ZZ', '/reset-password/%E0%A4%A']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.text()).toBe('Endereço inválido: confira o link.');
  }
});

test("a router state Next cannot read gets an answer, never HTTP 500; the router's own still navigates", async ({ page }) => {
  // Anonymous first: the forged header fails any page, not only a signed-in one.
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, E2E.demoAdmin);
    const path = signedIn ? '/contacts' : '/login';
    for (const forged of ['garbage', encodeURIComponent('[]'), encodeURIComponent('["",{"children":"x"}]')]) {
      const res = await page.request.get(`${path}?_rsc=x`, { headers: { rsc: '1', 'next-router-state-tree': forged } });
      expect(res.status(), `${path} ${forged}`).toBe(400);
      expect(await res.text()).toBe('Bad Request');
    }
  }
  // The browser's own router state passes: a client navigation gets its payload (HTTP 200) and
  // lands on the list without reloading the page (a refused payload would reload it whole).
  await page.goto('/tickets');
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const payload = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/contacts' && r.request().headers()['rsc'] === '1' && !r.request().headers()['next-router-prefetch'],
  );
  await page.locator('.sidenav').getByRole('link', { name: 'Usuários do Sistema' }).click();
  expect((await payload).status()).toBe(200);
  await page.waitForURL('**/contacts');
  await expect(page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

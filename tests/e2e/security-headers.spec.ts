// Security headers (issue findings 7): a Content-Security-Policy with a nonce per request that
// every page actually satisfies, with JavaScript on, through client navigation, the modal
// confirmations and the language switcher; and the other protective headers.
import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { openRowActions, rowContactId, signIn } from './support/helpers';

type Watched = { violations: string[] };

/**
 * Collects every CSP violation the browser reports, from before the site's first script, and
 * every console message about a policy (whatever its level).
 */
async function watchPolicies(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`);
    });
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/content.security.policy|permissions.policy|feature policy/i.test(m.text())) console.push(`${m.type()} on ${page.url()}: ${m.text()}`);
  });
  const seen: string[] = [];
  // Each document has its own list: read it before leaving a page.
  return async () => {
    seen.push(...(await page.evaluate(() => (window as unknown as Watched).violations ?? [])));
    return [...seen.splice(0), ...console.splice(0)];
  };
}

function nonceOf(response: Response): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  const match = /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(csp);
  expect(match, `a nonce in ${csp}`).not.toBeNull();
  return match![1]!;
}

async function expectProtected(response: Response | null) {
  expect(response, 'a response').not.toBeNull();
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", `'nonce-${nonceOf(response!)}'`, "'strict-dynamic'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  expect(directives.get('font-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('form-action')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('style-src')?.[0]).toBe("'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(directives.get('style-src')).not.toContain("'unsafe-inline'");

  const permissions = headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');

  // Next puts the nonce on every script it writes into the page.
  const html = await response!.text();
  const nonce = nonceOf(response!);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
}

test('anonymous pages send the policy, satisfy it and get a new nonce every time', async ({ page }) => {
  const violations = await watchPolicies(page);
  for (const path of ['/login', '/forgot-password']) {
    const first = await page.goto(path);
    await expectProtected(first);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(), path).toEqual([]);
    const again = await page.goto(path);
    expect(nonceOf(again!)).not.toBe(nonceOf(first!));
  }
  // The client-side validation of the sign-in form is JavaScript under the policy too.
  await page.goto('/login');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.locator('form [role="alert"], form .field__error').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the administrator's pages satisfy the policy, with client navigation, a modal and the language switcher", async ({ page }) => {
  test.setTimeout(120_000); // some twenty page loads
  const violations = await watchPolicies(page);
  await signIn(page, E2E.demoAdmin);
  expect(await violations(), 'sign-in').toEqual([]);

  const contacts = await page.goto('/contacts');
  await expectProtected(contacts);
  const contactId = await rowContactId(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') })
      .first(),
  );

  const paths = [
    '/',
    '/contacts/new',
    `/contacts/${contactId}`,
    `/contacts/${contactId}/edit`,
    `/contacts/${contactId}/permissions`,
    `/contacts/${contactId}/history`,
    '/contacts/import',
    '/groups',
    '/groups/new',
    '/tickets',
    '/tickets/new',
    '/history',
    '/outbox',
    '/profile',
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    await expectProtected(response);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }

  // Client navigation: the next page's code is loaded by trusted code ('strict-dynamic').
  await page.goto('/contacts');
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Grupo de Usuários' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Grupo de Usuários' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' })).toBeVisible();

  // A confirmation shown as a modal (an intercepted route), then closed with Escape.
  await page.goto(`/contacts?q=${encodeURIComponent('Luíza Gonçalves')}`);
  const row = page.getByRole('row', { name: /Luíza Gonçalves/ });
  const actions = await openRowActions(page, row, 'Luíza Gonçalves');
  await actions.getByRole('link', { name: 'Excluir perfil', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Excluir perfil: Luíza Gonçalves' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await violations(), 'navigation and modal').toEqual([]);

  // The language switcher (a server action) and back.
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('button', { name: 'Alterar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'System users' })).toBeVisible();
  await page.getByLabel('Language').selectOption('pt-BR');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' })).toBeVisible();
  expect(await violations(), 'language switcher').toEqual([]);
});

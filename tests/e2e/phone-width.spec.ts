// A phone (360–414 px): no page is wider than the screen, the company switcher and "Trocar"
// fit, and the side navigation becomes a menu in the header that shows every item and the
// current one, with JavaScript and without.
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, rowContactId, signIn } from './support/helpers';

const PHONE = { width: 360, height: 740 };
const ADMIN_NAV = [
  'Usuários do Sistema',
  'Solicitações de acesso',
  'Grupo de Usuários',
  'Chamados',
  'Histórico',
  'E-mails enviados',
  'Configurações da empresa',
];

/** The document's width against the viewport's, once the page's heading is there. */
async function widthOf(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first(), `${path} shows its page`).toBeVisible();
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Every page given that scrolls sideways, with its widths (all of them in one failure). */
async function widePages(page: Page, paths: readonly string[]) {
  const wide: string[] = [];
  for (const path of paths) {
    const { scrollWidth, innerWidth } = await widthOf(page, path);
    if (scrollWidth > innerWidth) wide.push(`${path}: the document is ${scrollWidth} px wide in a ${innerWidth} px viewport`);
  }
  return wide;
}

/** The href of a link on a list page: the detail pages of records the demo company has. */
async function hrefOf(page: Page, listPath: string, name: string) {
  await page.goto(listPath);
  const href = await page.getByRole('main').getByRole('link', { name, exact: true }).first().getAttribute('href');
  if (!href) throw new Error(`no link "${name}" on ${listPath}`);
  return href;
}

async function contactId(page: Page, name: string) {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  return rowContactId(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }));
}

/** Every page of the administrator (and of a contact: tickets, profile). */
async function portalPages(page: Page) {
  // Íris is invited and never signed in: her "Reenviar convite" is the real page.
  const iris = await contactId(page, 'Íris Falcão');
  const joao = await contactId(page, 'João Batista Pereira');
  const group = await hrefOf(page, '/groups', 'Atendimento Financeiro');
  const ticket = await hrefOf(page, '/tickets', 'Erro ao emitir nota fiscal');
  const tabs = ['edit', 'permissions', 'history', 'sessions', 'transfer-tickets', 'transfer-admin', 'deactivate', 'delete', 'resend-invitation'];
  const selection = `id=${iris}&id=${joao}`;
  return [
    '/contacts',
    '/contacts/new',
    `/contacts/${iris}`,
    ...tabs.map((tab) => `/contacts/${iris}/${tab}`),
    '/contacts/import',
    '/contacts/review',
    `/contacts/bulk?${selection}`,
    `/contacts/bulk?kind=permissions&${selection}`,
    `/contacts/bulk?kind=group&${selection}`,
    `/contacts/bulk?kind=deactivate&${selection}`,
    '/groups',
    '/groups/new',
    group,
    '/history',
    '/outbox',
    '/requests',
    '/settings',
    '/settings/domains',
    '/settings/sign-in',
    '/profile',
    '/tickets',
    '/tickets/new',
    ticket,
  ];
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`at 360 px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test('no page of the portal is wider than the screen', async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, E2E.demoAdmin);
      const paths = await portalPages(page);
      expect(await widePages(page, paths), 'pages wider than the screen').toEqual([]);
    });

    test('no sign-in page is wider than the screen', async ({ page }) => {
      expect(await widePages(page, ['/login', '/signup', '/forgot-password']), 'pages wider than the screen').toEqual([]);
    });

    test('the company switcher and "Trocar" fit', async ({ page }) => {
      // Otto is the administrator of his company and a contact of the demo company.
      await signIn(page, E2E.otherAdmin);
      for (const path of ['/tickets', '/profile']) {
        const { scrollWidth, innerWidth } = await widthOf(page, path);
        expect(scrollWidth, `${path} is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
        for (const control of [page.getByRole('combobox', { name: 'Empresa' }), page.getByRole('button', { name: 'Trocar' })]) {
          await expect(control).toBeVisible();
          const box = (await control.boundingBox())!;
          expect(box.x, `${path}: the company switcher starts on the screen`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `${path}: the company switcher ends on the screen`).toBeLessThanOrEqual(PHONE.width);
        }
      }
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the phone menu, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 844 } });

    test('shows every item and marks the current one, in place of the side navigation', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      await page.goto('/contacts');
      // One main navigation on a phone: the menu in the header; its button names the section.
      const nav = page.getByRole('navigation', { name: 'Navegação principal' });
      await expect(nav).toHaveCount(1);
      // A disclosure (<details>): its <summary> is the button, with no role of its own to find it by.
      const button = page.locator('summary').filter({ hasText: 'Menu' });
      await expect(button).toContainText('Menu');
      await expect(button).toContainText('Usuários do Sistema');
      await expect(nav.getByRole('link')).toHaveCount(0);

      await nav.getByText('Menu', { exact: true }).click();
      await expect(nav.getByRole('link')).toHaveCount(ADMIN_NAV.length);
      for (const name of ADMIN_NAV) await expect(nav.getByRole('link', { name })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Usuários do Sistema' })).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
      if (javaScriptEnabled) await expectAccessible(page);

      if (javaScriptEnabled) {
        // Escape closes it and gives the focus back to its button (once the page is interactive).
        await expect(async () => {
          if ((await nav.getByRole('link').count()) === 0) await nav.getByText('Menu', { exact: true }).click();
          await page.keyboard.press('Escape');
          await expect(nav.getByRole('link')).toHaveCount(0, { timeout: 500 });
        }).toPass();
        await expect(button).toBeFocused();
        // A click outside closes it too (on the header's empty middle: the open list covers the page).
        await nav.getByText('Menu', { exact: true }).click();
        await expect(nav.getByRole('link')).toHaveCount(ADMIN_NAV.length);
        await page.getByRole('banner').click({ position: { x: 190, y: 8 } });
        await expect(nav.getByRole('link')).toHaveCount(0);
        await nav.getByText('Menu', { exact: true }).click();
      }

      // Following a link: the new page, closed, its section on the button and marked in the list.
      await nav.getByRole('link', { name: 'Grupo de Usuários' }).click();
      await expect(page).toHaveURL(/\/groups$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Grupo de Usuários' })).toBeVisible();
      await expect(button).toContainText('Grupo de Usuários');
      await expect(nav.getByRole('link')).toHaveCount(0);
      await nav.getByText('Menu', { exact: true }).click();
      await expect(nav.getByRole('link', { name: 'Grupo de Usuários' })).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

      // On a laptop the side navigation is back, and the menu's button is gone.
      await page.setViewportSize({ width: 1366, height: 800 });
      await expect(button).toHaveCount(1);
      await expect(button).toBeHidden();
      await expect(nav.getByRole('link')).toHaveCount(ADMIN_NAV.length);
      await expect(nav.getByRole('link', { name: 'Grupo de Usuários' })).toHaveAttribute('aria-current', 'page');
    });
  });
}

test("a contact's phone menu: tickets and profile", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, E2E.demoContact);
  await page.goto('/profile');
  const nav = page.getByRole('navigation', { name: 'Navegação principal' });
  await expect(nav.locator('summary')).toContainText('Meu perfil');
  await nav.getByText('Menu', { exact: true }).click();
  await expect(nav.getByRole('link')).toHaveCount(2);
  await expect(nav.getByRole('link', { name: 'Chamados' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Meu perfil' })).toHaveAttribute('aria-current', 'page');
});

// "Usuários do Sistema"'s filters (role, consultancy, invitation, permissions), page size and
// "Ir para a página": in the address, combined with the search and the order, with and without
// JavaScript, on a company of 100,000 people.
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, signIn } from './support/helpers';

const filters = (page: import('@playwright/test').Page) => page.getByRole('search', { name: 'Pesquisa e filtros' });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('filters combine, count exactly, page by any size, jump to a page, and survive a new order', async ({ page }) => {
      await signIn(page, E2E.large.admin);
      await page.goto('/contacts');
      await expect(page.locator('.toolbar__count')).toContainText('de 100.001');

      // Consultancy and a permission: every tenth person (10,000), counted exactly.
      await filters(page).getByLabel('Consultoria').selectOption({ label: 'Autorizados' });
      await filters(page).getByText('Qualquer', { exact: true }).click();
      await filters(page).getByLabel('Portal de Clientes Autoatendimento').check();
      await filters(page).getByRole('button', { name: 'Pesquisar' }).click();
      await expect(page).toHaveURL(/consultancy=yes/);
      await expect(page).toHaveURL(/perm=self_service/);
      await expect(page.locator('.toolbar__count')).toContainText('1–25 de 10.000');
      await expect(filters(page).getByText('1 marcada', { exact: true })).toBeVisible();
      await expect(filters(page).getByLabel('Consultoria')).toHaveValue('yes');

      // "Ir para a página": the last one; a number past the end lands there too.
      await page.getByLabel('Ir para a página').fill('400');
      await page.getByRole('button', { name: 'Ir', exact: true }).click();
      await expect(page.locator('.pagination__label')).toHaveText('Página 400 de 400');
      await expect(page.locator('.toolbar__count')).toContainText('9.976–10.000 de 10.000');
      await expect(page).toHaveURL(/consultancy=yes/);

      // 100 a page: back to the first page, the filters kept.
      await filters(page).getByLabel('Por página').selectOption('100');
      await filters(page).getByRole('button', { name: 'Pesquisar' }).click();
      await expect(page.locator('.toolbar__count')).toContainText('1–100 de 10.000');
      await expect(page.getByRole('rowheader')).toHaveCount(100);

      // A search narrows the filtered list; sorting by e-mail keeps search, filters and size.
      await filters(page).getByLabel('Pesquisar').fill('Cliente 9999');
      await filters(page).getByRole('button', { name: 'Pesquisar' }).click();
      // 9999x with consultancy (x in 0, 5) and an even document: only 99990.
      await expect(page.getByRole('rowheader')).toHaveText(['Cliente 99990 Escala']);
      await page
        .getByRole('columnheader', { name: /^E-mail/ })
        .getByRole('link')
        .click();
      await expect(page).toHaveURL(/sort=email/);
      for (const kept of [/q=Cliente\+9999/, /consultancy=yes/, /perm=self_service/, /size=100/]) await expect(page).toHaveURL(kept);
      await expect(page.getByRole('rowheader')).toHaveText(['Cliente 99990 Escala']);

      // "Limpar filtros": search and filters go, the order and the size stay.
      await filters(page).getByRole('link', { name: 'Limpar filtros' }).click();
      await expect(page.locator('.toolbar__count')).toContainText('1–100 de 100.001');
      await expect(page).toHaveURL(/sort=email/);
      await expect(page).not.toHaveURL(/consultancy/);
    });
  });
}

test('a filter nobody matches says so; the views keep the filters; the permissions are accessible at both sizes', async ({ page }) => {
  test.setTimeout(90_000); // axe twice
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts?role=admin&invitation=pending');
  await expect(page.getByText('Nenhum usuário com estes filtros.')).toBeVisible();
  await expect(filters(page).getByLabel('Perfil')).toHaveValue('admin');

  await page.goto('/contacts?role=admin');
  await expect(page.getByRole('rowheader')).toHaveText(['Marina Albuquerque']);
  // "Último acesso": she is signed in now.
  await page.goto('/contacts?role=admin&access=30');
  await expect(page.getByRole('rowheader')).toHaveText(['Marina Albuquerque']);
  await expect(filters(page).getByLabel('Último acesso')).toHaveValue('30');
  await page.goto('/contacts?role=admin&access=never');
  await expect(page.getByText('Nenhum usuário com estes filtros.')).toBeVisible();
  await page.goto('/contacts?role=admin');
  // Views keep the filters: "Desativados" with the same role filter.
  await page.getByRole('navigation', { name: 'Situação dos usuários' }).getByRole('link', { name: 'Desativados' }).click();
  await expect(page).toHaveURL(/status=deactivated/);
  await expect(page).toHaveURL(/role=admin/);
  await expect(page.getByText('Nenhum usuário com estes filtros.')).toBeVisible();

  // Axe with the permissions open, at both sizes.
  await page.goto('/contacts?perm=self_service');
  await filters(page).getByText('1 marcada', { exact: true }).click();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // With JavaScript the panel closes on Escape (focus back on its button) and on a click outside.
  const summary = filters(page).getByText('1 marcada', { exact: true });
  const box = filters(page).getByLabel('Portal de Clientes Autoatendimento');
  await expect(box).toBeVisible();
  await box.focus();
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  await expect(summary).toBeFocused();
  await summary.click();
  await expect(box).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(box).toBeHidden();
});

test('an action over every result of a filtered list reaches only the filtered people', async ({ page }) => {
  await signIn(page, E2E.large.admin);
  // "Cliente 30" finds 1,111 people (30, 300–309, 3000–3099, 30000–30999); every fifth has
  // consultancy: 223. Without the filter the selection would be over the limit of 1,000.
  await page.goto('/contacts?q=Cliente+30&consultancy=yes');
  await expect(page.locator('.toolbar__count')).toContainText('de 223');
  await page.getByLabel('Ação com os selecionados').selectOption({ label: 'Desativar acesso' });
  await page.getByRole('button', { name: 'Aplicar a todos os 223 resultados' }).click();
  await expect(page).toHaveURL(/\/contacts\/bulk\?/);
  await expect(page.getByRole('heading', { level: 2, name: '223 usuários selecionados' })).toBeVisible();
  await expect(page.locator('.bulk-people li').first()).toContainText('Cliente 30');
  // Back to the list: the search and the filter are still there.
  await page.getByRole('main').getByRole('link', { name: 'Cancelar' }).click();
  await expect(page).toHaveURL(/consultancy=yes/);
  await expect(page.locator('.toolbar__count')).toContainText('de 223');
});

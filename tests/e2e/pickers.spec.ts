// The contact pickers (group responsible, transfer of tickets, group members) find anyone of a
// company of 100,000 people: a combobox that searches as one types with JavaScript, a search
// that reloads the page and a list to choose from without it.
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, signIn, typeAhead } from './support/helpers';

const SAVED = 'Registro salvo com sucesso!';
const TRANSFERRED = 'Chamados transferidos com sucesso!';
const status = (page: Page) => page.getByRole('main').getByRole('status');

/** A contact of the large company, by its exact name. */
async function idOf(page: Page, name: string): Promise<string> {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  const link = page.getByRole('rowheader').getByRole('link', { name, exact: true });
  const href = (await link.getAttribute('href')) ?? '';
  const id = /\/contacts\/([0-9a-f-]{36})$/.exec(href)?.[1];
  expect(id, href).toBeTruthy();
  return id!;
}

test.describe('JavaScript on', () => {
  test('"Transferir chamados" finds contact number 90,000 as one types, by keyboard', async ({ page }) => {
    await signIn(page, E2E.large.admin);
    const from = await idOf(page, 'Cliente 11 Escala');
    await page.goto(`/contacts/${from}/transfer-tickets`);
    const target = typeAhead(page, 'Nome do contato');
    await target.fill('Cliente 90000');
    const list = page.getByRole('listbox', { name: 'Nome do contato' });
    await expect(list.getByRole('option')).toHaveText(['Cliente 90000 Escala cliente.90000@grande.test']);
    await expect(page.getByText('1 pessoa encontrada')).toBeVisible();
    await target.press('ArrowDown');
    await expect(target).toHaveAttribute('aria-activedescendant', /.+/);
    await target.press('Enter');
    await expect(target).toHaveValue('Cliente 90000 Escala');
    await expect(list).toBeHidden();
    await expect(page.getByText('Escolhido: Cliente 90000 Escala')).toBeVisible();
    // Escape closes a list without choosing; the choice stays.
    await target.press('ArrowDown');
    await expect(list).toBeVisible();
    await target.press('Escape');
    await expect(list).toBeHidden();
    await expect(target).toHaveValue('Cliente 90000 Escala');
    await page.getByRole('button', { name: 'Transferir' }).click();
    await expect(page).toHaveURL(/\/contacts(\?|$)/);
    await expect(status(page)).toHaveText(TRANSFERRED);
  });

  test('a group gets a responsible and members from 100,000 people; members are not offered twice', async ({ page }) => {
    await signIn(page, E2E.large.admin);
    await page.goto('/groups/new');
    await page.getByRole('textbox', { name: 'Nome do grupo' }).fill('Escala com Script');
    const responsible = typeAhead(page, 'Responsável');
    await responsible.fill('cliente 90000 escala');
    await page.getByRole('option', { name: /Cliente 90000 Escala/ }).click();
    await expect(responsible).toHaveValue('Cliente 90000 Escala');
    // Many results: the first 20, and a word on how to narrow them.
    await page.getByRole('button', { name: 'Limpar' }).click();
    await responsible.fill('Cliente 9');
    await expect(page.getByRole('listbox', { name: 'Responsável' }).getByRole('option')).toHaveCount(20);
    await expect(page.getByText('Mostrando as 20 primeiras: continue digitando')).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 800 });
    await responsible.fill('Cliente 45678 Escala');
    await page.getByRole('option', { name: /Cliente 45678 Escala/ }).click();
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await expect(status(page)).toHaveText(SAVED);
    await expect(page.getByRole('heading', { level: 1, name: 'Escala com Script' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Responsável' })).toHaveValue('Cliente 45678 Escala');

    const people = typeAhead(page, 'Pessoas a vincular');
    for (const name of ['Cliente 90000 Escala', 'Cliente 123 Escala']) {
      await people.fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await expect(people).toHaveValue('');
    }
    await expect(page.getByRole('list', { name: 'Escolhidos' }).getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Vincular selecionados' }).click();
    await expect(status(page)).toHaveText(SAVED);
    await expect(page.getByRole('button', { name: 'Desvincular Cliente 90000 Escala' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Desvincular Cliente 123 Escala' })).toBeVisible();
    // The picker starts empty again, and a member is not offered again.
    await expect(page.getByRole('list', { name: 'Escolhidos' })).toHaveCount(0);
    await people.fill('Cliente 90000 Escala');
    await expect(page.getByText('Ninguém encontrado', { exact: false })).toBeVisible();
  });
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the responsible is searched on the page, then chosen; an address fills nothing else of the form', async ({ page }) => {
    await signIn(page, E2E.large.admin);
    await page.goto('/groups/new');
    await page.getByRole('searchbox', { name: 'Pesquisar responsável' }).fill('Cliente 90000');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    await expect(page).toHaveURL(/responsibleQ=Cliente\+90000/);
    // The search's GET carries the whole form; only the search and the person are read back.
    expect(page.url()).toContain('mailbox=');
    await page.goto(`${page.url()}&mailbox=alguem%40fora.test&restricted=on&name=Preenchido`);
    await expect(page.getByRole('textbox', { name: 'Caixa postal do grupo' })).toHaveValue('');
    await expect(page.getByRole('textbox', { name: 'Nome do grupo' })).toHaveValue('');
    await expect(page.getByLabel('Restrito')).not.toBeChecked();
    await page.getByRole('textbox', { name: 'Nome do grupo' }).fill('Escala sem Script');
    await page.getByLabel('Supervisão').check();
    const select = page.getByLabel('Responsável', { exact: true });
    await expect(select.getByRole('option')).toHaveText(['Sem responsável', 'Cliente 90000 Escala — cliente.90000@grande.test']);
    await select.selectOption({ label: 'Cliente 90000 Escala — cliente.90000@grande.test' });
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await expect(status(page)).toHaveText(SAVED);
    await expect(page.getByRole('heading', { level: 1, name: 'Escala sem Script' })).toBeVisible();
    await expect(page.getByLabel('Responsável', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel('Responsável', { exact: true }).locator('option:checked')).toHaveText('Cliente 90000 Escala — cliente.90000@grande.test');
  });

  test('"Transferir chamados" finds contact number 90,000 with the page\'s search', async ({ page }) => {
    await signIn(page, E2E.large.admin);
    const from = await idOf(page, 'Cliente 12 Escala');
    await page.goto(`/contacts/${from}/transfer-tickets`);
    await page.getByRole('searchbox', { name: 'Pesquisar contato' }).fill('Cliente 90000');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    const select = page.getByRole('combobox', { name: 'Nome do contato' });
    await select.selectOption({ label: 'Cliente 90000 Escala — cliente.90000@grande.test' });
    await page.getByRole('button', { name: 'Transferir' }).click();
    await expect(page).toHaveURL(/\/contacts(\?|$)/);
    await expect(status(page)).toHaveText(TRANSFERRED);
  });
});

test("the type-ahead answers administrators only, with their own company's people", async ({ page, browser }) => {
  const path = '/contacts/picker?q=Cliente%2090000';
  // Anonymous: sent to sign in, no data.
  const anonymous = await browser.newContext();
  const res = await anonymous.request.get(path, { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(await res.text()).not.toContain('grande.test');
  await anonymous.close();

  // Another company's administrator: nobody.
  await signIn(page, E2E.demoAdmin);
  const other = await page.request.get(path);
  expect(other.status()).toBe(200);
  expect(other.headers()['cache-control']).toContain('no-store');
  expect(await other.json()).toEqual({ people: [], more: false });

  // A plain contact: refused.
  const contact = await browser.newContext();
  const contactPage = await contact.newPage();
  await signIn(contactPage, E2E.demoContact);
  const refused = await contactPage.request.get(path, { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('grande.test');
  await contact.close();
});

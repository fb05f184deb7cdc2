import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';

test.describe('the contacts list', () => {
  test('shows masked CPFs and formatted phones, and searches by name and CPF', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    const joao = page.getByRole('row', { name: /João Batista Pereira/ });
    await expect(joao).toContainText('529.982.247-25');
    await expect(joao).toContainText('(11) 98765-4321');
    await expect(page.getByText(/^1–\d+ de \d+$/)).toBeVisible();

    await page.getByLabel('Pesquisar').fill('gonçalves');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    await expect(page.getByRole('rowheader')).toHaveText(['Luíza Gonçalves']);

    await page.getByLabel('Pesquisar').fill('529.982.247');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    await expect(page.getByRole('rowheader')).toHaveText(['João Batista Pereira']);

    await page.getByLabel('Pesquisar').fill('ninguém com este nome');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    await expect(page.getByText('Nenhum usuário encontrado para “ninguém com este nome”.')).toBeVisible();
  });

  test('sorts by a column', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page
      .getByRole('columnheader', { name: /E-mail/ })
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(/sort=email&dir=asc/);
    const emails = await page.locator('td.table__email').allTextContents();
    expect(emails).toEqual([...emails].sort());
    await page
      .getByRole('columnheader', { name: /E-mail/ })
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(/sort=email&dir=desc/);
  });

  test("an administrator never sees another company's contacts", async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page.goto(`/contacts?q=${encodeURIComponent('Beatriz Exclusiva')}`);
    await expect(page.getByText(/Nenhum usuário encontrado/)).toBeVisible();
    await page.goto('/contacts?q=outra.test');
    await expect(page.getByRole('rowheader')).toHaveText(['Otto Administrador']); // a demo contact too

    await page.getByRole('button', { name: 'Sair' }).click();
    await signIn(page, E2E.otherAdmin);
    await expect(page.getByRole('rowheader', { name: E2E.otherContactName })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'João Batista Pereira' })).toHaveCount(0);
  });

  test('a contact who is not the administrator is refused', async ({ page }) => {
    await signIn(page, E2E.demoContact);
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(page.getByRole('link', { name: 'Usuários do Sistema' })).toHaveCount(0);
    for (const path of ['/contacts', '/outbox']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'Acesso restrito' })).toBeVisible();
      await expect(page.getByText('Luíza Gonçalves')).toHaveCount(0);
    }
  });

  test('a person of two companies switches between them', async ({ page }) => {
    await signIn(page, E2E.otherAdmin);
    await expect(page.getByLabel('Empresa')).toHaveValue(/.+/);
    await page.getByLabel('Empresa').selectOption({ label: 'Empresa Demonstração Ltda' });
    await page.getByRole('button', { name: 'Trocar' }).click();
    await expect(page).toHaveURL(/\/tickets$/);
    // Remembered: after "Sair", the next sign-in opens the company last chosen.
    await page.getByRole('button', { name: 'Sair' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, E2E.otherAdmin);
    await expect(page.getByLabel('Empresa').locator('option:checked')).toHaveText('Empresa Demonstração Ltda');
    await page.goto('/contacts');
    await page.goto('/profile');
    await page.getByLabel('Empresa').selectOption({ label: 'Outra Empresa S.A.' });
    await page.getByRole('button', { name: 'Trocar' }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole('rowheader', { name: E2E.otherContactName })).toBeVisible();
  });
});

test('"Exportar CSV" downloads the company\'s contacts in the import layout, Windows-1252', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^contatos-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await (await import('node:fs/promises')).readFile((await download.path())!);
  const text = new TextDecoder('windows-1252').decode(bytes);
  expect(text.split('\r\n')[0]).toBe('pais;nome;documento;ddd;telefone;email;consultoria');
  expect(text).toContain('Brasil;João Batista Pereira;52998224725;11;987654321;joao.pereira@demo.test;S');
  expect(text).not.toContain('beatriz@outra.test');
});

import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn, waitForMail } from './support/helpers';

const SAVED = 'Registro salvo com sucesso!';

test('create a group without JavaScript, link members and e-mails, forward a ticket: each address is told once', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, E2E.demoAdmin);
  await page.getByRole('link', { name: 'Grupo de Usuários' }).click();
  await page.getByRole('link', { name: 'Adicionar grupo' }).click();

  // Refused first: the name is missing and the mailbox is not an e-mail; what was typed stays.
  await page.getByRole('textbox', { name: 'Caixa postal do grupo' }).fill('plantao-sem-arroba');
  await page.getByRole('button', { name: 'Salvar alterações' }).click();
  await expect(page.getByText('Informe o nome do grupo.')).toBeVisible();
  await expect(page.getByText(/Informe um e-mail válido/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Caixa postal do grupo' })).toHaveValue('plantao-sem-arroba');

  await page.getByRole('textbox', { name: 'Nome do grupo' }).fill('Plantão Fiscal');
  await page.getByLabel('Supervisão').check();
  await page.getByLabel('Responsável', { exact: true }).selectOption({ label: 'Sérgio Magalhães — sergio.magalhaes@demo.test' });
  await page.getByRole('textbox', { name: 'Caixa postal do grupo' }).fill('plantao@demo.test');
  await page.getByRole('button', { name: 'Salvar alterações' }).click();
  await expect(page.getByRole('status')).toHaveText(SAVED);
  await expect(page.getByRole('heading', { level: 1, name: 'Plantão Fiscal' })).toBeVisible();

  // Two members at once, found by a search.
  const memberSearch = page.getByRole('search').filter({ has: page.getByLabel('Pesquisar usuários') });
  await memberSearch.getByLabel('Pesquisar usuários').fill('demo.test');
  await memberSearch.getByRole('button', { name: 'Pesquisar' }).click();
  await page.getByLabel(/Íris Falcão/).check();
  await page.getByLabel(/Sérgio Magalhães/).check();
  await page.getByRole('button', { name: 'Vincular selecionados' }).click();
  await expect(page.getByRole('status')).toHaveText(SAVED);
  await expect(page.getByRole('button', { name: 'Desvincular Íris Falcão' })).toBeVisible();

  // Linked e-mails: one new, one that is the mailbox again in other case, one duplicate.
  for (const email of ['gestor.fiscal@demo.test', 'PLANTAO@demo.test']) {
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
    await page.getByRole('button', { name: 'Vincular e-mail' }).click();
    await expect(page.getByRole('status')).toHaveText(SAVED);
  }
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('gestor.fiscal@DEMO.test');
  await page.getByRole('button', { name: 'Vincular e-mail' }).click();
  await expect(page.getByText('Este e-mail já está vinculado ao grupo.')).toBeVisible();

  // Forward a ticket to the group.
  await page.goto('/tickets?status=all');
  await page.getByRole('link', { name: 'Relatório de vendas sem dados' }).click();
  await page.getByLabel('Encaminhar para grupo').selectOption({ label: 'Plantão Fiscal' });
  await page.getByRole('button', { name: 'Encaminhar' }).click();
  await expect(page.getByRole('status')).toHaveText('Chamado encaminhado ao grupo. Os avisos foram para a fila de e-mail.');
  await expect(page.getByText('Plantão Fiscal').first()).toBeVisible();

  const subject = 'Chamado #1006 encaminhado para o grupo Plantão Fiscal';
  for (const address of ['plantao@demo.test', 'gestor.fiscal@demo.test', 'iris.falcao@demo.test', 'sergio.magalhaes@demo.test']) {
    const mails = (await waitForMail(address)).filter((m) => m.subject === subject);
    expect(mails, address).toHaveLength(1);
  }
  await context.close();
});

test('a group in disuse leaves the forwarding list and the default group list', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/groups');
  await page.getByRole('link', { name: 'Supervisão de TI' }).click();
  await page.getByLabel('Em desuso').check();
  await page.getByRole('button', { name: 'Salvar alterações' }).click();
  await expect(page.getByRole('status')).toHaveText(SAVED);
  await expect(page.getByRole('link', { name: 'Supervisão de TI' })).toHaveCount(0);
  await page.getByLabel('Mostrar').selectOption('disused');
  await page.getByRole('button', { name: 'Pesquisar' }).click();
  await expect(page.getByRole('link', { name: 'Supervisão de TI' })).toBeVisible();

  await page.goto('/tickets?status=all');
  await page.getByRole('link', { name: 'Erro ao emitir nota fiscal' }).click();
  await expect(page.getByLabel('Encaminhar para grupo').locator('option', { hasText: 'Supervisão de TI' })).toHaveCount(0);
});

test("the list shows each group's status and mailbox apart, and says why it is empty", async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/groups?show=all');
  await expect(page.getByRole('link', { name: 'Adicionar grupo' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Atendimento Financeiro', exact: true }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^(Em uso|Em desuso)/);
  await expect(row.getByRole('cell').nth(4)).toHaveText('financeiro@demo.test');
  await page.goto('/groups?show=disused&q=nenhum-grupo-assim');
  await expect(page.getByText('Nenhum grupo encontrado para “nenhum-grupo-assim”.')).toBeVisible();
  await expect(page.getByText('Crie o primeiro grupo')).toHaveCount(0);
});

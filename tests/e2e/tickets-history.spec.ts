import { expect, test } from './support/test';
import { E2E } from './support/env';
import { signIn } from './support/helpers';

const SAVED = 'Registro salvo com sucesso!';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`tickets with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a contact with "Portal de Clientes Autoatendimento" opens a ticket', async ({ page }) => {
      const subject = `Impressora fiscal parada (${javaScriptEnabled ? 'js' : 'sem js'})`;
      await signIn(page, E2E.demoContact);
      await expect(page).toHaveURL(/\/tickets$/);
      await page.getByRole('link', { name: 'Abrir chamado' }).first().click();
      await page.getByRole('button', { name: 'Abrir chamado' }).click();
      await expect(page.getByText('Informe o assunto.')).toBeVisible();
      await expect(page.getByText('Descreva o que aconteceu.')).toBeVisible();

      await page.getByLabel('Assunto').fill(subject);
      await page.getByLabel('BPO').check();
      await page.getByLabel('Descrição').fill('A impressora fiscal da loja 3 não imprime desde ontem.');
      await page.getByRole('button', { name: 'Abrir chamado' }).click();
      await expect(page.getByRole('status')).toHaveText('Chamado aberto com sucesso!');
      await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
      await expect(page.getByText('Aberto', { exact: true })).toBeVisible();

      await page.goto('/tickets');
      await expect(page.getByRole('rowheader', { name: subject })).toBeVisible();
    });
  });
}

test("a contact sees their own tickets and their groups', no one else's", async ({ page, browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, E2E.demoAdmin);
  await adminPage.goto('/tickets?status=all');
  const foreign = adminPage.getByRole('rowheader', { name: 'Relatório de vendas sem dados' }).getByRole('link');
  const foreignHref = await foreign.getAttribute('href');
  await admin.close();

  await signIn(page, E2E.demoContact);
  await page.goto('/tickets?status=all');
  await expect(page.getByRole('rowheader', { name: 'Erro ao emitir nota fiscal' })).toBeVisible();
  // Forwarded to "Atendimento Financeiro", a group João belongs to.
  await expect(page.getByRole('rowheader', { name: 'Dúvida sobre fechamento contábil' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Relatório de vendas sem dados' })).toHaveCount(0);
  await page.goto(foreignHref!);
  await expect(page.getByRole('heading', { name: 'Página não encontrada' })).toBeVisible();
  await expect(page.getByText('Relatório de vendas sem dados')).toHaveCount(0);
});

test('the administrator changes a ticket status, and the history shows it', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/tickets?status=all');
  await page.getByRole('link', { name: 'Lentidão no acesso ao sistema' }).click();
  await page.getByLabel('Alterar situação').selectOption({ label: 'Em atendimento' });
  await page.getByRole('button', { name: 'Salvar situação' }).click();
  await expect(page.getByRole('status')).toHaveText(SAVED);
  await expect(page.getByText('Em atendimento', { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Histórico' }).click();
  await page.getByLabel('Ação', { exact: true }).selectOption({ label: 'Situação do chamado alterada' });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  const entry = page.getByRole('row', { name: /Situação do chamado alterada/ }).first();
  await expect(entry).toContainText('Sérgio Magalhães');
  await expect(entry).toContainText('Situação:');
  await expect(entry.locator('del')).toHaveText('Aberto');
  await expect(entry.locator('ins')).toHaveText('Em atendimento');

  // The same entry on the contact's own history tab.
  await entry.getByRole('link', { name: 'Sérgio Magalhães' }).click();
  await expect(page.getByRole('link', { name: 'Histórico', exact: true }).last()).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('row', { name: /Situação do chamado alterada/ })).toHaveCount(1);
});

test('the history filters by contact and period, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, E2E.demoAdmin);
  await page.goto('/history');
  await page.getByLabel('Contato', { exact: true }).fill('iris falcao');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.getByRole('row', { name: /Usuário adicionado/ })).toHaveCount(1);
  await expect(page.locator('tbody tr').filter({ hasNotText: 'Íris Falcão' })).toHaveCount(0);
  await page.getByLabel('De', { exact: true }).fill('2001-01-01');
  await page.getByLabel('Até', { exact: true }).fill('2001-01-31');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.getByText('Nenhuma alteração encontrada com estes filtros.')).toBeVisible();
  await context.close();
});

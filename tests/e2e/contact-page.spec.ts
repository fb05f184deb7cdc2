// A contact's page (/contacts/[id]) and the list's "Ações" menu: the name on the list opens the
// page; the page shows the person's details, access, permissions, groups and tickets, with every
// action; the menu opens with JavaScript and closes on Escape, outside, and when another opens.
import type { Page } from '@playwright/test';
import { cpfFromBase, formatCpf } from '@/lib/br/cpf';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, openRowActions, signIn } from './support/helpers';

/** The contact's row on the list, found by searching for the name. */
async function findRow(page: Page, name: string) {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** A term and its description on the page's "Dados". */
const detail = (page: Page, term: string) =>
  page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test("the name on the list opens the contact's page, with details, access, permissions, groups and tickets", async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      const row = await findRow(page, 'João Batista Pereira');
      await row.getByRole('link', { name: 'João Batista Pereira', exact: true }).click();
      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: 'João Batista Pereira' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Seções do usuário' }).getByRole('link', { name: 'Resumo' })).toHaveAttribute('aria-current', 'page');

      // João has a password: "Ativo". His CPF is masked as on the list, his country named.
      await expect(detail(page, 'Acesso')).toHaveText('Ativo');
      await expect(detail(page, 'E-mail')).toHaveText(E2E.demoContact);
      await expect(detail(page, 'CPF / Documento')).toHaveText(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
      await expect(detail(page, 'País')).toHaveText('Brasil');

      const permissions = page.getByRole('region', { name: 'Permissões de acesso' });
      await expect(permissions.getByText('Portal de Clientes Autoatendimento')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Grupos' }).getByRole('link', { name: 'Atendimento Financeiro' })).toBeVisible();

      const tickets = page.getByRole('region', { name: 'Chamados' });
      await expect(tickets.getByRole('heading', { name: /^Em aberto \(\d+\)$/ })).toBeVisible();
      await expect(tickets.getByRole('link', { name: 'Erro ao emitir nota fiscal' })).toBeVisible();

      // Every action is here; edit and permissions are the tabs. João is not the administrator.
      const actions = page.getByRole('navigation', { name: 'Ações' });
      for (const name of ['Transferir administração', 'Transferir chamados', 'Encerrar sessões', 'Desativar acesso', 'Excluir perfil']) {
        await expect(actions.getByRole('link', { name, exact: true })).toBeVisible();
      }
      await expect(actions.getByRole('link', { name: 'Reenviar convite' })).toHaveCount(0);
      await page.getByRole('link', { name: 'Ver o histórico de João Batista Pereira' }).click();
      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\/history$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Histórico' })).toBeVisible();
    });

    test('a person still invited: "Convite pendente", and "Reenviar convite" among the actions', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      // Íris never set a password, and the demo sent her no link: pending, with no valid link.
      const row = await findRow(page, 'Íris Falcão');
      await row.getByRole('link', { name: 'Íris Falcão', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Íris Falcão' })).toBeVisible();
      await expect(detail(page, 'Acesso')).toContainText('Convite pendente, sem link válido');
      await expect(page.getByRole('navigation', { name: 'Ações' }).getByRole('link', { name: 'Reenviar convite' })).toBeVisible();
      const tickets = page.getByRole('region', { name: 'Chamados' });
      await expect(tickets.getByRole('link', { name: 'Relatório de vendas sem dados' })).toBeVisible();
      await expect(tickets.getByRole('heading', { name: 'Encerrados (0)' })).toBeVisible();
      await expect(tickets.getByText('Nenhum chamado encerrado.')).toBeVisible();
    });

    test('"Ações" on the list leads to the same actions', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      const actions = await openRowActions(page, await findRow(page, 'Sérgio Magalhães'), 'Sérgio Magalhães');
      if (!javaScriptEnabled) await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
      await expect(actions.getByRole('link', { name: 'Permissões de acesso', exact: true })).toBeVisible();
      await actions.getByRole('link', { name: 'Encerrar sessões', exact: true }).click();
      await expect(page.getByText('Encerrar todas as sessões de Sérgio Magalhães?')).toBeVisible();
    });
  });
}

test('a contact added with an invitation: "Convite pendente desde", until when the link holds', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Yolanda Página Convite');
  await page.getByRole('textbox', { name: 'CPF', exact: true }).fill(cpfFromBase('731004221'));
  await page.getByRole('textbox', { name: 'DDD', exact: true }).fill('21');
  await page.getByRole('textbox', { name: 'Telefone', exact: true }).fill('987650001');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('yolanda.pagina@demo.test');
  await page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }).fill('yolanda.pagina@demo.test');
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
  const row = await findRow(page, 'Yolanda Página Convite');
  await row.getByRole('link', { name: 'Yolanda Página Convite', exact: true }).click();
  await expect(detail(page, 'Acesso')).toContainText(/Convite pendente desde \d{2}\/\d{2}\/\d{4}/);
  await expect(detail(page, 'Acesso')).toContainText(/O link vale até \d{2}\/\d{2}\/\d{4}/);
  await expect(page.getByRole('region', { name: 'Grupos' }).getByText('Não faz parte de nenhum grupo.')).toBeVisible();
  await expect(page.getByText('Nenhum chamado em aberto.')).toBeVisible();
  // The history shows the values as the pages do: the CPF masked, the country by its name.
  await page.getByRole('navigation', { name: 'Seções do usuário' }).getByRole('link', { name: 'Histórico' }).click();
  const changes = page.getByRole('row').filter({ hasText: 'Documento:' }).first();
  await expect(changes).toContainText(`Documento: ${formatCpf(cpfFromBase('731004221'))}`);
  await expect(changes).toContainText('País: Brasil');
});

test('the "Ações" menu closes on Escape, on a click outside, and when another opens', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts');
  const first = page.getByRole('button', { name: 'Ações para Conceição Araújo', exact: true });
  const second = page.getByRole('button', { name: 'Ações para Íris Falcão', exact: true });
  await expect(first).toHaveAttribute('aria-expanded', 'false');

  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  // The menu follows its button in the keyboard order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Editar perfil', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(first).toBeFocused();
  await expect(page.getByRole('link', { name: 'Editar perfil', exact: true })).toHaveCount(0);

  await first.click();
  await page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' }).click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');

  await first.click();
  await second.click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('link', { name: 'Editar perfil', exact: true })).toHaveCount(1);

  // A confirmation opens as a dialog, and the menu is gone from over it.
  await page.getByRole('link', { name: 'Encerrar sessões', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Editar perfil', exact: true })).toHaveCount(0);
});

test("the contact's page has no serious accessibility issue, on a laptop and a phone", async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const row = await findRow(page, 'Luíza Gonçalves');
  await row.getByRole('link', { name: 'Luíza Gonçalves', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Luíza Gonçalves' })).toBeVisible();
  for (const size of [
    { width: 1366, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  // The list with a menu open, too.
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/contacts');
  await page.getByRole('button', { name: 'Ações para Luíza Gonçalves', exact: true }).click();
  await expectAccessible(page);
});

test('"E-mails enviados" finds a message by part of the recipient, kind and status, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pt-BR' });
  const page = await context.newPage();
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Xênia Caixa Postal');
  await page.getByRole('textbox', { name: 'CPF', exact: true }).fill(cpfFromBase('731004222'));
  await page.getByRole('textbox', { name: 'DDD', exact: true }).fill('31');
  await page.getByRole('textbox', { name: 'Telefone', exact: true }).fill('987650002');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('xenia.caixa@demo.test');
  await page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }).fill('xenia.caixa@demo.test');
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');

  await page.goto('/outbox');
  await page.getByRole('searchbox', { name: 'Destinatário' }).fill('XENIA.caixa');
  await page.getByLabel('Tipo').selectOption({ label: 'Convite' });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page).toHaveURL(/\/outbox\?q=XENIA\.caixa&kind=invite&status=$/);
  const messages = page.getByRole('listitem').filter({ hasText: 'xenia.caixa@demo.test' });
  await expect(messages).toHaveCount(1);
  await expect(messages).toContainText('Convite');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  // Not failed: nothing to resend.
  await expect(page.getByRole('button', { name: /^Reenviar/ })).toHaveCount(0);

  await page.getByLabel('Situação').selectOption({ label: 'Falhou' });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.getByText('Nenhum e-mail com estes filtros.')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Destinatário' })).toHaveValue('XENIA.caixa');
  await page.getByRole('link', { name: 'Limpar filtros' }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`"Meu perfil": the person edits their own name, phone and language (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'pt-BR' });
    const page = await context.newPage();
    await signIn(page, E2E.demoAdmin);
    await page.goto('/profile');
    const data = page.getByRole('region', { name: 'Seus dados' });
    const name = data.getByRole('textbox', { name: 'Nome', exact: true });
    const areaCode = data.getByRole('textbox', { name: 'DDD', exact: true });
    const phone = data.getByRole('textbox', { name: 'Telefone', exact: true });
    // E-mail and CPF are shown, not editable.
    await expect(data.getByText(E2E.demoAdmin)).toBeVisible();
    await expect(data.getByRole('textbox', { name: 'E-mail' })).toHaveCount(0);
    const before = { areaCode: await areaCode.inputValue(), phone: await phone.inputValue() };

    // A wrong DDD and an empty phone: both reported at once, nothing typed lost.
    await areaCode.fill('20');
    await phone.fill('');
    await data.getByRole('button', { name: 'Salvar dados' }).click();
    await expect(areaCode).toHaveAccessibleDescription(/DDD inexistente \(ex\.: 11, 21\)\.$/);
    await expect(phone).toHaveAccessibleDescription(/Informe o telefone\.$/);
    await expect(areaCode).toHaveValue('20');

    // Invisible characters and runs of spaces never reach the name.
    await name.fill('  Marina\u00a0\u00a0Albuquerque\u200b ');
    await areaCode.fill('11');
    await phone.fill('3456-7000');
    await data.getByRole('button', { name: 'Salvar dados' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Registro salvo com sucesso!');
    await expect(name).toHaveValue('Marina Albuquerque');
    await expect(phone).toHaveValue('34567000');
    await expect(page.getByRole('banner')).toContainText('Marina Albuquerque');

    // The language: the page answers in English, then back.
    await data.getByLabel('Idioma').selectOption('en');
    await data.getByRole('button', { name: 'Salvar dados' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
    const mine = page.getByRole('region', { name: 'Your details' });
    await mine.getByLabel('Language').selectOption('pt-BR');
    await mine.getByRole('textbox', { name: 'Area code (DDD)', exact: true }).fill(before.areaCode);
    await mine.getByRole('textbox', { name: 'Phone', exact: true }).fill(before.phone);
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meu perfil' })).toBeVisible();
    if (javaScriptEnabled) await expectAccessible(page);
    await context.close();
  });
}

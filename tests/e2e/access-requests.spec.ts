import type { Page } from '@playwright/test';
import { cpfFromBase } from '../../lib/br/cpf';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, formAlert, linkIn, signIn, waitForMail } from './support/helpers';

// "Quero me cadastrar" → confirmation link → "Solicitações de acesso" → the new contact signs
// in (PRODUCT.md §2.8, §10.1), with JavaScript and without.

type Person = { name: string; email: string; cpfBase: string };

async function fillSignup(page: Page, person: Person, companyCode = 'DEMO') {
  await page.getByLabel('Código da empresa').fill(companyCode);
  await page.getByLabel('Nome').fill(person.name);
  await page.getByLabel('CPF').fill(cpfFromBase(person.cpfBase));
  await page.getByLabel('DDD').fill('11');
  await page.getByLabel('Telefone').fill('987654321');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(person.email);
  await page.getByLabel('Confirmação de e-mail').fill(person.email);
  await page.getByLabel('Motivo').fill('Trabalho no financeiro e preciso abrir chamados.');
}

const SENT = 'Enviamos um link para o seu e-mail. Abra-o para enviar a sua solicitação.';

/** Opens the confirmation link from the mailbox and sends the request. */
async function confirmFromMailbox(page: Page, email: string) {
  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe('Confirme sua solicitação de acesso – Empresa Demonstração Ltda');
  const link = linkIn(mail!.text, '/signup');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Enviar solicitação de acesso' })).toBeVisible();
  await page.getByRole('button', { name: 'Enviar solicitação' }).click();
  return link;
}

function requestCard(page: Page, name: string) {
  return page.locator('.request-list > li').filter({ has: page.getByText(name, { exact: true }) });
}

test.describe('with JavaScript', () => {
  test('from "Quero me cadastrar" to the new contact signing in', async ({ page, browser }) => {
    const person = E2E.requests.signupJs;
    await page.goto('/login');
    await page.getByRole('link', { name: 'Quero me cadastrar' }).click();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByRole('heading', { name: 'Quero me cadastrar', level: 1 })).toBeVisible();
    await expectAccessible(page);

    // Bad input: each field says what is wrong, nothing typed is lost.
    await fillSignup(page, person);
    await page.getByLabel('CPF').fill('111.111.111-11');
    await page.getByLabel('Confirmação de e-mail').fill('outra@cliente-e2e.test');
    await page.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(page.getByText('CPF inválido: confira os dígitos.')).toBeVisible();
    await expect(page.getByText('A confirmação não confere com o e-mail.')).toBeVisible();
    await expect(page.getByLabel('Nome')).toHaveValue(person.name);
    await expect(page.getByLabel('Motivo')).toHaveValue('Trabalho no financeiro e preciso abrir chamados.');

    await page.getByLabel('CPF').fill(cpfFromBase(person.cpfBase));
    await page.getByLabel('Confirmação de e-mail').fill(person.email);
    await page.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(page.getByRole('status')).toHaveText(SENT);

    const link = await confirmFromMailbox(page, person.email);
    await expect(page).toHaveURL(/\/signup\/confirmed\?outcome=pending$/);
    await expect(page.getByRole('status')).toHaveText('Solicitação enviada ao administrador da empresa. Você receberá um e-mail quando ele decidir.');
    // The link works once.
    await page.goto(link);
    await expect(page.getByText('Este link é inválido, já foi usado ou expirou.')).toBeVisible();

    // The administrator decides.
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, E2E.demoAdmin);
    await expect(admin.getByRole('link', { name: /Solicitações de acesso \(\d+ solicitaç(ão|ões) pendentes?\)/ })).toBeVisible();
    await admin.getByRole('link', { name: /Solicitações de acesso/ }).click();
    await expect(admin.getByRole('heading', { name: 'Solicitações de acesso', level: 1 })).toBeVisible();
    const card = requestCard(admin, person.name);
    await expect(card).toContainText(person.email);
    await expect(card).toContainText('Trabalho no financeiro e preciso abrir chamados.');
    await expect(card).toContainText('Fora dos domínios da empresa');
    await expectAccessible(admin);
    await card.getByRole('button', { name: `Aprovar a solicitação de ${person.name}` }).click();
    await expect(admin.getByRole('status')).toHaveText('Solicitação aprovada com sucesso!');
    await expect(requestCard(admin, person.name)).toHaveCount(0);
    await admin.close();

    // The invitation reaches the new contact, who sets a password and signs in.
    const [invite] = await waitForMail(person.email, { count: 2 }).then((all) => all.filter((m) => m.text.includes('/invite/')));
    await page.goto(linkIn(invite!.text, '/invite'));
    await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('senha-do-cadastro-1');
    await page.getByLabel('Confirmação da nova senha').fill('senha-do-cadastro-1');
    await page.getByRole('button', { name: 'Criar senha' }).click();
    await expect(page.getByRole('status')).toHaveText('Senha criada. Entre com seu e-mail e a nova senha.');
    await signIn(page, person.email, 'senha-do-cadastro-1');
    await expect(page.getByRole('heading', { name: 'Chamados', level: 1 })).toBeVisible();
  });

  test('"Aprovar selecionadas": a summary of what happened to each', async ({ page }) => {
    const [first, second] = E2E.requests.bulkJs;
    const taken = E2E.requests.bulkTaken;
    await signIn(page, E2E.demoAdmin);
    await page.goto('/requests');
    await expect(requestCard(page, taken.name)).toContainText('Já é contato');
    for (const p of [first!, second!, taken]) await page.getByRole('checkbox', { name: `Selecionar ${p.name}` }).check();
    await page.getByRole('button', { name: 'Aprovar selecionadas' }).click();
    await expect(page).toHaveURL(/\/requests\?batch=\d+$/);
    const summary = page.getByRole('region', { name: 'Resultado da decisão' });
    await expect(summary).toContainText('2 aprovadas · 1 não pôde ser decidida');
    await expect(summary).toContainText(`${taken.name} <${taken.email}> — Não aprovada: já existe um usuário ativo com este e-mail`);
    await expect(summary).toContainText(`${first!.name} <${first!.email}> — Aprovada`);
    await expect(requestCard(page, first!.name)).toHaveCount(0);
    await expect(requestCard(page, taken.name)).toHaveCount(1);

    await page.getByRole('link', { name: 'Aprovadas' }).click();
    await expect(page).toHaveURL(/status=approved/);
    await expect(requestCard(page, second!.name)).toContainText(`por ${E2E.demoAdmin}`);
  });

  test('nothing selected: the page says so and changes nothing', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page.goto('/requests');
    await page.getByRole('button', { name: 'Aprovar selecionadas' }).click();
    await expect(formAlert(page)).toHaveText('Selecione pelo menos uma solicitação.');
  });

  test('"Domínios da empresa": public domains refused, a domain on automatic approval lets people in at once', async ({ page, browser }) => {
    await signIn(page, E2E.demoAdmin);
    await page.getByRole('link', { name: 'Configurações da empresa' }).click();
    await expect(page).toHaveURL(/\/settings\/domains$/);
    await expect(page.getByRole('heading', { name: 'Domínios da empresa', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Domínio', exact: true }).fill('gmail.com');
    await page.getByRole('button', { name: 'Adicionar domínio' }).click();
    await expect(page.getByText('Domínios de e-mail gratuito (como gmail.com ou hotmail.com) não identificam a empresa')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Domínio', exact: true })).toHaveValue('gmail.com');

    // Automatic approval only for the administrator's own mail domain (admin@demo.test).
    await page.getByRole('textbox', { name: 'Domínio', exact: true }).fill('concorrente-e2e.test');
    await page.getByRole('radio', { name: 'Aprovar automaticamente' }).check();
    await page.getByRole('button', { name: 'Adicionar domínio' }).click();
    await expect(page.getByText('Para aprovar automaticamente, o domínio precisa ser o do seu próprio e-mail')).toBeVisible();

    await page.getByRole('textbox', { name: 'Domínio', exact: true }).fill('@Filial.Demo.test');
    await page.getByRole('radio', { name: 'Aprovar automaticamente' }).check();
    await page.getByRole('button', { name: 'Adicionar domínio' }).click();
    await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
    const row = page.getByRole('row').filter({ hasText: 'filial.demo.test' });
    await expect(row.getByRole('combobox', { name: 'Política de filial.demo.test' })).toHaveValue('auto');

    // A request from that domain becomes a contact as soon as it is confirmed.
    const person = E2E.requests.auto;
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/signup');
    await fillSignup(visitor, person);
    await visitor.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(visitor.getByRole('status')).toHaveText(SENT);
    await confirmFromMailbox(visitor, person.email);
    await expect(visitor.getByRole('status')).toHaveText('Seu acesso foi liberado. Enviamos um e-mail para você entrar no portal.');
    await waitForMail(person.email, { count: 2 });
    await visitor.close();

    await page.goto('/contacts?q=alice%40filial.demo.test');
    await expect(page.getByRole('cell', { name: person.email })).toBeVisible();
    await page.goto('/history');
    await expect(page.getByRole('row').filter({ hasText: 'Solicitação aprovada' }).filter({ hasText: 'Aprovar automaticamente' })).toHaveCount(1);

    // Back to "Exigir aprovação", then removed (with a confirmation).
    await page.goto('/settings/domains');
    await page.getByRole('combobox', { name: 'Política de filial.demo.test' }).selectOption('approval');
    await page.getByRole('row').filter({ hasText: 'filial.demo.test' }).getByRole('button', { name: 'Alterar' }).click();
    await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
    await expect(page.getByRole('combobox', { name: 'Política de filial.demo.test' })).toHaveValue('approval');
    await page.getByRole('link', { name: 'Remover o domínio filial.demo.test' }).click();
    await expect(page.getByText('Remover o domínio filial.demo.test?')).toBeVisible();
    await page.getByRole('button', { name: 'Sim, remover' }).click();
    await expect(page.getByRole('status')).toHaveText('Registro removido com sucesso!');
    await expect(page.getByRole('row').filter({ hasText: 'filial.demo.test' })).toHaveCount(0);
  });

  test('a contact who is not the administrator cannot open the requests or the settings', async ({ page }) => {
    await signIn(page, E2E.demoContact);
    for (const path of ['/requests', '/settings/domains']) {
      const response = await page.goto(path);
      expect(response!.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Acesso restrito' })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: /Solicitações de acesso/ })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('ask, confirm, and be refused with a reason the requester receives', async ({ page, browser }) => {
    const person = E2E.requests.signupNoJs;
    await page.goto('/signup');
    await fillSignup(page, person);
    await page.getByLabel('DDD').fill('20');
    await page.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(page.getByText('DDD inexistente (ex.: 11, 21).')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveValue(person.email);
    await page.getByLabel('DDD').fill('11');
    await page.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(page.getByRole('status')).toHaveText(SENT);

    await confirmFromMailbox(page, person.email);
    await expect(page).toHaveURL(/\/signup\/confirmed\?outcome=pending$/);
    await expect(page.getByRole('status')).toContainText('Solicitação enviada ao administrador da empresa.');

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, E2E.demoAdmin);
    await admin.goto('/requests');
    await requestCard(admin, person.name)
      .getByRole('link', { name: `Recusar a solicitação de ${person.name}` })
      .click();
    await expect(admin.getByText(`Recusar a solicitação de acesso de ${person.name} (${person.email})?`)).toBeVisible();
    await admin.getByLabel('Motivo da recusa').fill('Use o e-mail da empresa para pedir acesso.');
    await admin.getByRole('button', { name: 'Sim, recusar' }).click();
    await expect(admin).toHaveURL(/\/requests\?notice=request-rejected$/);
    await expect(admin.getByRole('status')).toHaveText('Solicitação recusada.');
    await admin.getByRole('link', { name: 'Recusadas' }).click();
    await expect(requestCard(admin, person.name)).toContainText('Use o e-mail da empresa para pedir acesso.');
    await admin.close();

    const mails = await waitForMail(person.email, { count: 2 });
    const refusal = mails.find((m) => m.subject === 'Sua solicitação de acesso – Empresa Demonstração Ltda');
    expect(refusal!.text).toContain('Motivo: Use o e-mail da empresa para pedir acesso.');
  });

  test('"Recusar selecionadas" asks first, then sums up', async ({ page }) => {
    const [first, second] = E2E.requests.bulkNoJs;
    await signIn(page, E2E.demoAdmin);
    await page.goto('/requests');
    await page.getByRole('button', { name: 'Recusar selecionadas' }).click();
    await expect(formAlert(page)).toHaveText('Selecione pelo menos uma solicitação.');
    await page.getByRole('checkbox', { name: `Selecionar ${first!.name}` }).check();
    await page.getByRole('checkbox', { name: `Selecionar ${second!.name}` }).check();
    await page.getByRole('button', { name: 'Recusar selecionadas' }).click();
    await expect(page.getByText('Recusar as 2 solicitações selecionadas?')).toBeVisible();
    await page.getByLabel('Motivo da recusa').fill('Pedidos em duplicidade.');
    await page.getByRole('button', { name: 'Sim, recusar' }).click();
    await expect(page).toHaveURL(/\/requests\?batch=\d+$/);
    await expect(page.getByRole('region', { name: 'Resultado da decisão' })).toContainText('2 recusadas');
    await expect(requestCard(page, first!.name)).toHaveCount(0);
    const mails = await waitForMail(second!.email);
    expect(mails[0]!.text).toContain('Motivo: Pedidos em duplicidade.');
  });

  test('a row\'s "Aprovar" approves that request alone, whatever else is selected', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page.goto('/requests');
    await page.getByRole('checkbox', { name: 'Selecionar Renata Moreira' }).check();
    await page.getByRole('button', { name: 'Aprovar a solicitação de Paulo Henrique Dias' }).click();
    await expect(page).toHaveURL(/\/requests\?notice=request-approved$/);
    await expect(page.getByRole('status')).toHaveText('Solicitação aprovada com sucesso!');
    await expect(requestCard(page, 'Paulo Henrique Dias')).toHaveCount(0);
    await expect(requestCard(page, 'Renata Moreira')).toHaveCount(1);
  });

  test('"Domínios da empresa" works as plain forms', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page.goto('/settings/domains');
    await page.getByRole('textbox', { name: 'Domínio', exact: true }).fill('demo.test');
    await page.getByRole('button', { name: 'Adicionar domínio' }).click();
    await expect(page.getByText('Este domínio já está cadastrado na empresa.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Domínio', exact: true }).fill('filial-e2e.com.br');
    await page.getByRole('button', { name: 'Adicionar domínio' }).click();
    await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
    await page.getByRole('link', { name: 'Remover o domínio filial-e2e.com.br' }).click();
    await page.getByRole('button', { name: 'Sim, remover' }).click();
    await expect(page.getByRole('status')).toHaveText('Registro removido com sucesso!');
    await expect(page.getByRole('row').filter({ hasText: 'filial-e2e.com.br' })).toHaveCount(0);
  });
});

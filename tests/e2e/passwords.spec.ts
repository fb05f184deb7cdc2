import { expect, test } from './support/test';
import { E2E } from './support/env';
import { attemptSignIn, formAlert, linkIn, signIn, waitForMail } from './support/helpers';

test('an invitation e-mail leads to setting a password and signing in', async ({ page }) => {
  const [mail] = await waitForMail(E2E.invited);
  expect(mail!.subject).toBe('Seu acesso ao portal de suporte – Empresa Demonstração Ltda');
  const link = linkIn(mail!.text, '/invite');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Crie sua senha' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('curta');
  await page.getByLabel('Confirmação da nova senha').fill('curta');
  await page.getByRole('button', { name: 'Criar senha' }).click();
  await expect(page.getByText('A senha deve ter pelo menos 10 caracteres.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('minha-senha-nova-1');
  await page.getByLabel('Confirmação da nova senha').fill('minha-senha-nova-1');
  await page.getByRole('button', { name: 'Criar senha' }).click();
  await expect(page.getByRole('status')).toHaveText('Senha criada. Entre com seu e-mail e a nova senha.');
  await expect(page.getByLabel('E-mail')).toHaveValue(E2E.invited);
  await page.getByLabel('Senha').fill('minha-senha-nova-1');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { name: 'Chamados', level: 1 })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByText('Este link é inválido, já foi usado ou expirou.')).toBeVisible();
});

test.describe('password reset by e-mail, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Esqueci minha senha" sends a link through SMTP that sets a new password', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Esqueci minha senha' }).click();
    await page.getByLabel('E-mail').fill(E2E.resetter);
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await expect(page.getByRole('status')).toContainText('Se este e-mail estiver cadastrado');

    const [mail] = await waitForMail(E2E.resetter);
    await page.goto(linkIn(mail!.text, '/reset-password'));
    await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('senha-redefinida-1');
    await page.getByLabel('Confirmação da nova senha').fill('outra-coisa-qualquer');
    await page.getByRole('button', { name: 'Salvar nova senha' }).click();
    await expect(page.getByText('A confirmação não confere com a nova senha.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('senha-redefinida-1');
    await page.getByLabel('Confirmação da nova senha').fill('senha-redefinida-1');
    await page.getByRole('button', { name: 'Salvar nova senha' }).click();
    await expect(page.getByRole('status')).toHaveText('Senha alterada. Entre com a nova senha.');

    await attemptSignIn(page, E2E.resetter, E2E.password);
    await expect(formAlert(page)).toHaveText('E-mail ou senha incorretos.');
    await signIn(page, E2E.resetter, 'senha-redefinida-1');
    await expect(page).toHaveURL(/\/tickets$/);
  });

  test('an unknown address gets the same answer and no e-mail', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail').fill('ninguem@lugar-nenhum.test');
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await expect(page.getByRole('status')).toContainText('Se este e-mail estiver cadastrado');
    await expect(waitForMail('ninguem@lugar-nenhum.test', { timeoutMs: 2000 })).rejects.toThrow();
  });
});

test.describe('"Meu perfil"', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`changes the password only with the current one (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const current = javaScriptEnabled ? E2E.password : 'senha-trocada-js-1';
      const next = javaScriptEnabled ? 'senha-trocada-js-1' : 'senha-trocada-nojs-2';
      await signIn(page, E2E.passwordChanger, current);
      await page.goto('/profile');
      await page.getByLabel('Senha atual').fill('nao-e-a-senha');
      await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill(next);
      await page.getByLabel('Confirmação da nova senha').fill(next);
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(page.getByText('A senha atual está incorreta.')).toBeVisible();

      await page.getByLabel('Senha atual').fill(current);
      await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill(next);
      await page.getByLabel('Confirmação da nova senha').fill(next);
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(page.getByRole('status')).toHaveText('Senha alterada com sucesso!');
      await context.close();
    });
  }

  test('a request without a session changes nothing', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, E2E.demoContact);
    await page.goto('/profile');
    await page.getByLabel('Senha atual').fill(E2E.password);
    await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('senha-do-intruso-1');
    await page.getByLabel('Confirmação da nova senha').fill('senha-do-intruso-1');
    await context.clearCookies();
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, E2E.demoContact, E2E.password);
    await expect(page).toHaveURL(/\/tickets$/);
    await context.close();
  });
});

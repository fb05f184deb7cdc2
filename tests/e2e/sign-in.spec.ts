import { expect, test } from './support/test';
import { E2E } from './support/env';
import { attemptSignIn, formAlert, signIn } from './support/helpers';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-in with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('the administrator signs in and sees the demo contacts', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      await expect(page).toHaveURL(/\/contacts$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' })).toBeVisible();
      await expect(page.getByRole('rowheader', { name: 'João Batista Pereira' })).toBeVisible();
      await expect(page.getByRole('row', { name: /Marina Albuquerque/ }).getByText('Administrador')).toBeVisible();
    });

    test('a wrong password is refused with a clear message and the e-mail kept', async ({ page }) => {
      await attemptSignIn(page, E2E.demoAdmin, 'senha-errada');
      await expect(formAlert(page)).toHaveText('E-mail ou senha incorretos.');
      await expect(page.getByLabel('E-mail')).toHaveValue(E2E.demoAdmin);
      await expect(page).toHaveURL(/\/login/);
    });

    test('empty fields are explained next to each field', async ({ page }) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await expect(page.getByText('Informe o e-mail.')).toBeVisible();
      await expect(page.getByText('Informe a senha.')).toBeVisible();
      await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    });

    test('signing out ends the session', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      await expect(page).toHaveURL(/\/contacts$/);
      await page.getByRole('button', { name: 'Sair' }).click();
      await expect(page.getByRole('status')).toHaveText('Você saiu do portal.');
      await page.goto('/contacts');
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcontacts/);
    });
  });
}

test('an anonymous visitor goes to sign-in and then back where they were going', async ({ page }) => {
  await page.goto('/outbox');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Foutbox/);
  await page.getByLabel('E-mail').fill(E2E.demoAdmin);
  await page.getByLabel('Senha').fill(E2E.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'E-mails enviados' })).toBeVisible();
});

test('repeated failures lock the address with a message that says for how long', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, E2E.locked, `errada-${i}`);
    await expect(formAlert(page)).toBeVisible();
  }
  await expect(formAlert(page)).toContainText('Muitas tentativas sem sucesso. Tente novamente em 15 minutos.');
  await attemptSignIn(page, E2E.locked, E2E.password);
  await expect(formAlert(page)).toContainText('Muitas tentativas');
});

test('the interface can be switched to English', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('button', { name: 'Alterar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('pt-BR');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar' })).toBeVisible();
});

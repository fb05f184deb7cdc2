import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, formAlert, signIn } from './support/helpers';

// "Entrar com a conta da empresa" through a real OpenID Connect provider on loopback and back
// (PRODUCT.md §10.2), with JavaScript and without.

const p = E2E.provider;

/** From /login to the provider's page, as `email`. */
async function toProvider(page: Page, email: string) {
  // A new sign-in at the provider each time (it would remember the last one).
  await page.context().clearCookies({ domain: 'localhost' });
  await page.goto('/login');
  await page.getByRole('link', { name: 'Entrar com a conta da empresa' }).click();
  await expect(page).toHaveURL(/\/login\/company$/);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(page.getByRole('heading', { name: 'Provedor de identidade de teste' })).toBeVisible();
  expect(new URL(page.url()).port).toBe(String(E2E.providerPort));
}

async function signInAtProvider(page: Page, account: string) {
  await page.getByLabel('E-mail da conta').fill(account);
  await page.getByRole('button', { name: 'Entrar no provedor' }).click();
}

for (const js of [true, false]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test("a contact signs in through the company's provider and lands in that company", async ({ page }) => {
      const person = js ? p.member : p.memberNoJs;
      await toProvider(page, person.email);
      await signInAtProvider(page, person.email);
      await expect(page.getByRole('heading', { name: 'Chamados', level: 1 })).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(p.company.name);
      if (js) await expectAccessible(page);
      await page.goto('/profile');
      await expect(page.getByText(person.name).first()).toBeVisible();
    });
  });
}

test('the refusals are pages that say what happened', async ({ page }) => {
  // No company signs this domain in.
  await page.goto('/login/company');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'E-mail' }).fill('alguem@sem-login-e2e.test');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(formAlert(page)).toHaveText('Não há login da empresa para este e-mail. Entre com o seu e-mail e a sua senha.');
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveValue('alguem@sem-login-e2e.test');

  // Cancelled at the provider.
  await toProvider(page, p.member.email);
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page).toHaveURL(/\/login\/company\?problem=cancelled$/);
  await expect(formAlert(page)).toHaveText('Você cancelou o login na sua empresa. Nada foi alterado.');

  // The provider does not vouch for the e-mail.
  await toProvider(page, p.unverified.email);
  await signInAtProvider(page, p.unverified.email);
  await expect(formAlert(page)).toHaveText('O login da sua empresa não confirmou o seu e-mail. Fale com o administrador da empresa.');

  // An answer replayed (the callback address opened again).
  await toProvider(page, p.member.email);
  const callback = page.waitForRequest((r) => r.url().includes('/login/company/callback'));
  await signInAtProvider(page, p.member.email);
  const used = (await callback).url();
  await expect(page.getByRole('heading', { name: 'Chamados', level: 1 })).toBeVisible();
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(used);
  await expect(formAlert(other)).toHaveText('Este retorno do login da empresa expirou ou já foi usado. Comece de novo.');
  await fresh.close();
});

test('someone not yet a contact becomes an access request the administrator sees', async ({ page, browser }) => {
  await toProvider(page, p.newcomer.email);
  await signInAtProvider(page, p.newcomer.email);
  await expect(page).toHaveURL(/\/login\/company\?done=requested$/);
  await expect(page.getByRole('status')).toHaveText(
    'Sua solicitação de acesso foi enviada ao administrador da empresa. Você receberá um e-mail quando ele decidir.',
  );
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, p.company.admin);
  await admin.goto('/requests');
  const card = admin.locator('.request-list > li').filter({ hasText: p.newcomer.name });
  await expect(card).toContainText(p.newcomer.email);
  await expect(card).toContainText('Domínio da empresa');
});

test('a person of two companies, one requiring its sign-in, keeps the password for the other', async ({ page }) => {
  const dora = p.twoCompanies;
  await signIn(page, dora.email);
  await expect(page.getByRole('banner')).toContainText('Empresa Demonstração Ltda');
  await expect(page.getByRole('banner')).not.toContainText(p.strict.name);
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page).toHaveURL(/\/login/);

  await toProvider(page, dora.email);
  await signInAtProvider(page, dora.email);
  await expect(page.getByRole('heading', { name: 'Chamados', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(p.strict.name);
});

test('"Login da empresa": the redirect URI to register, a test of the provider, the secret never shown', async ({ page }) => {
  await signIn(page, p.company.admin);
  await page.goto('/settings/sign-in');
  await expect(page.getByRole('heading', { name: 'Login da empresa', level: 1 })).toBeVisible();
  await expect(page.getByText(`${E2E.baseUrl}/login/company/callback`)).toBeVisible();
  await expect(page.getByText('Um segredo está guardado (não é exibido).')).toBeVisible();
  expect(await page.content()).not.toContain(p.clientSecret);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Testar configuração' }).click();
  await expect(page.getByRole('status')).toHaveText('Configuração válida: o provedor respondeu com o documento de descoberta esperado.');

  await page.getByRole('textbox', { name: 'Emissor (issuer)' }).fill(`http://127.0.0.1:${E2E.providerPort}`);
  await page.getByRole('button', { name: 'Testar configuração' }).click();
  await expect(formAlert(page)).toHaveText('O documento de descoberta informa outro emissor: use exatamente o emissor que ele indica.');

  await page.getByRole('textbox', { name: 'Emissor (issuer)' }).fill('http://idp.example.com');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('O emissor precisa usar HTTPS.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Emissor (issuer)' })).toHaveValue('http://idp.example.com');

  await page.getByRole('textbox', { name: 'Emissor (issuer)' }).fill(`http://localhost:${E2E.providerPort}`);
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
});

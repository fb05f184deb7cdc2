import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, signIn } from './support/helpers';

test('public pages have no serious accessibility issue', async ({ page }) => {
  for (const path of ['/login', '/forgot-password', '/invite/nao-existe', '/reset-password/nao-existe']) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto('/login');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByText('Informe o e-mail.')).toBeVisible();
  await expectAccessible(page);
});

test('administration pages have no serious accessibility issue, on a laptop and a phone', async ({ page }) => {
  test.setTimeout(180_000); // twenty axe runs, a few seconds each on a busy 2-core machine
  await signIn(page, E2E.demoAdmin);
  for (const size of [
    { width: 1366, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(size);
    for (const path of [
      '/contacts',
      '/contacts?q=zzz',
      '/contacts/import',
      '/contacts/import?error=missingColumns&missing=nome,email',
      '/outbox',
      '/profile',
      '/tickets',
      '/history',
      '/groups',
      '/groups/new',
    ]) {
      await page.goto(path);
      await expectAccessible(page);
    }
  }
});

test('the forbidden page has no serious accessibility issue', async ({ page }) => {
  await signIn(page, E2E.demoContact);
  await page.goto('/contacts');
  await expectAccessible(page);
});

test('the keyboard reaches the sign-in form in order', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Senha')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Entrar' })).toBeFocused();
});

// Sessions that live on the server (PRODUCT.md §1.1): "Sair" ends them for every copy of the
// cookie, "Sessões ativas" on "Meu perfil", the administrator's "Encerrar sessões", and the
// password change while the address is throttled. With and without JavaScript.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { attemptSignIn, formAlert, openRowActions, signIn } from './support/helpers';

const S = E2E.sessions;

async function signedInContext(browser: Browser, email: string, opts: { javaScriptEnabled?: boolean; userAgent?: string } = {}) {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The portal answers this context as signed in, or sends it to sign-in. */
async function isSignedIn(page: Page): Promise<boolean> {
  await page.goto('/tickets');
  await page.waitForURL((url) => url.pathname === '/tickets' || url.pathname === '/login');
  return new URL(page.url()).pathname === '/tickets';
}

async function copyOf(browser: Browser, context: BrowserContext) {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  return { context: copy, page: await copy.newPage() };
}

test('"Sair" ends the session on the server: a copy of the cookie is refused afterwards', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, S.signOut.email);
  const stolen = await copyOf(browser, context);
  expect(await isSignedIn(stolen.page)).toBe(true);
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByRole('status')).toHaveText('Você saiu do portal.');
  expect(await isSignedIn(stolen.page)).toBe(false);
  // Auth.js's own session endpoint neither answers for it nor brings it back.
  await stolen.context.addCookies(await context.cookies());
  const answer = await stolen.page.request.get('/api/auth/session');
  expect(await answer.json()).toBeNull();
  // No session cookie comes back (the proxy may only expire Auth.js's callback-address cookie).
  expect(answer.headers()['set-cookie'] ?? '').not.toMatch(/session-token=[^;]/);
  expect(await isSignedIn(stolen.page)).toBe(false);
  await context.close();
  await stolen.context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`"Sessões ativas" lists the sessions and ends one, then all the others (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const person = javaScriptEnabled ? S.own : S.ownNoJs;
    const phone = await signedInContext(browser, person.email, {
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1',
    });
    const tablet = await signedInContext(browser, person.email, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0' });
    const here = await signedInContext(browser, person.email, { javaScriptEnabled });
    const page = here.page;
    await page.goto('/profile');
    const panel = page.getByRole('region', { name: 'Sessões ativas' });
    await expect(panel.getByRole('listitem')).toHaveCount(3);
    const current = panel.getByRole('listitem').filter({ hasText: 'Esta sessão' });
    await expect(current).toHaveCount(1);
    await expect(current).toContainText('127.0.0.1');
    await expect(current.getByRole('button', { name: /^Encerrar/ })).toHaveCount(0);

    const iphone = panel.getByRole('listitem').filter({ hasText: 'Safari em iOS' });
    await iphone.getByRole('button', { name: /^Encerrar a sessão Safari em iOS/ }).click();
    await expect(page.getByRole('status')).toHaveText('Sessão encerrada.');
    await expect(panel.getByRole('listitem')).toHaveCount(2);
    expect(await isSignedIn(phone.page)).toBe(false);
    expect(await isSignedIn(tablet.page)).toBe(true);

    await page.getByRole('button', { name: 'Encerrar as outras sessões' }).click();
    await expect(page.getByRole('status')).toHaveText('As outras sessões foram encerradas.');
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel).toContainText('Você não tem outras sessões abertas.');
    expect(await isSignedIn(tablet.page)).toBe(false);
    expect(await isSignedIn(page)).toBe(true);
    for (const c of [phone, tablet, here]) await c.context.close();
  });

  test(`the administrator's "Encerrar sessões" signs a contact out everywhere (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const person = javaScriptEnabled ? S.endedJs : S.endedNoJs;
    const contact = await signedInContext(browser, person.email);
    const admin = await signedInContext(browser, E2E.demoAdmin, { javaScriptEnabled });
    const page = admin.page;
    await page.goto(`/contacts?q=${encodeURIComponent(person.name)}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: person.name, exact: true }) });
    const actions = await openRowActions(page, row, person.name);
    await actions.getByRole('link', { name: 'Encerrar sessões', exact: true }).click();
    await expect(page.getByText(`Encerrar todas as sessões de ${person.name}?`)).toBeVisible();
    if (javaScriptEnabled) await expect(page.getByRole('dialog')).toBeVisible();
    else await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\/sessions$/);
    await page.getByRole('button', { name: 'Encerrar sessões' }).click();
    await expect(page.getByRole('status')).toHaveText('Sessões encerradas. A pessoa precisa entrar de novo.');
    expect(await isSignedIn(contact.page)).toBe(false);
    // The person can sign in again: their access is unchanged.
    await signIn(contact.page, person.email);
    expect(await isSignedIn(contact.page)).toBe(true);
    await page.goto(`/history?q=${encodeURIComponent(person.name)}`);
    await expect(page.getByRole('main')).toContainText('Sessões encerradas');
    await contact.context.close();
    await admin.context.close();
  });
}

test('the password changes while the address is throttled from here, and this session stays', async ({ browser, page }) => {
  const person = S.throttled;
  const session = await signedInContext(browser, person.email);
  for (let i = 0; i < 5; i++) {
    await attemptSignIn(page, person.email, `errada-${i}`);
    await expect(formAlert(page)).toBeVisible();
  }
  await expect(formAlert(page)).toContainText('Muitas tentativas');
  const p = session.page;
  await p.goto('/profile');
  await p.getByLabel('Senha atual').fill(E2E.password);
  await p.getByRole('textbox', { name: 'Nova senha', exact: true }).fill('senha-nova-sob-limite-1');
  await p.getByLabel('Confirmação da nova senha').fill('senha-nova-sob-limite-1');
  await p.getByRole('button', { name: 'Salvar alterações' }).click();
  await expect(p.getByRole('status')).toHaveText('Senha alterada com sucesso!');
  expect(await isSignedIn(p)).toBe(true);
  await session.context.close();
});

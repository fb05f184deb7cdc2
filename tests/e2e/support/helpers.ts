import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { E2E } from './env';
import type { ReceivedMail } from '../../support/smtp-sink';

/** Submits the sign-in form; the caller asserts what follows. */
export async function attemptSignIn(page: Page, email: string, password: string = E2E.password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Signs in and waits until the portal has taken over from the sign-in page. */
export async function signIn(page: Page, email: string, password: string = E2E.password) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits for the SMTP server on loopback to receive a message for `to`. */
export async function waitForMail(to: string, opts: { count?: number; timeoutMs?: number } = {}): Promise<ReceivedMail[]> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const res = await fetch(`${E2E.sinkUrl}/messages?to=${encodeURIComponent(to)}`);
    const list = (await res.json()) as ReceivedMail[];
    if (list.length >= (opts.count ?? 1)) return list;
    if (Date.now() > deadline) throw new Error(`no e-mail for ${to} within the time limit`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}/[\\w-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
}

/** No serious or critical accessibility issue on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The form's own alert (Next adds a route announcer with role=alert too). */
export function formAlert(page: Page) {
  return page.locator('form [role="alert"], main [role="alert"]').first();
}

/**
 * Opens "Ações para NAME" on a row of the contacts list, and returns where its actions are.
 * With JavaScript the menu opens under the button; without it (or when clicked before the page
 * is interactive) the button is a link to the contact's page, which shows the same actions
 * (edit and permissions as its tabs). Either way the actions are the page's only links with
 * those names, so the caller looks them up in the returned region.
 */
export async function openRowActions(page: Page, row: Locator, name: string): Promise<Locator> {
  await row.getByLabel(`Ações para ${name}`, { exact: true }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Editar perfil', exact: true })).toBeVisible();
  return main;
}

/** A contact's id, from the link of its name on a row of the list. */
export async function rowContactId(row: Locator): Promise<string> {
  const href = (await row.getByRole('rowheader').getByRole('link').getAttribute('href')) ?? '';
  const id = /^\/contacts\/([0-9a-f-]{36})$/.exec(href)?.[1];
  if (!id) throw new Error(`no contact link on the row: ${href}`);
  return id;
}

/**
 * A contact picker's search field, once the page's script has replaced the fallback (a list
 * with the same name) by it: acting on it before then would find the list.
 */
export function typeAhead(page: Page, name: string): Locator {
  return page.getByRole('combobox', { name, exact: true }).and(page.locator('input'));
}

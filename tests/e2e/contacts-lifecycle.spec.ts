// A contact's lifecycle (PRODUCT.md §2.10): "Desativar acesso" / "Reativar acesso",
// "Restaurar" under "Removidos", "Revisão de acessos", and an action over several contacts,
// with and without JavaScript. Every test works on its own people (E2E.lifecycle, prepared in
// support/app-server.ts).
import iconv from 'iconv-lite';
import type { Browser, Page } from '@playwright/test';
import { cpfFromBase } from '@/lib/br/cpf';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, formAlert, openRowActions, rowContactId, signIn } from './support/helpers';

const lc = E2E.lifecycle;
const SAVED = 'Registro salvo com sucesso!';
const REMOVED = 'Registro removido com sucesso!';
const RESTORED = 'Registro restaurado com sucesso!';

const status = (page: Page) => page.getByRole('main').getByRole('status').first();

/** The contact's row on a list page, found by searching for the name. */
async function findRow(page: Page, name: string, view = '') {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}${view ? `&status=${view}` : ''}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

async function rowAction(page: Page, name: string, action: string, view = '') {
  const actions = await openRowActions(page, await findRow(page, name, view), name);
  await actions.getByRole('link', { name: action, exact: true }).click();
}

/** Whether the person, signing in in a browser of their own, reaches the demo company. */
async function reachesCompany(browser: Browser, email: string): Promise<boolean> {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(tickets|no-company|contacts|profile)/);
  const reached = !/\/no-company$/.test(page.url());
  await context.close();
  return reached;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test.describe(`contact lifecycle ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test('"Desativar acesso" ends the person\'s access at once; "Reativar acesso" gives it back', async ({ page, browser }) => {
      const person = javaScriptEnabled ? lc.deactivateJs : lc.deactivateNoJs;
      await signIn(page, E2E.demoAdmin);
      await rowAction(page, person.name, 'Desativar acesso');
      await expect(page.getByText(`Desativar o acesso de ${person.name}?`, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Desativar acesso' }).click();
      await expect(page).toHaveURL(/\/contacts(\?|$)/);
      await expect(status(page)).toHaveText(SAVED);

      // Gone from "Ativos", listed under "Desativados" with the badge.
      await page.goto(`/contacts?q=${encodeURIComponent(person.name)}`);
      await expect(page.getByText(`Nenhum usuário encontrado para “${person.name}”.`)).toBeVisible();
      await page.getByRole('link', { name: 'Desativados', exact: true }).click();
      await expect(page).toHaveURL(/status=deactivated/);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: person.name, exact: true }) });
      await expect(row.getByText('Desativado', { exact: true })).toBeVisible();
      expect(await reachesCompany(browser, person.email)).toBe(false);

      await rowAction(page, person.name, 'Reativar acesso', 'deactivated');
      await expect(page.getByText(`Reativar o acesso de ${person.name}?`, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Reativar acesso' }).click();
      await expect(page).toHaveURL(/status=deactivated/);
      await expect(status(page)).toHaveText(SAVED);
      expect(await reachesCompany(browser, person.email)).toBe(true);
      await findRow(page, person.name);
    });

    test('"Restaurar" brings back a contact removed by mistake', async ({ page, browser }) => {
      const person = javaScriptEnabled ? lc.restoreJs : lc.restoreNoJs;
      await signIn(page, E2E.demoAdmin);
      await rowAction(page, person.name, 'Excluir perfil');
      await expect(page.getByText('Tem certeza que deseja remover este usuário?', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Sim' }).click();
      await expect(status(page)).toHaveText(REMOVED);

      await page.goto('/contacts?status=removed');
      await expect(page.getByText('Usuários removidos podem ser restaurados por 30 dias.', { exact: false })).toBeVisible();
      const row = await findRow(page, person.name, 'removed');
      await row.getByRole('link', { name: `Restaurar: ${person.name}` }).click();
      await expect(page.getByText(`Restaurar ${person.name}?`, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Restaurar' }).click();
      await expect(page).toHaveURL(/status=removed/);
      await expect(status(page)).toHaveText(RESTORED);
      await expect(page.getByRole('rowheader', { name: person.name })).toHaveCount(0);
      await findRow(page, person.name);
      expect(await reachesCompany(browser, person.email)).toBe(true);
    });

    test('"Alterar permissões" on several contacts: chosen switches only, with a summary', async ({ page }) => {
      const [a, b] = javaScriptEnabled ? lc.bulkJs : lc.bulkNoJs;
      const term = javaScriptEnabled ? 'lotey' : 'lotez';
      await signIn(page, E2E.demoAdmin);
      await page.goto(`/contacts?q=${term}`);
      await expect(page.getByRole('rowheader')).toHaveCount(2);
      if (javaScriptEnabled) {
        // Ticking the rows one by one.
        await page.getByLabel(`Selecionar ${a!.name}`).check();
        await page.getByLabel(`Selecionar ${b!.name}`).check();
      } else {
        // "Selecionar todos desta página" works without JavaScript too.
        await page.getByLabel('Selecionar todos desta página').check();
      }
      await page.getByLabel('Ação com os selecionados').selectOption({ label: 'Alterar permissões' });
      await page.getByRole('button', { name: 'Aplicar aos selecionados' }).click();
      await expect(page).toHaveURL(/\/contacts\/bulk\?/);
      await expect(page.getByRole('heading', { name: 'Alterar permissões', level: 1 })).toBeVisible();
      await expect(page.getByText('Alterar as permissões destes 2 usuários?')).toBeVisible();
      await expect(page.getByRole('main').getByText(a!.name)).toBeVisible();
      await expect(page.getByRole('main').getByText(b!.name)).toBeVisible();

      // Nothing chosen: refused, next to the choices, nothing changed.
      await page.getByRole('button', { name: 'Confirmar' }).click();
      await expect(formAlert(page)).toContainText('Escolha ao menos uma permissão para ativar ou desativar.');
      await page.getByRole('radiogroup', { name: 'Administradores de TI' }).getByLabel('Ativar', { exact: true }).check();
      await page.getByRole('radiogroup', { name: 'Portal de Clientes Autoatendimento' }).getByLabel('Desativar', { exact: true }).check();
      await page.getByRole('button', { name: 'Confirmar' }).click();
      await expect(page).toHaveURL(/\/contacts\?batch=\d+/);
      const summary = page.getByRole('region', { name: 'Alterar permissões: resultado' });
      await expect(summary).toContainText('2 alterados');

      await page.goto(`/contacts/${await rowContactId(await findRow(page, a!.name))}/permissions`);
      await expect(page.getByRole('switch', { name: 'Administradores de TI' })).toBeChecked();
      await expect(page.getByRole('switch', { name: 'Portal de Clientes Autoatendimento' })).not.toBeChecked();
      await expect(page.getByRole('switch', { name: 'Restringir Acesso aos Chamados' })).not.toBeChecked();
    });

    test('"Desfazer importação" removes who nobody touched since and lists who it kept, with the reason', async ({ page }) => {
      const tag = javaScriptEnabled ? 'Js' : 'Sem';
      const base = javaScriptEnabled ? 720_100_000 : 720_200_000;
      const people = [1, 2].map((i) => ({ name: `Úrsula Desfeita ${tag} ${i}`, email: `ursula.${tag.toLowerCase()}${i}@desfeita.demo.test` }));
      const file = iconv.encode(
        [
          'pais;nome;documento;ddd;telefone;email;consultoria',
          ...people.map((p, i) => `BR;${p.name};${cpfFromBase(String(base + i))};11;98765432${i};${p.email};N`),
        ].join('\r\n') + '\r\n',
        'windows-1252',
      );
      await signIn(page, E2E.demoAdmin);
      await page.goto('/contacts/import');
      await page.getByLabel('Arquivo CSV').setInputFiles({ name: `desfazer-${tag}.csv`, mimeType: 'text/csv', buffer: file });
      await page.getByRole('button', { name: 'Conferir arquivo' }).click();
      await expect(page).toHaveURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
      const jobUrl = page.url();
      await page.getByRole('button', { name: 'Importar usuários' }).click();
      await expect(page.getByText('Importação concluída. 2 usuários importados.', { exact: false })).toBeVisible({ timeout: 30_000 });

      // One of them is looked after meanwhile: deactivated.
      await rowAction(page, people[0]!.name, 'Desativar acesso');
      await page.getByRole('button', { name: 'Desativar acesso' }).click();
      await expect(status(page)).toHaveText(SAVED);

      await page.goto(jobUrl);
      await expect(page.getByText(/Pode ser desfeita até/)).toBeVisible();
      await page.getByRole('link', { name: 'Desfazer importação' }).click();
      await expect(page.getByText('Desfazer esta importação?', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Desfazer importação' }).click();
      await expect(page).toHaveURL(/notice=import-undone/);
      await expect(status(page)).toHaveText('Importação desfeita.');
      const undone = page.getByRole('region', { name: 'Importação desfeita' });
      await expect(undone).toContainText('1 usuário removido, 1 mantido.');
      await expect(undone.getByRole('row').filter({ hasText: people[0]!.name })).toContainText('desativado depois da importação');
      await expect(page.getByRole('link', { name: 'Desfazer importação' })).toHaveCount(0);
      // The untouched one is under "Removidos" (restorable); the kept one still deactivated.
      await findRow(page, people[1]!.name, 'removed');
      await findRow(page, people[0]!.name, 'deactivated');
    });

    test('"Revisão de acessos" lists who never signed in, by period and kind', async ({ page }) => {
      const person = javaScriptEnabled ? lc.neverJs : lc.neverNoJs;
      await signIn(page, E2E.demoAdmin);
      await page.goto('/contacts');
      await page.getByRole('link', { name: 'Revisão de acessos' }).click();
      await expect(page).toHaveURL(/\/contacts\/review$/);
      await expect(page.getByRole('heading', { name: 'Revisão de acessos', level: 1 })).toBeVisible();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: person.name }) });
      await expect(row).toContainText('Nunca acessou desde o convite');
      await page.getByRole('link', { name: '180 dias' }).click();
      await expect(page).toHaveURL(/days=180/);
      await expect(page.getByRole('rowheader', { name: person.name })).toHaveCount(0);
      await page.getByRole('link', { name: '60 dias' }).click();
      await expect(page).toHaveURL(/days=60/);
      await page.getByRole('link', { name: 'Sem acesso recente' }).click();
      await expect(page).toHaveURL(/days=60&show=inactive/);
      await expect(page.getByRole('rowheader', { name: person.name })).toHaveCount(0);
      await page.getByRole('link', { name: 'Nunca acessaram' }).click();
      await expect(page).toHaveURL(/show=never/);
      await expect(row).toHaveCount(1);

      // Acting from the review: deactivate the person, and come back to the review's summary.
      await row.getByLabel(`Selecionar ${person.name}`).check();
      await page.getByLabel('Ação com os selecionados').selectOption({ label: 'Desativar acesso' });
      await page.getByRole('button', { name: 'Aplicar aos selecionados' }).click();
      await expect(page.getByText('Desativar o acesso deste usuário?')).toBeVisible();
      await page.getByRole('button', { name: 'Confirmar' }).click();
      await expect(page).toHaveURL(/\/contacts\/review\?batch=\d+/);
      await expect(page.getByRole('region', { name: 'Desativar acesso: resultado' })).toContainText('1 alterado');
      await page.goto('/contacts/review?days=60&show=never');
      await expect(page.getByRole('rowheader', { name: person.name })).toHaveCount(0);
    });
  });
}

test('the lifecycle pages are accessible', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  for (const path of ['/contacts?status=deactivated', '/contacts?status=removed', '/contacts/review']) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto('/contacts');
  await page.getByLabel('Selecionar todos desta página').check();
  await page.getByLabel('Ação com os selecionados').selectOption({ label: 'Alterar permissões' });
  await page.getByRole('button', { name: 'Aplicar aos selecionados' }).click();
  await expect(page.getByRole('heading', { name: 'Alterar permissões', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

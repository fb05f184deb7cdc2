// Contacts administration (PRODUCT.md 2.1–2.6): add, edit, permissions, transfer of the
// administration and of tickets, removal, tenant isolation and accessibility, with and
// without JavaScript. Every test works on its own people (E2E.admin, prepared in
// support/app-server.ts, or created here through the UI).
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, formAlert, linkIn, openRowActions, rowContactId, signIn, typeAhead, waitForMail } from './support/helpers';

const fx = E2E.admin;

const SAVED = 'Registro salvo com sucesso!';
const REMOVED = 'Registro removido com sucesso!';
const TICKETS_TRANSFERRED = 'Chamados transferidos com sucesso!';
const STALE =
  'Outro administrador salvou este usuário enquanto você editava, e nada do que você digitou foi gravado ainda. ' +
  'Veja abaixo o que ele alterou. Nos campos que vocês dois alteraram, escolha qual valor manter; ' +
  'os que só ele alterou já estão com o valor dele. Depois clique de novo em “Salvar alterações”.';

/** The form's fields, by role and label (a label's text also holds the hidden "*" of required fields). */
const fields = (page: Page) => ({
  country: page.getByRole('combobox', { name: 'País', exact: true }),
  name: page.getByRole('textbox', { name: 'Nome', exact: true }),
  cpf: page.getByRole('textbox', { name: 'CPF', exact: true }),
  areaCode: page.getByRole('textbox', { name: 'DDD', exact: true }),
  phone: page.getByRole('textbox', { name: 'Telefone', exact: true }),
  email: page.getByRole('textbox', { name: 'E-mail', exact: true }),
  emailConfirmation: page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }),
  consultancy: (answer: 'Sim' | 'Não') =>
    page.getByRole('group', { name: 'Autorizado para utilizar consultoria?' }).getByRole('radio', { name: answer, exact: true }),
});

/** The contact's row on the list, found by searching for the name. */
async function findRow(page: Page, name: string) {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** Opens "Ações para NAME" on the list and follows one of its entries. */
async function rowAction(page: Page, name: string, action: string) {
  const actions = await openRowMenu(page, name);
  await actions.getByRole('link', { name: action, exact: true }).click();
}

/** Opens the row's actions ("Ações para NAME": a menu with JavaScript, the contact's page without). */
async function openRowMenu(page: Page, name: string) {
  return openRowActions(page, await findRow(page, name), name);
}

/** The contact's id, read from the link of their name on the list. */
async function contactId(page: Page, name: string): Promise<string> {
  return rowContactId(await findRow(page, name));
}

/** A second, independent browser session (its own cookies) of the same or another person. */
async function secondSession(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByRole('status')).toHaveText('Você saiu do portal.');
}

const status = (page: Page) => page.getByRole('main').getByRole('status');

/** Where a confirmation shows once `ready` is visible: a dialog with JavaScript, else the page. */
async function confirmationScope(page: Page, ready: string) {
  await expect(page.getByText(ready, { exact: true })).toBeVisible();
  const dialog = page.getByRole('dialog');
  return (await dialog.count()) > 0 ? dialog : page.getByRole('main');
}

/**
 * Leaves the field being typed in before the next click. With JavaScript a field is
 * validated when it loses focus and its error is inserted under it; when that happens on the
 * mousedown of the next click, everything below moves and the click is lost (reported as a
 * product bug). Blurring first lets the layout settle, as it would for someone who tabs.
 */
async function leaveField(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test.describe(`contacts administration ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test('adds a user: errors under each field keep the input, a duplicate e-mail is refused, the invitation goes out', async ({ page }) => {
      const person = javaScriptEnabled
        ? {
            name: 'Sabrina Nova Com Script',
            cpf: '313.505.606-69',
            badCpf: '313.505.606-68',
            masked: '313.505.606-69',
            ddd: '21',
            phone: '987650001',
            shownPhone: '(21) 98765-0001',
            email: 'sabrina.nova@demo.test',
            consultancy: 'Sim' as const,
          }
        : {
            name: 'Silvio Novo Sem Script',
            cpf: '31460670728',
            badCpf: '31460670729',
            masked: '314.606.707-28',
            ddd: '31',
            phone: '3210-4567',
            shownPhone: '(31) 3210-4567',
            email: 'silvio.novo@demo.test',
            consultancy: 'Não' as const,
          };
      await signIn(page, E2E.demoAdmin);
      await page.goto('/contacts');
      await page.getByRole('link', { name: 'Adicionar usuário' }).click();
      await expect(page).toHaveURL(/\/contacts\/new$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Adicionar usuário' })).toBeVisible();
      const f = fields(page);
      await expect(f.country).toHaveValue('BR');

      // Wrong check digits, an area code that does not exist, a confirmation that differs.
      await f.name.fill(person.name);
      await f.cpf.fill(person.badCpf);
      await f.areaCode.fill('20');
      await f.phone.fill(person.phone);
      await f.email.fill(person.email);
      await f.emailConfirmation.fill(`outro.${person.email}`);
      await leaveField(page);
      await f.consultancy(person.consultancy).check();
      await page.getByRole('button', { name: 'Adicionar usuário' }).click();

      await expect(f.cpf).toHaveAttribute('aria-invalid', 'true');
      await expect(f.cpf).toHaveAccessibleDescription(/CPF inválido: confira os dígitos\.$/);
      await expect(f.areaCode).toHaveAccessibleDescription(/DDD inexistente \(ex\.: 11, 21\)\.$/);
      await expect(f.emailConfirmation).toHaveAccessibleDescription(/A confirmação não confere com o e-mail\.$/);
      for (const text of ['CPF inválido: confira os dígitos.', 'DDD inexistente (ex.: 11, 21).', 'A confirmação não confere com o e-mail.']) {
        await expect(page.getByRole('main').getByText(text, { exact: true })).toBeVisible();
      }
      await expect(f.name).not.toHaveAttribute('aria-invalid', 'true');
      await expect(f.phone).not.toHaveAttribute('aria-invalid', 'true');
      if (javaScriptEnabled) await expect(f.cpf).toBeFocused();
      // Nothing typed is lost.
      await expect(page).toHaveURL(/\/contacts\/new$/);
      await expect(f.country).toHaveValue('BR');
      await expect(f.name).toHaveValue(person.name);
      await expect(f.cpf).toHaveValue(person.badCpf);
      await expect(f.areaCode).toHaveValue('20');
      await expect(f.phone).toHaveValue(person.phone);
      await expect(f.email).toHaveValue(person.email);
      await expect(f.emailConfirmation).toHaveValue(`outro.${person.email}`);
      await expect(f.consultancy(person.consultancy)).toBeChecked();

      // Valid, but the e-mail belongs to an active contact of the company.
      await f.cpf.fill(person.cpf);
      await f.areaCode.fill(person.ddd);
      await f.email.fill(E2E.demoContact);
      await f.emailConfirmation.fill(E2E.demoContact.toUpperCase());
      await leaveField(page);
      await page.getByRole('button', { name: 'Adicionar usuário' }).click();
      await expect(f.email).toHaveAccessibleDescription(/Já existe um usuário ativo com este e-mail\.$/);
      await expect(page.getByRole('main').getByText('Já existe um usuário ativo com este e-mail.', { exact: true })).toBeVisible();
      await expect(formAlert(page)).toHaveText('Corrija os campos indicados abaixo.');
      if (javaScriptEnabled) await expect(f.email).toBeFocused();
      await expect(f.name).toHaveValue(person.name);
      await expect(f.cpf).toHaveValue(person.cpf);
      await expect(f.areaCode).toHaveValue(person.ddd);
      await expect(f.phone).toHaveValue(person.phone);
      await expect(f.email).toHaveValue(E2E.demoContact);
      await expect(f.emailConfirmation).toHaveValue(E2E.demoContact.toUpperCase());
      await expect(f.consultancy(person.consultancy)).toBeChecked();

      await f.email.fill(person.email);
      await f.emailConfirmation.fill(person.email);
      await leaveField(page);
      await page.getByRole('button', { name: 'Adicionar usuário' }).click();
      await expect(page).toHaveURL(/\/contacts(\?|$)/);
      await expect(status(page)).toHaveText(SAVED);

      const row = await findRow(page, person.name);
      await expect(row).toContainText(person.masked);
      await expect(row).toContainText(person.shownPhone);
      await expect(row).toContainText(person.email);
      await expect(row).toContainText('Contato');

      const [mail] = await waitForMail(person.email);
      expect(mail!.subject).toBe('Seu acesso ao portal de suporte – Empresa Demonstração Ltda');
      expect(mail!.text).toContain(`Olá, ${person.name}!`);
      await page.goto(linkIn(mail!.text, '/invite'));
      await expect(page.getByRole('heading', { name: 'Crie sua senha' })).toBeVisible();
    });

    test('edits a profile from the row menu', async ({ page }) => {
      const person = javaScriptEnabled ? fx.editJs : fx.editNoJs;
      const renamed = `${person.name} Santos`;
      await signIn(page, E2E.demoAdmin);
      await rowAction(page, person.name, 'Editar perfil');
      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\/edit$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Editar perfil' })).toBeVisible();
      const f = fields(page);
      await expect(f.name).toHaveValue(person.name);
      await expect(f.cpf).toHaveValue(javaScriptEnabled ? '301.202.303-80' : '302.303.404-40');
      await expect(f.email).toHaveValue(person.email);
      await expect(f.consultancy('Não')).toBeChecked();

      // A mobile number that does not start with 9: refused under the field, input kept.
      await f.name.fill(renamed);
      await f.areaCode.fill('48');
      await f.phone.fill('812345678');
      await leaveField(page);
      await f.consultancy('Sim').check();
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(f.phone).toHaveAccessibleDescription(/Celular deve ter 9 dígitos começando com 9\.$/);
      await expect(page.getByRole('main').getByText('Celular deve ter 9 dígitos começando com 9.', { exact: true })).toBeVisible();
      await expect(f.name).toHaveValue(renamed);
      await expect(f.areaCode).toHaveValue('48');
      await expect(f.phone).toHaveValue('812345678');
      await expect(f.consultancy('Sim')).toBeChecked();

      await f.phone.fill('3222-1100');
      await leaveField(page);
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(page).toHaveURL(/\/contacts(\?|$)/);
      await expect(status(page)).toHaveText(SAVED);
      const row = await findRow(page, renamed);
      await expect(row).toContainText('(48) 3222-1100');

      await rowAction(page, renamed, 'Editar perfil');
      await expect(f.name).toHaveValue(renamed);
      await expect(f.areaCode).toHaveValue('48');
      await expect(f.phone).toHaveValue('32221100');
      await expect(f.consultancy('Sim')).toBeChecked();
    });

    test('a concurrent edit is refused with the input kept, and saving again after choosing then succeeds', async ({ page, browser }) => {
      const person = javaScriptEnabled ? fx.concurrentJs : fx.concurrentNoJs;
      await signIn(page, E2E.demoAdmin);
      const id = await contactId(page, person.name);
      const other = await secondSession(browser, E2E.demoAdmin, javaScriptEnabled);
      try {
        await page.goto(`/contacts/${id}/edit`);
        await other.page.goto(`/contacts/${id}/edit`);
        await expect(fields(other.page).name).toHaveValue(person.name);

        // The first administrator saves a new phone.
        await fields(page).phone.fill('987001122');
        await leaveField(page);
        await page.getByRole('button', { name: 'Salvar alterações' }).click();
        await expect(status(page)).toHaveText(SAVED);

        // The second one, still on the old version, is refused; what they typed stays.
        const f = fields(other.page);
        const originalPhone = await f.phone.inputValue();
        await f.name.fill(`${person.name} Lima`);
        await f.areaCode.fill('85');
        await leaveField(other.page);
        await other.page.getByRole('button', { name: 'Salvar alterações' }).click();
        await expect(formAlert(other.page)).toHaveText(STALE);
        await expect(formAlert(other.page)).toContainText('Outro administrador salvou este usuário enquanto você editava');
        await expect(other.page).toHaveURL(new RegExp(`/contacts/${id}/edit$`));
        await expect(f.name).toHaveValue(`${person.name} Lima`);
        await expect(f.areaCode).toHaveValue('85');
        await expect(f.phone).toHaveValue(originalPhone);
        await expect(f.email).toHaveValue(person.email);

        // Nothing of the second version was written.
        let row = await findRow(page, person.name);
        await expect(row).toContainText('98700-1122');

        // Both changed the phone (one the number, the other the DDD): saving again needs a choice
        // (tests/e2e/edit-conflict.spec.ts has the whole flow). "Usar o meu valor" writes the second version.
        await other.page.getByRole('radio', { name: /^Usar o meu valor/ }).check();
        await other.page.getByRole('button', { name: 'Salvar alterações' }).click();
        await expect(status(other.page)).toHaveText(SAVED);
        row = await findRow(other.page, `${person.name} Lima`);
        await expect(row).toContainText(`(85) ${originalPhone.slice(0, 5)}-${originalPhone.slice(5)}`);
      } finally {
        await other.context.close();
      }
    });

    test('saves access permissions, which are shown again when reopened', async ({ page }) => {
      const person = javaScriptEnabled ? fx.permissionsJs : fx.permissionsNoJs;
      const label = {
        selfService: 'Portal de Clientes Autoatendimento',
        education: 'Gestor Educação Corporativa - Academia TOTVS (Exclusivo para Clientes)',
        bpo: 'Acesso completo a chamados BPO',
        restrict: 'Restringir Acesso aos Chamados',
        franchise: 'Gestor Educação Corporativa II - Academia TOTVS (Exclusivo para Franquias)',
        cloud: 'Centro de Controle Cloud',
        itAdmin: 'Administradores de TI',
      };
      const sw = (name: string) => page.getByRole('switch', { name, exact: true });
      const expectGranted = async (granted: string[]) => {
        for (const name of Object.values(label)) {
          if (granted.includes(name)) await expect(sw(name)).toBeChecked();
          else await expect(sw(name)).not.toBeChecked();
        }
      };
      await signIn(page, E2E.demoAdmin);
      await rowAction(page, person.name, 'Permissões de acesso');
      await expect(page.getByRole('heading', { level: 1, name: 'Permissões de acesso' })).toBeVisible();
      await expect(page.getByRole('switch')).toHaveCount(7);
      await expectGranted([label.selfService]);

      await sw(label.selfService).uncheck();
      await sw(label.cloud).check();
      await sw(label.itAdmin).check();
      await sw(label.franchise).check();
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(page).toHaveURL(/\/contacts(\?|$)/);
      await expect(status(page)).toHaveText(SAVED);

      await rowAction(page, person.name, 'Permissões de acesso');
      await expectGranted([label.cloud, label.itAdmin, label.franchise]);

      // Back to none at all.
      for (const name of [label.cloud, label.itAdmin, label.franchise]) await sw(name).uncheck();
      await page.getByRole('button', { name: 'Salvar alterações' }).click();
      await expect(status(page)).toHaveText(SAVED);
      await rowAction(page, person.name, 'Permissões de acesso');
      await expectGranted([]);
    });

    test('transfers the administration; the former administrator loses the area at once', async ({ page }) => {
      const company = javaScriptEnabled ? fx.transferJs : fx.transferNoJs;
      await signIn(page, company.admin.email);
      await expect(page).toHaveURL(/\/contacts$/);
      // No transfer to oneself is offered.
      const mine = await openRowMenu(page, company.admin.name);
      await expect(mine.getByRole('link', { name: 'Editar perfil' })).toBeVisible();
      await expect(mine.getByRole('link', { name: 'Transferir administração' })).toHaveCount(0);

      await rowAction(page, company.heir.name, 'Transferir administração');
      await expect(page.getByText('Você tem certeza que deseja transferir a administração para este usuário?', { exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Não' })).toBeVisible();
      await page.getByRole('button', { name: 'Sim' }).click();
      await expect(page).toHaveURL(/\/profile(\?|$)/);
      await expect(status(page)).toHaveText(`Administração transferida para ${company.heir.name}.`);
      await expect(page.getByRole('link', { name: 'Usuários do Sistema' })).toHaveCount(0);

      await page.goto('/contacts');
      await expect(page.getByRole('heading', { name: 'Acesso restrito' })).toBeVisible();
      await expect(page.getByRole('rowheader', { name: company.heir.name })).toHaveCount(0);

      await page.goto('/profile');
      await signOut(page);
      await signIn(page, company.heir.email);
      await expect(page).toHaveURL(/\/contacts$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Usuários do Sistema' })).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(company.heir.name) }).getByText('Administrador', { exact: true })).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(company.admin.name) }).getByText('Contato', { exact: true })).toBeVisible();
    });

    test('removes a contact, who can no longer reach the portal', async ({ page }) => {
      const person = javaScriptEnabled ? fx.removeJs : fx.removeNoJs;
      await signIn(page, E2E.demoAdmin);
      const id = await contactId(page, person.name);
      await rowAction(page, person.name, 'Excluir perfil');
      await expect(page.getByText('Tem certeza que deseja remover este usuário?', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Sim' }).click();
      await expect(page).toHaveURL(/\/contacts(\?|$)/);
      await expect(status(page)).toHaveText(REMOVED);

      await page.goto(`/contacts?q=${encodeURIComponent(person.name)}`);
      await expect(page.getByText(`Nenhum usuário encontrado para “${person.name}”.`)).toBeVisible();
      await expect(page.getByRole('rowheader', { name: person.name })).toHaveCount(0);
      // The confirmation of a removed contact is gone too.
      await page.goto(`/contacts/${id}/delete`);
      await expect(page.getByRole('heading', { name: 'Página não encontrada' })).toBeVisible();

      await page.goto('/contacts');
      await signOut(page);
      await signIn(page, person.email);
      await expect(page).toHaveURL(/\/no-company$/);
      await expect(page.getByRole('heading', { name: 'Sem empresa vinculada' })).toBeVisible();
      await page.goto('/profile');
      await expect(page).toHaveURL(/\/no-company$/);
    });
  });
}

test.describe('refusals when removing', () => {
  test('a contact with open tickets is told to transfer them first', async ({ page }) => {
    const person = fx.pendingTickets;
    await signIn(page, E2E.demoAdmin);
    await rowAction(page, person.name, 'Excluir perfil');
    const refusalText = 'Este usuário ainda tem 1 chamado não fechado: transfira os chamados antes de remover o usuário.';
    const scope = await confirmationScope(page, refusalText);
    await expect(scope.getByRole('alert')).toHaveText(refusalText);
    await expect(scope.getByRole('alert')).toContainText('transfira os chamados antes');
    await expect(page.getByRole('button', { name: 'Sim' })).toHaveCount(0);
    await scope.getByRole('link', { name: 'Transferir chamados' }).click();
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\/transfer-tickets$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Transferir chamados' })).toBeVisible();
    await expect(page.getByText('1 chamado aberto', { exact: true })).toBeVisible();
  });

  test('the administrator is never offered for removal', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    const row = await openRowMenu(page, 'Marina Albuquerque');
    await expect(row.getByRole('link', { name: 'Editar perfil' })).toBeVisible();
    await expect(row.getByRole('link', { name: 'Permissões de acesso' })).toBeVisible();
    await expect(row.getByRole('link', { name: 'Excluir perfil' })).toHaveCount(0);
    await expect(row.getByRole('link', { name: 'Transferir administração' })).toHaveCount(0);

    await page.goto(`/contacts/${await contactId(page, 'Marina Albuquerque')}/delete`);
    await expect(page.getByRole('alert').filter({ hasText: 'O administrador' })).toHaveText(
      'O administrador não pode ser removido. Transfira a administração para outro usuário antes.',
    );
    await expect(page.getByRole('button', { name: 'Sim' })).toHaveCount(0);
  });
});

test('transfers the open tickets to another contact', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const toId = await contactId(page, fx.ticketsTo.name);
  await rowAction(page, fx.ticketsFrom.name, 'Transferir chamados');
  await expect(page.getByRole('heading', { level: 1, name: 'Transferir chamados' })).toBeVisible();
  await expect(page.getByText('2 chamados abertos', { exact: true })).toBeVisible();
  // The picker: the contact whose tickets move is never offered.
  const target = typeAhead(page, 'Nome do contato');
  await target.fill(fx.ticketsFrom.name);
  await expect(page.getByText('Ninguém encontrado', { exact: false })).toBeVisible();
  await target.fill('');

  // Nothing chosen.
  await page.getByRole('button', { name: 'Transferir' }).click();
  await expect(target).toHaveAccessibleDescription(/Selecione o contato que receberá os chamados\./);
  await expect(page.getByRole('main').getByText('Selecione o contato que receberá os chamados.', { exact: true })).toBeVisible();
  await expect(page.getByText('2 chamados abertos', { exact: true })).toBeVisible();

  await target.fill('Recebedora');
  await expect(page.getByRole('listbox', { name: 'Nome do contato' }).getByRole('option')).toHaveText([`${fx.ticketsTo.name} ${fx.ticketsTo.email}`]);
  await page.getByRole('option', { name: new RegExp(fx.ticketsTo.name) }).click();
  await expect(target).toHaveValue(fx.ticketsTo.name);
  await page.getByRole('button', { name: 'Transferir' }).click();
  await expect(page).toHaveURL(/\/contacts(\?|$)/);
  await expect(status(page)).toHaveText(TICKETS_TRANSFERRED);

  // The closed ticket stays with the original requester, who can now be removed.
  await rowAction(page, fx.ticketsFrom.name, 'Transferir chamados');
  await expect(page.getByText('Nenhum chamado aberto', { exact: true })).toBeVisible();
  await page.goto(`/contacts/${toId}/transfer-tickets`);
  await expect(page.getByText('2 chamados abertos', { exact: true })).toBeVisible();
});

test.describe('tenant isolation', () => {
  test("another company's contact is not found, whatever the page", async ({ page, browser }) => {
    const other = await secondSession(browser, E2E.otherAdmin, true);
    let beatriz: string;
    try {
      beatriz = await contactId(other.page, E2E.otherContactName);
    } finally {
      await other.context.close();
    }
    await signIn(page, E2E.demoAdmin);
    for (const section of ['edit', 'permissions', 'delete', 'transfer-admin', 'transfer-tickets', 'sessions']) {
      await page.goto(`/contacts/${beatriz}/${section}`);
      await expect(page.getByRole('heading', { name: 'Página não encontrada' })).toBeVisible();
      await expect(page.getByText(E2E.otherContactName)).toHaveCount(0);
    }
  });

  test('"E-mails enviados" never shows a usable link, not even of an invitation just sent', async ({ page }) => {
    await signIn(page, E2E.demoAdmin);
    await page.goto('/contacts/new');
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Zuleica Sem Link');
    await page.getByRole('textbox', { name: 'CPF', exact: true }).fill('258.147.369-09');
    await page.getByRole('textbox', { name: 'DDD', exact: true }).fill('11');
    await page.getByRole('textbox', { name: 'Telefone', exact: true }).fill('987651234');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('zuleica.semlink@demo.test');
    await page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }).fill('zuleica.semlink@demo.test');
    await page.getByRole('button', { name: 'Adicionar usuário' }).click();
    await expect(page.getByRole('status')).toHaveText(SAVED);
    await page.goto('/outbox');
    await expect(page.getByText('zuleica.semlink@demo.test')).toBeVisible();
    const html = await page.content();
    expect(html).not.toMatch(/\/invite\/[\w-]{20,}/);
    expect(html).not.toMatch(/\/reset-password\/[\w-]{20,}/);
    await expect(page.getByText('Ler mensagem')).toHaveCount(0);
  });

  test('a contact who is not the administrator cannot add users', async ({ page }) => {
    await signIn(page, E2E.demoContact);
    await page.goto('/contacts/new');
    await expect(page.getByRole('heading', { name: 'Acesso restrito' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'CPF', exact: true })).toHaveCount(0);
  });
});

test('contact administration pages have no serious accessibility issue', async ({ page }) => {
  test.setTimeout(60_000); // eight pages, each analysed by axe
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'CPF', exact: true }).fill('111.111.111-11');
  await page.getByRole('textbox', { name: 'DDD', exact: true }).fill('20');
  await leaveField(page);
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(page.getByText('Informe o nome.', { exact: true })).toBeVisible();
  await expect(page.getByText('CPF inválido: confira os dígitos.', { exact: true })).toBeVisible();
  await expectAccessible(page);

  const id = await contactId(page, fx.accessible.name);
  for (const [path, ready] of [
    [`/contacts/${id}/edit`, 'Salvar alterações'],
    [`/contacts/${id}/permissions`, 'Salvar alterações'],
    [`/contacts/${id}/delete`, 'Sim'],
    [`/contacts/${id}/transfer-admin`, 'Sim'],
    [`/contacts/${id}/sessions`, 'Encerrar sessões'],
    // Last: the refused transfer below is sent from this page.
    [`/contacts/${id}/transfer-tickets`, 'Transferir'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('button', { name: ready, exact: true })).toBeVisible();
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: 'Transferir' }).click();
  await expect(page.getByText('Selecione o contato que receberá os chamados.', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The confirmation as reached from the list (a dialog when the product opens one).
  await rowAction(page, fx.accessible.name, 'Excluir perfil');
  const scope = await confirmationScope(page, 'Tem certeza que deseja remover este usuário?');
  await expect(scope.getByRole('button', { name: 'Sim' })).toBeVisible();
  await expectAccessible(page);
});

async function fillIntruder(page: Page) {
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Intrusa Sem Permissão');
  await page.getByRole('textbox', { name: 'CPF', exact: true }).fill('147.258.369-82');
  await page.getByRole('textbox', { name: 'DDD', exact: true }).fill('11');
  await page.getByRole('textbox', { name: 'Telefone', exact: true }).fill('987654321');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('intrusa@demo.test');
  await page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }).fill('intrusa@demo.test');
}

test('a form posted with a contact’s session, not the administrator’s, changes nothing', async ({ browser }) => {
  const contact = await browser.newContext({ javaScriptEnabled: false });
  const contactPage = await contact.newPage();
  await signIn(contactPage, E2E.demoContact);
  const contactCookies = await contact.cookies();
  await contact.close();

  const admin = await browser.newContext({ javaScriptEnabled: false });
  const page = await admin.newPage();
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts/new');
  await fillIntruder(page);
  // The same form, now sent with the contact's session.
  await admin.clearCookies();
  await admin.addCookies(contactCookies);
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(page.getByText('Registro salvo com sucesso!')).toHaveCount(0);

  await admin.clearCookies();
  await signIn(page, E2E.demoAdmin);
  await page.goto(`/contacts?q=${encodeURIComponent('intrusa@demo.test')}`);
  await expect(page.getByText('Nenhum usuário encontrado para “intrusa@demo.test”.')).toBeVisible();

  // Control: the very same data, sent by the administrator, is accepted.
  await page.goto('/contacts/new');
  await fillIntruder(page);
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(page.getByRole('status')).toHaveText('Registro salvo com sucesso!');
  await admin.close();
});

// Issue 16, "Edit conflict" (PRODUCT.md §2.2): two administrators edit one contact at once. The
// later save is refused with what the other one changed (field, their value, yours); a field
// only they changed keeps their value, a field both changed waits for a choice, and saving again
// without choosing is refused. "Meu perfil" → "Seus dados" over an administrator's edit says
// which fields changed and reloads them. With JavaScript on and off. People created here sort
// after "Marina", so the first page of the demo list other specs look at keeps its rows.
import type { Browser, Page } from '@playwright/test';
import { cpfFromBase, formatCpf } from '@/lib/br/cpf';
import { formatBrazilianPhone } from '@/lib/br/phone';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, formAlert, rowContactId, signIn } from './support/helpers';

const SAVED = 'Registro salvo com sucesso!';
const STALE =
  'Outro administrador salvou este usuário enquanto você editava, e nada do que você digitou foi gravado ainda. ' +
  'Veja abaixo o que ele alterou. Nos campos que vocês dois alteraram, escolha qual valor manter; ' +
  'os que só ele alterou já estão com o valor dele. Depois clique de novo em “Salvar alterações”.';
const CHOOSE_ALL = 'Escolha qual valor manter em cada campo que vocês dois alteraram.';
const CHOOSE = 'Escolha qual valor manter.';
const PROFILE_STALE =
  'O administrador alterou seus dados enquanto você editava, e nada foi gravado ainda. Os campos que ele alterou agora ' +
  'mostram o valor salvo por ele; o que você tinha digitado está na tabela abaixo: digite de novo o que quiser mudar e ' +
  'clique em “Salvar dados”.';

/** The form's fields, by role and label. */
const fields = (page: Page) => ({
  name: page.getByRole('textbox', { name: 'Nome', exact: true }),
  cpf: page.getByRole('textbox', { name: 'CPF', exact: true }),
  areaCode: page.getByRole('textbox', { name: 'DDD', exact: true }),
  phone: page.getByRole('textbox', { name: 'Telefone', exact: true }),
  email: page.getByRole('textbox', { name: 'E-mail', exact: true }),
  consultancy: (answer: 'Sim' | 'Não') =>
    page.getByRole('group', { name: 'Autorizado para utilizar consultoria?' }).getByRole('radio', { name: answer, exact: true }),
});

/** The choice next to a field both administrators changed. */
const choice = (page: Page, field: string) => page.getByRole('group', { name: `${field}: vocês dois alteraram este campo. Qual valor manter?` });

/** The row of the table "O que o outro administrador alterou" for a field: its cells (their value, yours). */
const diffRow = (page: Page, field: string) => page.getByRole('table', { name: /alterou$/ }).getByRole('row', { name: new RegExp(`^${field} `) });

const status = (page: Page) => page.getByRole('main').getByRole('status');

/** Leaves the field being typed in before the next click (see contacts-admin.spec.ts). */
async function leaveField(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function save(page: Page) {
  await leaveField(page);
  await page.getByRole('button', { name: 'Salvar alterações' }).click();
}

async function findRow(page: Page, name: string) {
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** A second, independent browser session (its own cookies) of the same administrator. */
async function secondSession(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, E2E.demoAdmin);
  return { context, page };
}

type Person = { name: string; cpfBase: string; areaCode: string; phone: string; email: string };

/** "Adicionar usuário", as an administrator does it; returns the new contact's id. */
async function addContact(page: Page, p: Person): Promise<string> {
  await page.goto('/contacts/new');
  const f = fields(page);
  await f.name.fill(p.name);
  await f.cpf.fill(cpfFromBase(p.cpfBase));
  await f.areaCode.fill(p.areaCode);
  await f.phone.fill(p.phone);
  await f.email.fill(p.email);
  await page.getByRole('textbox', { name: 'Confirmação de e-mail', exact: true }).fill(p.email);
  await leaveField(page);
  await page.getByRole('button', { name: 'Adicionar usuário' }).click();
  await expect(status(page)).toHaveText(SAVED);
  return rowContactId(await findRow(page, p.name));
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test.describe(`edit conflict, ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test('the later save shows what the other administrator changed, keeps their change, and asks where both changed a field', async ({ page, browser }) => {
      test.setTimeout(90_000); // two sessions, some twenty page loads, axe once
      const person: Person = javaScriptEnabled
        ? { name: 'Tereza Conflito Com Script', cpfBase: '741005331', areaCode: '31', phone: '987650031', email: 'tereza.conflito@demo.test' }
        : { name: 'Tobias Conflito Sem Script', cpfBase: '741005332', areaCode: '41', phone: '987650041', email: 'tobias.conflito@demo.test' };
      const newCpf = cpfFromBase(javaScriptEnabled ? '741005341' : '741005342');
      await signIn(page, E2E.demoAdmin);
      const id = await addContact(page, person);
      const other = await secondSession(browser, javaScriptEnabled);
      try {
        // A (page) and B (other) open the form at the same version.
        await page.goto(`/contacts/${id}/edit`);
        await other.page.goto(`/contacts/${id}/edit`);
        await expect(fields(other.page).name).toHaveValue(person.name);

        // B saves a new name, a new CPF (typed without the mask) and consultancy.
        const b = fields(other.page);
        await b.name.fill(`${person.name} Bruno`);
        await b.cpf.fill(newCpf);
        await b.consultancy('Sim').check();
        await save(other.page);
        await expect(status(other.page)).toHaveText(SAVED);

        // A, still on the old version, saves a new name and a new phone: refused.
        const a = fields(page);
        await a.name.fill(`${person.name} Ana`);
        await a.phone.fill('987650099');
        await save(page);
        await expect(formAlert(page)).toHaveText(STALE);
        await expect(page).toHaveURL(new RegExp(`/contacts/${id}/edit$`));

        // The table: only the fields B changed, shown as the pages show them.
        const table = page.getByRole('table', { name: 'O que o outro administrador alterou' });
        await expect(table.getByRole('columnheader')).toHaveText(['Campo', 'Valor salvo por outro administrador', 'O seu valor']);
        await expect(table.getByRole('row')).toHaveCount(4);
        await expect(diffRow(page, 'Nome').getByRole('cell')).toHaveText([`${person.name} Bruno`, `${person.name} Ana`]);
        await expect(diffRow(page, 'CPF / Documento').getByRole('cell')).toHaveText([
          formatCpf(newCpf),
          `${formatCpf(cpfFromBase(person.cpfBase))} (você não alterou; fica o valor salvo)`,
        ]);
        await expect(diffRow(page, 'Consultoria').getByRole('cell')).toHaveText(['Sim', 'Não (você não alterou; fica o valor salvo)']);
        await expect(table.getByRole('row', { name: /^Telefone / })).toHaveCount(0);

        // Fields only B changed now hold B's values; what A typed stays; the name waits for a choice.
        await expect(a.cpf).toHaveValue(formatCpf(newCpf));
        await expect(a.consultancy('Sim')).toBeChecked();
        await expect(a.name).toHaveValue(`${person.name} Ana`);
        await expect(a.phone).toHaveValue('987650099');
        await expect(page.getByText('Outro administrador alterou este campo de Não para Sim; o valor dele foi mantido.')).toBeVisible();
        const nameChoice = choice(page, 'Nome');
        await expect(nameChoice.getByRole('radio')).toHaveCount(2);
        await expect(nameChoice.getByRole('radio', { name: `Manter o valor salvo por outro administrador: ${person.name} Bruno` })).not.toBeChecked();
        await expect(nameChoice.getByRole('radio', { name: `Usar o meu valor: ${person.name} Ana` })).not.toBeChecked();
        if (javaScriptEnabled) await expectAccessible(page);

        // Nothing of A's was written.
        let row = await findRow(other.page, `${person.name} Bruno`);
        await expect(row).toContainText(formatBrazilianPhone(person.areaCode, person.phone));

        // Saving again without choosing: refused at the field, nothing typed lost.
        await save(page);
        await expect(formAlert(page)).toHaveText(CHOOSE_ALL);
        await expect(nameChoice).toContainText(CHOOSE);
        if (javaScriptEnabled) await expect(nameChoice.getByRole('radio').first()).toBeFocused();
        await expect(a.name).toHaveValue(`${person.name} Ana`);
        await expect(a.phone).toHaveValue('987650099');
        await expect(diffRow(page, 'Nome').getByRole('cell')).toHaveText([`${person.name} Bruno`, `${person.name} Ana`]);

        // B saves the name once more before A answers: A's choice meets a newer version and is asked again.
        await other.page.goto(`/contacts/${id}/edit`);
        await b.name.fill(`${person.name} Carla`);
        await save(other.page);
        await expect(status(other.page)).toHaveText(SAVED);
        await nameChoice.getByRole('radio', { name: /^Usar o meu valor/ }).check();
        await save(page);
        await expect(formAlert(page)).toHaveText(STALE);
        await expect(diffRow(page, 'Nome').getByRole('cell')).toHaveText([`${person.name} Carla`, `${person.name} Ana`]);
        await expect(nameChoice.getByRole('radio', { name: /^Usar o meu valor/ })).not.toBeChecked();

        // Keeping B's name: B's changes all stay, A's phone is saved.
        await nameChoice.getByRole('radio', { name: `Manter o valor salvo por outro administrador: ${person.name} Carla` }).check();
        await save(page);
        await expect(status(page)).toHaveText(SAVED);
        row = await findRow(page, `${person.name} Carla`);
        await expect(row).toContainText(formatBrazilianPhone(person.areaCode, '987650099'));
        await expect(row).toContainText(formatCpf(newCpf));
        await page.goto(`/contacts/${id}/edit`);
        await expect(fields(page).consultancy('Sim')).toBeChecked();

        // The history of A's save holds what it changed: the phone, nothing of B's.
        await page.goto(`/contacts/${id}/history`);
        const phoneEntry = page.getByRole('row').filter({ hasText: '987650099' });
        await expect(phoneEntry).toHaveCount(1);
        await expect(phoneEntry).toContainText('Telefone:');
        await expect(phoneEntry).not.toContainText('Nome:');
        await expect(phoneEntry).not.toContainText('Consultoria:');
      } finally {
        await other.context.close();
      }
    });

    test('"Seus dados" over an administrator\'s edit: says which field changed and shows their value again', async ({ page, browser }) => {
      test.setTimeout(60_000); // two sessions, the data put back at the end
      await signIn(page, E2E.demoAdmin);
      await page.goto('/profile');
      const data = page.getByRole('region', { name: 'Seus dados' });
      const name = data.getByRole('textbox', { name: 'Nome', exact: true });
      const areaCode = data.getByRole('textbox', { name: 'DDD', exact: true });
      const phone = data.getByRole('textbox', { name: 'Telefone', exact: true });
      const before = { name: await name.inputValue(), areaCode: await areaCode.inputValue(), phone: await phone.inputValue() };
      const adminPhone = javaScriptEnabled ? '34567070' : '34567071';
      const other = await secondSession(browser, javaScriptEnabled);
      try {
        // The administrator (here, the same person in another browser) changes the phone on "Editar perfil".
        const id = await rowContactId(await findRow(other.page, before.name));
        await other.page.goto(`/contacts/${id}/edit`);
        await fields(other.page).phone.fill(adminPhone);
        await save(other.page);
        await expect(status(other.page)).toHaveText(SAVED);

        // The person, on the older version, changes the name: refused, the phone shows the administrator's.
        await name.fill(`${before.name} Conflito`);
        await leaveField(page);
        await data.getByRole('button', { name: 'Salvar dados' }).click();
        await expect(formAlert(page)).toHaveText(PROFILE_STALE);
        const changed = data.getByRole('region', { name: 'O que o administrador alterou' });
        await expect(changed).toContainText('Telefone');
        await expect(changed).toContainText(formatBrazilianPhone(before.areaCode, adminPhone));
        await expect(changed).toContainText(`${formatBrazilianPhone(before.areaCode, before.phone)} (você não alterou; fica o valor salvo)`);
        await expect(changed).not.toContainText('Nome');
        await expect(phone).toHaveValue(adminPhone);
        await expect(name).toHaveValue(`${before.name} Conflito`);
        if (javaScriptEnabled) await expectAccessible(page);

        // Saving again keeps the administrator's phone and the new name.
        await data.getByRole('button', { name: 'Salvar dados' }).click();
        await expect(status(page)).toHaveText(SAVED);
        await expect(name).toHaveValue(`${before.name} Conflito`);
        await expect(phone).toHaveValue(adminPhone);
      } finally {
        await other.context.close();
        // Back as it was, for the specs that read the demo administrator's name.
        await page.goto('/profile');
        await name.fill(before.name);
        await areaCode.fill(before.areaCode);
        await phone.fill(before.phone);
        await leaveField(page);
        await data.getByRole('button', { name: 'Salvar dados' }).click();
        await expect(status(page)).toHaveText(SAVED);
      }
    });
  });
}

// "Importar usuários" (PRODUCT.md §2.7): upload → preview → import → per-row results, with
// and without JavaScript; the files Excel writes, and the ones it should not.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Download, Page } from '@playwright/test';
import { cpfFromBase, formatCpf } from '@/lib/br/cpf';
import { expect, test } from './support/test';
import { E2E } from './support/env';
import { expectAccessible, signIn } from './support/helpers';

const HEADER = 'pais;nome;documento;ddd;telefone;email;consultoria';
const win1252 = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252');
const cpf = (n: number) => cpfFromBase(String(n).padStart(9, '0'));

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.goto('/contacts/import');
  await page.getByLabel('Arquivo CSV').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Conferir arquivo' }).click();
}

async function textOf(download: Download): Promise<string> {
  return iconv.decode(await readFile((await download.path())!), 'windows-1252');
}

const stat = (page: Page, label: string) =>
  page
    .locator('.stats__item')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
  test.describe(`import ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test('upload → preview of every row → "Importar usuários" → "Sucesso!" per row, error rows as CSV', async ({ page }) => {
      const tag = javaScriptEnabled ? 'Js' : 'Sem';
      const base = javaScriptEnabled ? 700_100_000 : 700_200_000;
      const people = [1, 2, 3].map((i) => ({
        name: `Zuleica Importação ${tag} ${i}`,
        cpf: cpf(base + i),
        email: `zuleica.${tag.toLowerCase()}${i}@import.demo.test`,
      }));
      const file = win1252([
        HEADER,
        ...people.map((p, i) => `Brasil;${p.name};${p.cpf};11;98765432${i};${p.email};${i === 0 ? 'S' : 'N'}`),
        `BR;Zé Errado ${tag};${cpf(base + 9).slice(0, 10)}8;11;987654329;ze.${tag.toLowerCase()}@import.demo.test;N`,
        `BR;Zuleica Repetida ${tag};${cpf(base + 8)};11;987654328;${people[0]!.email.toUpperCase()};N`,
        ';;;;;;',
      ]);
      await signIn(page, E2E.demoAdmin);
      await page.goto('/contacts');
      await page.getByRole('link', { name: 'Importar usuários' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Importar usuários' })).toBeVisible();
      await upload(page, `planilha-${tag}.csv`, file);

      await expect(page).toHaveURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
      await expect(page.getByText(`planilha-${tag}.csv`)).toBeVisible();
      await expect(stat(page, 'Linhas')).toHaveText('5');
      await expect(stat(page, 'Novos')).toHaveText('3');
      await expect(stat(page, 'Com erro')).toHaveText('1');
      await expect(stat(page, 'Duplicados no arquivo')).toHaveText('1');
      await expect(page.getByText('1 linha vazia foi ignorada.')).toBeVisible();
      const row = (line: number) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
      await expect(row(2)).toContainText('Novo');
      // The CPF as the pages show it: masked.
      await expect(row(2)).toContainText(formatCpf(people[0]!.cpf));
      await expect(row(5)).toContainText('Coluna documento: CPF inválido: confira os dígitos.');
      await expect(row(6)).toContainText('Mesmo e-mail da linha 2.');
      if (javaScriptEnabled) await expectAccessible(page);
      // Nothing written yet.
      await page.goto(`/contacts?q=${encodeURIComponent(`Zuleica Importação ${tag}`)}`);
      await expect(page.getByText(/Nenhum usuário encontrado/)).toBeVisible();
      await page.goBack();

      await page.getByRole('button', { name: 'Importar usuários' }).click();
      await expect(page.getByText('Importação concluída. 3 usuários importados. 2 linhas não foram importadas.')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('Sucesso!', { exact: true })).toHaveCount(3);
      await expect(row(6)).toContainText('Duplicado');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Baixar linhas com problema (CSV)' }).click()]);
      expect(download.suggestedFilename()).toBe(`planilha-${tag}-erros.csv`);
      const lines = (await textOf(download)).trim().split('\r\n');
      expect(lines[0]).toBe(`${HEADER};erro`);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(`Zé Errado ${tag}`);
      expect(lines[1]).toMatch(/;Coluna documento: CPF inválido: confira os dígitos\.$/);
      expect(lines[2]).toMatch(/;Mesmo e-mail da linha 2\.$/);

      await page.goto(`/contacts?q=${encodeURIComponent(`Zuleica Importação ${tag}`)}`);
      await expect(page.getByRole('rowheader')).toHaveText(people.map((p) => p.name));
      await page.goto('/history?action=contacts.imported');
      await expect(page.getByRole('row').filter({ hasText: `planilha-${tag}.csv` })).toContainText('Usuários importados');

      // The same file again: everybody is already registered; nothing to import.
      await upload(page, `planilha-${tag}.csv`, file);
      await expect(stat(page, 'Já cadastrados')).toHaveText('3');
      await expect(page.getByRole('button', { name: 'Importar usuários' })).toHaveCount(0);
      await page.getByRole('link', { name: 'Descartar' }).click();
      await expect(page.getByText(`Descartar a pré-visualização de “planilha-${tag}.csv”?`, { exact: false })).toBeVisible();
      await page.getByRole('button', { name: 'Sim' }).click();
      await expect(page.getByText('Pré-visualização descartada.')).toBeVisible();
    });

    test('files that are not a contacts CSV are refused next to the field, with the reason', async ({ page }) => {
      await signIn(page, E2E.demoAdmin);
      const error = page.locator('#import-file-error');
      await upload(page, 'foto.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'image/png');
      await expect(error).toHaveText(/Este arquivo não é um CSV/);
      await expect(page.getByLabel('Arquivo CSV')).toHaveAttribute('aria-invalid', 'true');

      await upload(page, 'sem-cabecalho.csv', win1252(['Brasil;Ana;52998224725;11;987654321;ana@x.com;N']));
      await expect(error).toHaveText(/Faltam colunas obrigatórias na primeira linha: nome, documento, ddd, telefone, email/);

      await upload(page, 'aspas.csv', win1252([HEADER, 'BR;"Ana;52998224725;11;987654321;ana@x.com;N']));
      await expect(error).toHaveText(/Não foi possível ler o arquivo/);

      // 11 MB: refused before reading it (with JavaScript, before even sending it).
      await upload(page, 'enorme.csv', Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.alloc(11 * 1024 * 1024, 'a')]));
      await expect(error).toHaveText('O arquivo tem mais de 10 MB. Divida a planilha em arquivos menores e importe um de cada vez.');

      await page.getByLabel('Arquivo CSV').setInputFiles([]);
      await page.getByRole('button', { name: 'Conferir arquivo' }).click();
      await expect(error).toHaveText('Selecione o arquivo CSV a importar.');
    });
  });
}

// In the other company, whose list no other spec pages through.
test('without JavaScript, a 1,000-row import shows its progress and the page refreshes itself to the end', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', javaScriptEnabled: false });
  const page = await context.newPage();
  const rows = Array.from(
    { length: 1000 },
    (_, i) => `BR;Zoraide Lote ${String(i).padStart(4, '0')};${cpf(710_000_000 + i)};11;9${String(10_000_000 + i)};zoraide.lote${i}@import.outra.test;N`,
  );
  await signIn(page, E2E.otherAdmin);
  await upload(page, 'lote.csv', win1252([HEADER, ...rows]));
  await expect(stat(page, 'Novos')).toHaveText('1.000');
  await page.getByRole('button', { name: 'Importar usuários' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/^\d{1,3}(\.\d{3})? de 1\.000 linhas/)).toBeVisible();
  await expect(page.getByText(/Importação concluída\. 1\.000 usuários importados\./)).toBeVisible({ timeout: 60_000 });
  await context.close();
});

test('a file just under 10 MB arrives whole (the proxy does not cut it) and is read to the end', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const emptyRows = Buffer.alloc(10_400_000 - HEADER.length - 2, ';;;;;;\r\n');
  await upload(page, 'quase-10mb.csv', Buffer.concat([Buffer.from(`${HEADER}\r\n`), emptyRows]));
  await expect(page.locator('#import-file-error')).toHaveText('O arquivo não tem nenhuma linha de usuário para importar.', { timeout: 30_000 });
});

test('"Baixar modelo" gives the header of the layout, as Excel writes it', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  await page.goto('/contacts/import');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Baixar modelo' }).click()]);
  expect(download.suggestedFilename()).toBe('modelo-importacao-usuarios.csv');
  expect(await textOf(download)).toBe(`${HEADER}\r\n`);
});

test('only the administrator may import, and only from this site', async ({ page }) => {
  await signIn(page, E2E.demoAdmin);
  const file = {
    name: 'x.csv',
    mimeType: 'text/csv',
    buffer: win1252([HEADER, `BR;Zeca Forasteiro;${cpf(720_000_001)};11;987654321;zeca@import.demo.test;N`]),
  };
  const crossSite = await page.request.post('/contacts/import/upload', { multipart: { file }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  await page.goto('/contacts/import');
  await expect(page.getByRole('link', { name: 'x.csv' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sair' }).click();
  await signIn(page, E2E.demoContact);
  await page.goto('/contacts/import');
  await expect(page.getByRole('heading', { name: 'Acesso restrito' })).toBeVisible();
  const asContact = await page.request.post('/contacts/import/upload', { multipart: { file }, headers: { origin: E2E.baseUrl }, maxRedirects: 0 });
  expect(asContact.status()).toBe(403);
  for (const path of ['/contacts/import/template']) expect((await page.request.get(path, { maxRedirects: 0 })).status()).toBe(403);
  // After signing in again, the sign-in page sends the person back to the upload address by GET.
  const back = await page.request.get('/contacts/import/upload', { maxRedirects: 0 });
  expect([back.status(), back.headers().location]).toEqual([303, '/contacts/import']);
});

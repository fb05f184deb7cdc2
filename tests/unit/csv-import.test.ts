import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeCpf, MalformedCsvError, MAX_RECORD_SIZE, normaliseHeader, parseContactsCsv, streamContactsCsv } from '@/lib/contacts/csv/rows';
import { problemText } from '@/lib/contacts/import/messages';
import { decodeCsv, detectDelimiter } from '@/lib/contacts/csv/decode';

const fixtures = path.resolve(__dirname, '../fixtures');
const read = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

type Expected = { line: number; status: string; field?: string; name?: string; document?: string; country?: string; consulting?: boolean; warning?: string };

describe('contacts-mixed-win1252.csv', () => {
  it('produces exactly the expected preview', () => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'contacts-mixed-win1252.expected.json'), 'utf8')) as {
      rows: Expected[];
      summary: Record<string, number>;
    };
    const parsed = parseContactsCsv(read('contacts-mixed-win1252.csv'));
    if (!parsed.ok) throw new Error(`not parsed: ${parsed.error}`);
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.rows.map((r) => ({ line: r.line, status: r.status }))).toEqual(
      expected.rows.map((r) => ({ line: r.line, status: r.status === 'ok' ? 'ok' : r.status })),
    );
    for (const want of expected.rows) {
      const got = parsed.rows.find((r) => r.line === want.line)!;
      if (want.status === 'error') expect(got.status === 'error' && got.field, `line ${want.line}`).toBe(want.field);
      if (want.status === 'ok' && got.status === 'ok') {
        if (want.name) expect(got.input.name).toBe(want.name);
        if (want.document)
          expect(got.input.document.replace(/\D/g, '') === want.document.replace(/\D/g, '') || got.input.document === want.document).toBe(true);
        if (want.country) expect(got.input.country).toBe(want.country);
        if (want.consulting !== undefined) expect(got.input.consultancy === 'yes').toBe(want.consulting);
        expect(Boolean(got.warning)).toBe(Boolean(want.warning));
      }
    }
    const line8 = parsed.rows.find((r) => r.line === 8);
    expect(line8).toMatchObject({ status: 'error', field: 'email', reason: 'duplicateInFile', otherLine: 2 });
    const count = (s: string) => parsed.rows.filter((r) => r.status === s).length;
    expect({ ok: count('ok'), error: count('error'), skipped: count('skipped') }).toEqual(expected.summary);
  });
});

describe('the other fixtures', () => {
  it.each(['contacts-utf8-bom.csv', 'contacts-win1252.csv', 'contacts-stripped-zeros.csv'])('%s: every row is valid', (name) => {
    const parsed = parseContactsCsv(read(name));
    if (!parsed.ok) throw new Error(`not parsed: ${parsed.error}`);
    const problems = parsed.rows.filter((r) => r.status !== 'ok');
    expect(problems).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThan(5);
    expect(parsed.rows.some((r) => r.status === 'ok' && /[áéíóúãõçÍÉ]/.test(r.input.name))).toBe(true);
  });

  it('completes stripped CPFs with a warning', () => {
    const parsed = parseContactsCsv(read('contacts-stripped-zeros.csv'));
    if (!parsed.ok) throw new Error('not parsed');
    const completed = parsed.rows.filter((r) => r.status === 'ok' && r.warning === 'cpfCompleted');
    expect(completed.length).toBeGreaterThan(0);
    for (const r of completed) if (r.status === 'ok') expect(r.input.document).toMatch(/^0\d{10}$/);
  });
});

describe('reading files', () => {
  it('detects encodings and separators', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).encoding).toBe('utf-8-bom');
    expect(decodeCsv(new TextEncoder().encode('Conceição')).encoding).toBe('utf-8');
    const win = decodeCsv(new Uint8Array([0x43, 0x6f, 0x6e, 0x63, 0x65, 0x69, 0xe7, 0xe3, 0x6f, 0x20, 0x80]));
    expect(win).toEqual({ text: 'Conceição €', encoding: 'windows-1252' });
    expect(detectDelimiter('nome,email\r\n')).toBe(',');
    expect(detectDelimiter('"a,b";c\n')).toBe(';');
  });

  it('matches headers without case, accents or spaces, with aliases', () => {
    expect(['País', ' NOME ', 'CPF', 'E-mail', 'Consultoria', 'DDD', 'Telefone'].map(normaliseHeader)).toEqual([
      'pais',
      'nome',
      'documento',
      'email',
      'consultoria',
      'ddd',
      'telefone',
    ]);
  });

  it('accepts a comma-separated file, quoted fields with separators and line breaks, ragged rows', () => {
    const csv =
      'nome,documento,ddd,telefone,email\r\n"Souza, Ana","529.982.247-25",11,987654321,ana@x.example\r\n"Linha\nquebrada",11144477735,21,33334444,lq@x.example,extra\r\n';
    const parsed = parseContactsCsv(new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error('not parsed');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(parsed.rows[1]!.line).toBe(3);
  });

  it('refuses what is not a contacts CSV with a reason', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(parseContactsCsv(png)).toEqual({ ok: false, error: 'notCsv' });
    expect(parseContactsCsv(new Uint8Array())).toEqual({ ok: false, error: 'empty' });
    expect(parseContactsCsv(new TextEncoder().encode('nome;email\nAna;a@x.example\n'))).toEqual({
      ok: false,
      error: 'missingColumns',
      missing: ['documento', 'ddd', 'telefone'],
    });
    const huge = `nome;documento;ddd;telefone;email\n"${'x'.repeat(10_000)}";1;1;1;a@x\n`;
    expect(parseContactsCsv(new TextEncoder().encode(huge))).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('completes a CPF only when the check digits then hold', () => {
    expect(completeCpf('1234567890')).toEqual({ document: '01234567890', completed: true });
    expect(completeCpf('1234567891')).toEqual({ document: '1234567891', completed: false });
    expect(completeCpf('123.456.789')).toEqual({ document: '123.456.789', completed: false });
  });
});

describe('streaming the file (the import path)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  async function all(bytes: Uint8Array) {
    const read = await streamContactsCsv(bytes);
    if (!read.ok) return read;
    const rows = [];
    for await (const row of read.rows) rows.push(row);
    return { ...read, rows };
  }

  it('gives the same rows as reading the whole file, for every fixture', async () => {
    for (const name of ['contacts-mixed-win1252.csv', 'contacts-utf8-bom.csv', 'contacts-win1252.csv', 'contacts-stripped-zeros.csv']) {
      const whole = parseContactsCsv(read(name));
      const streamed = await all(read(name));
      if (!whole.ok || !streamed.ok) throw new Error(name);
      expect(streamed.rows, name).toEqual(whole.rows);
      expect(streamed.encoding).toBe(whole.encoding);
    }
  });

  it('numbers lines as Excel rows: a quoted line break stays in its row', async () => {
    const text =
      'pais;nome;documento;ddd;telefone;email;consultoria\r\nBR;"Ana\r\nMaria";52998224725;11;987654321;ana@x.com;N\r\nBR;Bia;39053344705;11;987654321;"bia@x.com";N\r\n';
    const got = await all(enc(text));
    if (!got.ok) throw new Error('not read');
    expect(got.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
    ]);
  });

  it('ragged rows: missing trailing fields are errors of their column, extra fields are ignored', async () => {
    const text = 'pais;nome;documento;ddd;telefone;email;consultoria\nBR;Ana;52998224725;11\nBR;Bia;39053344705;11;987654321;bia@x.com;N;extra;mais\n';
    const got = await all(enc(text));
    if (!got.ok) throw new Error('not read');
    expect(got.rows[0]).toMatchObject({ line: 2, status: 'error', field: 'telefone' });
    expect(got.rows[1]).toMatchObject({ line: 3, status: 'ok' });
  });

  it('a tab-separated file or a file without a header says which columns are missing', async () => {
    expect(await all(enc('pais\tnome\tdocumento\tddd\ttelefone\temail\nBR\tAna\t52998224725\t11\t987654321\ta@x.com\n'))).toEqual({
      ok: false,
      error: 'missingColumns',
      missing: ['nome', 'documento', 'ddd', 'telefone', 'email'],
    });
    expect(await all(enc('BR;Ana;52998224725;11;987654321;a@x.com;N\n'))).toMatchObject({ ok: false, error: 'missingColumns' });
  });

  it('an unclosed quote or an over-long record fails with the line, when the rows are read', async () => {
    const read1 = await streamContactsCsv(
      enc(
        `pais;nome;documento;ddd;telefone;email;consultoria\nBR;Ana;52998224725;11;987654321;a@x.com;N\nBR;"${'x'.repeat(MAX_RECORD_SIZE + 10)}";1;1;1;b@x.com;N\n`,
      ),
    );
    if (!read1.ok) throw new Error('header should be fine');
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const row of read1.rows) seen.push(row.line);
      })(),
    ).rejects.toBeInstanceOf(MalformedCsvError);
    expect(seen).toEqual([2]);
  });

  it('a record that cannot be read is reported at its Excel row, even after a quoted line break', async () => {
    const text =
      'pais;nome;documento;ddd;telefone;email;consultoria\r\nBR;"Ana\r\nMaria\r\nSilva";52998224725;11;987654321;ana@x.com;N\r\nBR;"Bia;39053344705;11;987654321;bia@x.com;N\r\n';
    const whole = parseContactsCsv(enc(text));
    expect(whole).toMatchObject({ ok: false, error: 'malformed', line: 3 });
    // A small file fails while its first chunk is parsed, before the header is handed over; a
    // large one fails while its rows are read. Either way the line is the Excel row.
    const streamed = await streamContactsCsv(enc(text));
    const line = streamed.ok
      ? await (async () => {
          try {
            for await (const row of streamed.rows) void row;
          } catch (err) {
            return (err as MalformedCsvError).line;
          }
        })()
      : streamed.line;
    expect(line).toBe(3);
  });

  it('refuses a PNG, and an empty or blank file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await all(png)).toEqual({ ok: false, error: 'notCsv' });
    expect(await all(new Uint8Array())).toEqual({ ok: false, error: 'empty' });
    expect(await all(enc('\r\n\r\n'))).toMatchObject({ ok: false });
  });
});

describe('problem messages', () => {
  const catalog = JSON.parse(readFileSync(path.resolve(__dirname, '../../lib/i18n/messages/pt-BR.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const translator = (ns: string) => {
    const get = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog[ns]);
    const t = (key: string, values: Record<string, string | number> = {}) => String(get(key)).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
    return Object.assign(t, { has: (key: string) => typeof get(key) === 'string' });
  };
  const ti = translator('contactImport');
  const tv = translator('validation');

  it('names the column and the reason, or the other line of a duplicate', () => {
    expect(problemText({ field: 'documento', message: 'cpfInvalid', otherLine: null }, ti, tv)).toBe('Coluna documento: CPF inválido: confira os dígitos.');
    expect(problemText({ field: 'email', message: 'duplicateInFile', otherLine: 2 }, ti, tv)).toBe('Mesmo e-mail da linha 2.');
    expect(problemText({ field: 'documento', message: 'duplicateInFile', otherLine: 7 }, ti, tv)).toBe('Mesmo documento da linha 7.');
    expect(problemText({ field: 'pais', message: 'countryInvalid', otherLine: null }, ti, tv)).toMatch(/^Coluna pais: País não reconhecido/);
    expect(problemText({ field: 'consultoria', message: 'consultancyInvalid', otherLine: null }, ti, tv)).toBe('Coluna consultoria: Use S ou N (Sim ou Não).');
  });

  it('every reason the import can give has words in both catalogs', () => {
    const reasons = [
      'countryInvalid',
      'consultancyInvalid',
      'cpfRequired',
      'cpfFormat',
      'cpfInvalid',
      'documentRequired',
      'documentTooLong',
      'nameRequired',
      'nameTooLong',
      'emailRequired',
      'emailInvalid',
      'emailTaken',
      'documentTaken',
      'areaCodeInvalid',
      'phoneInvalid',
      'phone_required',
      'phone_invalid',
      'phone_mobileMustStartWith9',
      'phone_landlineMustStartWith2to5',
      'phone_wrongLength',
      'phone_areaCodeRequired',
      'phone_areaCodeInvalid',
    ];
    for (const r of reasons) expect(ti.has(`reasons.${r}`) || tv.has(r), r).toBe(true);
  });
});

import { parse } from 'csv-parse/sync';
import { isValidCpf, onlyDigits } from '@/lib/br/cpf';
import { countryFromInput } from '@/lib/br/countries';
import { CreateContactSchema, type CreateContactInput } from '../schema';
import { decodeCsv, detectDelimiter, looksBinary, type CsvEncoding } from './decode';

/** The import layout (PRODUCT.md §2.7); header names match without case, accents or spaces. */
export const CSV_COLUMNS = ['pais', 'nome', 'documento', 'ddd', 'telefone', 'email', 'consultoria'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const ALIASES: Record<string, CsvColumn> = { cpf: 'documento', 'e-mail': 'email', país: 'pais' };
const REQUIRED: CsvColumn[] = ['nome', 'documento', 'ddd', 'telefone', 'email'];

const FIELD_TO_COLUMN: Record<string, CsvColumn> = {
  country: 'pais',
  name: 'nome',
  document: 'documento',
  areaCode: 'ddd',
  phone: 'telefone',
  email: 'email',
  emailConfirmation: 'email',
  consultancy: 'consultoria',
};

export function normaliseHeader(value: string): string {
  const folded = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, '');
  return ALIASES[folded] ?? folded;
}

export type PreviewRow =
  | { line: number; status: 'ok'; input: CreateContactInput; values: Record<CsvColumn, string>; warning?: 'cpfCompleted' }
  | { line: number; status: 'error'; field: CsvColumn; reason: string; values: Record<CsvColumn, string>; otherLine?: number }
  | { line: number; status: 'skipped'; values: Record<CsvColumn, string> };

export type ParsedCsv =
  | { ok: true; encoding: CsvEncoding; delimiter: ';' | ','; rows: PreviewRow[] }
  | { ok: false; error: 'notCsv' | 'empty' | 'missingColumns' | 'malformed'; missing?: CsvColumn[]; line?: number };

function consultancy(value: string): 'yes' | 'no' | null {
  const v = value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (v === '' || v === 'n' || v === 'nao' || v === 'false' || v === '0') return 'no';
  if (v === 's' || v === 'sim' || v === 'true' || v === '1' || v === 'y' || v === 'yes') return 'yes';
  return null;
}

/** Excel drops the leading zeros of a CPF; put them back only if the check digits then hold. */
export function completeCpf(document: string): { document: string; completed: boolean } {
  const digits = onlyDigits(document);
  if (/^\d{9,10}$/.test(document.trim()) && isValidCpf(digits.padStart(11, '0'))) {
    return { document: digits.padStart(11, '0'), completed: true };
  }
  return { document, completed: false };
}

/** One row of the file checked like the "Adicionar usuário" form. */
export function checkRow(line: number, values: Record<CsvColumn, string>): PreviewRow {
  if (CSV_COLUMNS.every((c) => values[c].trim() === '')) return { line, status: 'skipped', values };
  const country = values.pais.trim() === '' ? 'BR' : countryFromInput(values.pais);
  if (!country) return { line, status: 'error', field: 'pais', reason: 'countryInvalid', values };
  const consult = consultancy(values.consultoria);
  if (!consult) return { line, status: 'error', field: 'consultoria', reason: 'consultancyInvalid', values };
  const cpf = country === 'BR' ? completeCpf(values.documento.trim()) : { document: values.documento.trim(), completed: false };
  const parsed = CreateContactSchema.safeParse({
    country,
    name: values.nome,
    document: cpf.document,
    areaCode: values.ddd,
    phone: values.telefone,
    email: values.email,
    emailConfirmation: values.email,
    consultancy: consult,
  });
  if (!parsed.success) {
    // Report the first problem in the layout's column order.
    const issues = parsed.error.issues
      .map((i) => ({ column: FIELD_TO_COLUMN[String(i.path[0])] ?? 'nome', reason: i.message }))
      .sort((a, b) => CSV_COLUMNS.indexOf(a.column) - CSV_COLUMNS.indexOf(b.column));
    return { line, status: 'error', field: issues[0]!.column, reason: issues[0]!.reason, values };
  }
  return { line, status: 'ok', input: parsed.data, values, ...(cpf.completed ? { warning: 'cpfCompleted' as const } : {}) };
}

export const MAX_RECORD_SIZE = 4096;

/** Undo the export's protection against formulas ("'=x" back to "=x"). */
function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Reads the whole file into preview rows: nothing is written. */
export function parseContactsCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (looksBinary(bytes)) return { ok: false, error: 'notCsv' };
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_SIZE, bom: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { ok: false, error: 'malformed', line };
  }
  if (records.length === 0) return { ok: false, error: 'empty' };
  const header = records[0]!.map(normaliseHeader);
  const index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<CsvColumn, number>;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length) return { ok: false, error: 'missingColumns', missing };

  const rows: PreviewRow[] = [];
  const seenEmail = new Map<string, number>();
  const seenDocument = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const values = Object.fromEntries(
      CSV_COLUMNS.map((c) => [c, unneutralise(index[c] >= 0 ? (record[index[c]] ?? '').trim() : '')]),
    ) as Record<CsvColumn, string>;
    const row = checkRow(line, values);
    if (row.status !== 'ok') {
      rows.push(row);
      return;
    }
    // The same person twice in one file: the later line names the earlier one.
    const email = row.input.email.toLowerCase();
    const document = row.input.country === 'BR' ? onlyDigits(row.input.document) : row.input.document;
    const otherByEmail = seenEmail.get(email);
    const otherByDocument = seenDocument.get(document);
    if (otherByEmail) rows.push({ line, status: 'error', field: 'email', reason: 'duplicateInFile', otherLine: otherByEmail, values });
    else if (otherByDocument) rows.push({ line, status: 'error', field: 'documento', reason: 'duplicateInFile', otherLine: otherByDocument, values });
    else {
      seenEmail.set(email, line);
      seenDocument.set(document, line);
      rows.push(row);
    }
  });
  return { ok: true, encoding, delimiter, rows };
}

import { parse as streamParse } from 'csv-parse';
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

export type ColumnIndex = Record<CsvColumn, number>;

/** Where each column of the layout is in the file, or which required ones are missing. */
export function columnIndex(header: string[]): { ok: true; index: ColumnIndex } | { ok: false; missing: CsvColumn[] } {
  const names = header.map(normaliseHeader);
  const index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as ColumnIndex;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

export function recordValues(record: string[], index: ColumnIndex): Record<CsvColumn, string> {
  return Object.fromEntries(CSV_COLUMNS.map((c) => [c, unneutralise(index[c] >= 0 ? (record[index[c]] ?? '').trim() : '')])) as Record<CsvColumn, string>;
}

/** The key a contact is unique by, as the database compares it. */
export function documentKey(input: CreateContactInput): string {
  return input.country === 'BR' ? onlyDigits(input.document) : input.document.trim();
}

/** The same person twice in one file: the later line names the earlier one. */
export function fileDuplicates(): (row: PreviewRow) => PreviewRow {
  const seenEmail = new Map<string, number>();
  const seenDocument = new Map<string, number>();
  return (row) => {
    if (row.status !== 'ok') return row;
    const email = row.input.email.toLowerCase();
    const document = documentKey(row.input);
    const otherByEmail = seenEmail.get(email);
    if (otherByEmail) return { line: row.line, status: 'error', field: 'email', reason: 'duplicateInFile', otherLine: otherByEmail, values: row.values };
    const otherByDocument = seenDocument.get(document);
    if (otherByDocument)
      return { line: row.line, status: 'error', field: 'documento', reason: 'duplicateInFile', otherLine: otherByDocument, values: row.values };
    seenEmail.set(email, row.line);
    seenDocument.set(document, row.line);
    return row;
  };
}

type Opening = { ok: true; encoding: CsvEncoding; delimiter: ';' | ','; text: string } | { ok: false; error: 'notCsv' | 'empty' };

function open(bytes: Uint8Array): Opening {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (looksBinary(bytes)) return { ok: false, error: 'notCsv' };
  const { text, encoding } = decodeCsv(bytes);
  if (text.trim() === '') return { ok: false, error: 'empty' };
  return { ok: true, encoding, delimiter: detectDelimiter(text), text };
}

const parseOptions = (delimiter: string) => ({ delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_SIZE, bom: true });

/** A file csv-parse could not read: an unclosed quote, a record over the size limit. */
export class MalformedCsvError extends Error {
  constructor(readonly line: number | undefined) {
    super(`malformed CSV near line ${line ?? '?'}`);
  }
}

/** The Excel row of the record that could not be read: csv-parse counts the records before it. */
function malformed(err: unknown): MalformedCsvError {
  const { records, lines } = err as { records?: number; lines?: number };
  return new MalformedCsvError(typeof records === 'number' ? records + 1 : lines);
}

/** Reads the whole file into preview rows at once: nothing is written. For small files and tests. */
export function parseContactsCsv(bytes: Uint8Array): ParsedCsv {
  const opened = open(bytes);
  if (!opened.ok) return opened;
  let records: string[][];
  try {
    records = parse(opened.text, parseOptions(opened.delimiter)) as string[][];
  } catch (err) {
    return { ok: false, error: 'malformed', line: malformed(err).line };
  }
  if (records.length === 0) return { ok: false, error: 'empty' };
  const columns = columnIndex(records[0]!);
  if (!columns.ok) return { ok: false, error: 'missingColumns', missing: columns.missing };
  const dedupe = fileDuplicates();
  // Line numbers are Excel's row numbers: the header is line 1, and a quoted field with a
  // line break stays within its row.
  const rows = records.slice(1).map((record, i) => dedupe(checkRow(i + 2, recordValues(record, columns.index))));
  return { ok: true, encoding: opened.encoding, delimiter: opened.delimiter, rows };
}

export type StreamedCsv =
  | { ok: true; encoding: CsvEncoding; delimiter: ';' | ','; rows: AsyncGenerator<PreviewRow> }
  | { ok: false; error: 'notCsv' | 'empty' | 'missingColumns' | 'malformed'; missing?: CsvColumn[]; line?: number };

/**
 * Reads the file record by record, so memory stays flat however many rows it has. The
 * header is checked before this returns; a fault further on makes the generator throw a
 * MalformedCsvError.
 */
export async function streamContactsCsv(bytes: Uint8Array): Promise<StreamedCsv> {
  const opened = open(bytes);
  if (!opened.ok) return opened;
  const { text } = opened;
  const parser = streamParse(parseOptions(opened.delimiter));
  const CHUNK = 64 * 1024;
  const feed = async () => {
    for (let at = 0; at < text.length; at += CHUNK) {
      if (parser.destroyed) return;
      if (!parser.write(text.slice(at, at + CHUNK))) await new Promise<void>((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  };
  void feed().catch(() => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await records.next();
  } catch (err) {
    return { ok: false, error: 'malformed', line: malformed(err).line };
  }
  if (first.done) return { ok: false, error: 'empty' };
  const columns = columnIndex(first.value);
  if (!columns.ok) {
    parser.destroy();
    return { ok: false, error: 'missingColumns', missing: columns.missing };
  }
  const index = columns.index;
  async function* rows(): AsyncGenerator<PreviewRow> {
    const dedupe = fileDuplicates();
    let line = 1;
    try {
      while (true) {
        let next: IteratorResult<string[]>;
        try {
          next = await records.next();
        } catch (err) {
          throw malformed(err);
        }
        if (next.done) return;
        line++;
        yield dedupe(checkRow(line, recordValues(next.value, index)));
      }
    } finally {
      if (!parser.destroyed) parser.destroy();
    }
  }
  return { ok: true, encoding: opened.encoding, delimiter: opened.delimiter, rows: rows() };
}

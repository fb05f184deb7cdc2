import iconv from 'iconv-lite';
import { countries } from '@/lib/br/countries';

export type ExportRow = {
  country: string;
  name: string;
  document: string | null;
  areaCode: string | null;
  phone: string | null;
  email: string;
  consultancy: boolean;
};

export const EXPORT_HEADER = ['pais', 'nome', 'documento', 'ddd', 'telefone', 'email', 'consultoria'];

/**
 * A value a spreadsheet would run as a formula (= + - @, tab, CR at the start) is prefixed
 * with an apostrophe (OWASP's advice for CSV injection); the import strips it again.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutralise(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

let ptNames: Map<string, string> | undefined;
function countryName(code: string): string {
  ptNames ??= new Map(countries('pt-BR').map((c) => [c.code, c.name]));
  return code === 'BR' ? 'Brasil' : (ptNames.get(code) ?? code);
}

/** One line of the import layout, so an export can be imported again unchanged. */
export function exportLine(row: ExportRow): string {
  return [countryName(row.country), row.name, row.document ?? '', row.areaCode ?? '', row.phone ?? '', row.email, row.consultancy ? 'S' : 'N']
    .map(csvField)
    .join(';');
}

export type ExportEncoding = 'utf-8' | 'windows-1252';

/** Excel opens UTF-8 correctly only with a BOM; Windows-1252 is the pt-BR default it writes. */
export function encodeChunk(text: string, encoding: ExportEncoding, first: boolean): Uint8Array {
  if (encoding === 'windows-1252') return iconv.encode(text, 'windows-1252');
  const body = new TextEncoder().encode(text);
  if (!first) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

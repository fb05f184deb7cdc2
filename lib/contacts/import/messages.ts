import type { RowView } from './queries';

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/**
 * What is wrong with a row, in words, for the preview and the error CSV: the column and
 * the reason, or the other line of a duplicate. Import-specific wording first
 * (contactImport.reasons), else the form's own message (validation).
 */
export function problemText(row: Pick<RowView, 'field' | 'message' | 'otherLine'>, ti: Translate, tv: Translate): string {
  if (!row.message) return '';
  if (row.message === 'duplicateInFile') {
    return ti(row.field === 'email' ? 'reasons.duplicateEmail' : 'reasons.duplicateDocument', { line: row.otherLine ?? 0 });
  }
  const reason = ti.has(`reasons.${row.message}`) ? ti(`reasons.${row.message}`) : tv.has(row.message) ? tv(row.message) : row.message;
  return row.field ? ti('reasons.inColumn', { column: row.field, reason }) : reason;
}

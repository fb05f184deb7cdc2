import { z } from '@/lib/forms/zod';
import { oneOf, pageNumber, plainText } from '@/lib/forms/query';

/** Which rows of a preview are shown. */
export const ROW_FILTERS = ['all', 'ok', 'problems'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

/** Why the upload route sent the administrator back to the import page (only these are shown). */
export const UPLOAD_ERRORS = ['noFile', 'tooLarge', 'notCsv', 'empty', 'missingColumns', 'malformed'] as const;

/** "Importar usuários" after a refused upload: the reason, the missing columns, the line. */
export const ImportPageQuery = z.object({
  error: oneOf(['', ...UPLOAD_ERRORS], ''),
  missing: plainText(200),
  line: plainText(12).transform((s) => (/^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : null)),
});

/** A preview's page: the rows' filter, the page, and "Descartar" asking first. */
export const ImportJobQuery = z.object({
  filter: oneOf(ROW_FILTERS, 'all'),
  page: pageNumber,
  confirm: oneOf(['', 'discard'], ''),
});

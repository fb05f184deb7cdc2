import { z } from '@/lib/forms/zod';
import { oneOf, pageNumber, plainText, searchTerm } from '@/lib/forms/query';
import { AUDIT_ACTIONS } from './record';

/** "Histórico": contact or actor, action, period (dates as typed; checked by the page) and page. */
export const HistoryQuery = z.object({
  q: searchTerm,
  action: oneOf(['', ...AUDIT_ACTIONS], ''),
  from: plainText(20),
  to: plainText(20),
  page: pageNumber,
});

/** A paged list with nothing else in its address (a contact's history, "E-mails enviados"). */
export const PageQuery = z.object({ page: pageNumber });

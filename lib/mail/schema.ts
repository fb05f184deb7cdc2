import { z } from 'zod';
import { oneOf, pageNumber, searchTerm } from '@/lib/forms/query';

/** The kinds of message a company's outbox holds (password resets and sign-up links have no company). */
export const COMPANY_MAIL_KINDS = ['invite', 'access_granted', 'access_rejected', 'group_forward', 'requests_waiting'] as const;
export const MAIL_STATUSES = ['pending', 'sent', 'logged', 'failed', 'cancelled'] as const;

/** "E-mails enviados": a recipient's address (or part of it), a kind, a status, a page; all in the URL. */
export const OutboxQuery = z.object({
  q: searchTerm,
  kind: oneOf(['', ...COMPANY_MAIL_KINDS], ''),
  status: oneOf(['', ...MAIL_STATUSES], ''),
  page: pageNumber,
});
export type OutboxFilter = { q?: string; kind?: (typeof COMPANY_MAIL_KINDS)[number] | ''; status?: (typeof MAIL_STATUSES)[number] | '' };

export const ResendMailSchema = z.object({ id: z.uuid() });

import { z } from '@/lib/forms/zod';
import { oneOf, pageNumber } from '@/lib/forms/query';

export const TICKET_CATEGORIES = ['support', 'bpo'] as const;
export const TICKET_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const NewTicketSchema = z.object({
  subject: z.string().trim().min(1, 'subjectRequired').max(200, 'subjectTooLong'),
  description: z.string().trim().min(1, 'descriptionRequired').max(5000, 'descriptionTooLong'),
  category: z.enum(TICKET_CATEGORIES, 'categoryRequired'),
});
export type NewTicketInput = z.output<typeof NewTicketSchema>;

export const TicketStatusSchema = z.object({ id: z.uuid(), status: z.enum(TICKET_STATUSES) });

export const ForwardTicketSchema = z.object({ ticketId: z.uuid(), groupId: z.uuid() });

/** The tickets list: which statuses ("active": not closed), and the page. */
export const TicketListQuery = z.object({
  status: oneOf(['active', 'all', ...TICKET_STATUSES], 'active'),
  page: pageNumber,
});

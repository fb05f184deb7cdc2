'use server';

import { contactAction } from '@/lib/forms/action';
import { createTicket, setTicketStatus } from './mutations';
import { NewTicketSchema, TicketStatusSchema } from './schema';

export const createTicketAction = contactAction({
  schema: NewTicketSchema,
  form: { fields: ['subject', 'description', 'category'] },
  run: (ctx, input) => createTicket(ctx, input),
  refused: () => ({ message: 'tickets.cannotOpen' }),
  done: (r) => ({ to: `/tickets/${r.id}`, flash: 'ticket-created', revalidate: '/tickets' }),
});

// Who may change a ticket's status is the mutation's rule (the administrator).
export const setTicketStatusAction = contactAction({
  schema: TicketStatusSchema,
  form: { fields: ['id', 'status'] },
  invalid: { message: 'validation.notFound' },
  run: (ctx, input) => setTicketStatus(ctx, input.id, input.status),
  refused: () => ({ message: 'validation.notFound' }),
  done: (_r, input) => ({ to: `/tickets/${input.id}`, flash: 'saved', revalidate: '/tickets', replace: true }),
});

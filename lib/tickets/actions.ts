'use server';

import { adminAction, contactAction } from '@/lib/forms/action';
import { forwardTicket } from './forward';
import { createTicket, setTicketStatus } from './mutations';
import { ForwardTicketSchema, NewTicketSchema, TicketStatusSchema } from './schema';

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

/** "Encaminhar para grupo": the group's mailbox, linked e-mails and members are told at once. */
export const forwardTicketAction = adminAction({
  schema: ForwardTicketSchema,
  form: { fields: ['ticketId', 'groupId'] },
  invalid: () => ({ fieldErrors: { groupId: 'groups.forwardChoose' } }),
  run: (ctx, input) => forwardTicket(ctx, input.ticketId, input.groupId),
  refused: (r) => ({ fieldErrors: { groupId: r.error === 'groupInDisuse' ? 'groups.forwardInDisuse' : 'groups.forwardChoose' } }),
  done: (_r, input) => ({ to: `/tickets/${input.ticketId}`, flash: 'forwarded', revalidate: `/tickets/${input.ticketId}`, replace: true, mail: true }),
});

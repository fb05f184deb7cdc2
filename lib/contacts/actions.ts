'use server';

import { adminAction } from '@/lib/forms/action';
import { createContact, removeContact, setPermissions, updateContact } from './mutations';
import { endContactSessions } from './sessions';
import { transferAdministration, transferTickets } from './transfers';
import { CONTACT_FORM_FIELDS, ContactIdSchema, CreateContactSchema, PermissionsSchema, TransferTicketsSchema, UpdateContactSchema } from './schema';

// Every action is an adminAction (lib/forms/action.ts): the company and the actor come from
// the session; ids from the form go through the schema and are looked up inside that company.

const SAVED = { to: '/contacts', flash: 'saved', revalidate: '/contacts' } as const;

export const createContactAction = adminAction({
  schema: CreateContactSchema,
  form: { fields: CONTACT_FORM_FIELDS },
  refresh: true,
  run: (ctx, input) => createContact(ctx, input),
  done: () => ({ ...SAVED, mail: true }),
});

export const updateContactAction = adminAction({
  schema: UpdateContactSchema,
  form: { fields: [...CONTACT_FORM_FIELDS, 'id', 'version'] },
  refresh: true,
  run: (ctx, input) => updateContact(ctx, input),
  // A stale save keeps the typed values; saving again, now knowingly, replaces the other version.
  refused: (r) => (r.error === 'stale' ? { message: 'contactForm.stale', values: { version: String(r.currentVersion) } } : { message: 'contactForm.notFound' }),
  done: () => ({ ...SAVED, mail: true }),
});

export const savePermissionsAction = adminAction({
  schema: PermissionsSchema,
  form: { fields: ['id'], arrays: ['permissions'] },
  invalid: { message: 'contactForm.notFound' },
  run: (ctx, input) => setPermissions(ctx, input.id, input.permissions),
  refused: () => ({ message: 'contactForm.notFound' }),
  done: () => SAVED,
});

export const transferAdminAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: { message: 'transferAdmin.notFound' },
  run: (ctx, input) => transferAdministration(ctx, input.id),
  refused: (r) => ({ message: `transferAdmin.${r.error === 'sameContact' || r.error === 'notAdminAnymore' ? r.error : 'notFound'}` }),
  // The former administrator has no administration area any more: back to their profile.
  done: () => ({ to: '/profile', flash: 'saved', replace: true, layout: true }),
});

export const transferTicketsAction = adminAction({
  schema: TransferTicketsSchema,
  form: { fields: ['id', 'targetId'] },
  run: (ctx, input) => transferTickets(ctx, input.id, input.targetId),
  refused: (r) => ({ fieldErrors: { targetId: r.error === 'notFound' ? 'notFound' : 'targetRequired' } }),
  done: () => ({ to: '/contacts', flash: 'tickets-transferred', revalidate: '/contacts' }),
});

export const removeContactAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: { message: 'removeContact.notFound' },
  run: (ctx, input) => removeContact(ctx, input.id),
  refused: (r) => ({ message: `removeContact.${r.error === 'isAdmin' ? 'isAdmin' : r.error === 'hasOpenTickets' ? 'hasOpenTicketsShort' : 'notFound'}` }),
  done: () => ({ to: '/contacts', flash: 'removed', revalidate: '/contacts', replace: true }),
});

export const endContactSessionsAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: { message: 'contactForm.notFound' },
  run: (ctx, input) => endContactSessions(ctx, input.id),
  refused: () => ({ message: 'contactForm.notFound' }),
  done: () => ({ to: '/contacts', flash: 'sessions-ended-contact', replace: true }),
});

'use server';

import { adminAction } from '@/lib/forms/action';
import { createContact, removeContact, setPermissions, updateContact } from './mutations';
import { deactivateContact, reactivateContact, resendInvitation, restoreContact, runBulkAction } from './lifecycle';
import { undoImport } from './import/undo';
import { adminConflictValues, EDIT_CONFLICT_FIELDS } from './edit-conflict';
import { endContactSessions } from './sessions';
import { transferAdministration, transferTickets } from './transfers';
import {
  BulkActionSchema,
  ImportIdSchema,
  PERMISSION_CHOICE_FIELDS,
  CONTACT_FORM_FIELDS,
  ContactIdSchema,
  CreateContactSchema,
  PermissionsSchema,
  TransferTicketsSchema,
  UpdateContactSchema,
} from './schema';

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
  form: { fields: [...CONTACT_FORM_FIELDS, 'id', 'version', ...EDIT_CONFLICT_FIELDS] },
  refresh: true,
  // Only fields both administrators changed left unanswered: the top says so, as each field does.
  invalid: (fieldErrors) => ({
    message: Object.keys(fieldErrors).every((k) => k.startsWith('keep_')) ? 'contactForm.chooseAll' : 'common.fixErrors',
    fieldErrors,
  }),
  run: (ctx, input) => updateContact(ctx, input),
  // Another administrator saved in between: the form shows what they changed, takes their value
  // where this one did not touch the field, and asks which value stays where both did. The next
  // save goes against the version now stored (lib/contacts/edit-conflict.ts).
  refused: (r, input) =>
    'stored' in r
      ? { message: r.choose.length ? 'contactForm.stale' : 'contactForm.staleMerged', values: adminConflictValues(r, input.original) }
      : { message: 'contactForm.notFound' },
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
  done: () => ({ to: '/profile', flash: 'admin-transferred', replace: true, layout: true }),
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

const notFound = { message: 'contactForm.notFound' } as const;

export const deactivateContactAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: notFound,
  run: (ctx, input) => deactivateContact(ctx, input.id),
  refused: (r) => (r.error === 'isAdmin' ? { message: 'deactivateContact.isAdmin' } : notFound),
  done: () => ({ ...SAVED, replace: true }),
});

export const reactivateContactAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: notFound,
  run: (ctx, input) => reactivateContact(ctx, input.id),
  refused: () => notFound,
  done: () => ({ ...SAVED, to: '/contacts?status=deactivated', replace: true, mail: true }),
});

export const restoreContactAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: notFound,
  run: (ctx, input) => restoreContact(ctx, input.id),
  refused: (r) => ({ message: `restoreContact.${r.error}` }),
  done: () => ({ to: '/contacts?status=removed', flash: 'restored', revalidate: '/contacts', replace: true, mail: true }),
});

export const resendInvitationAction = adminAction({
  schema: ContactIdSchema,
  form: { fields: ['id'] },
  invalid: notFound,
  run: (ctx, input) => resendInvitation(ctx, input.id),
  refused: (r) => ({
    message: r.error === 'hasPassword' ? 'resendInvitation.hasPassword' : r.error === 'deactivated' ? 'resendInvitation.deactivated' : notFound.message,
  }),
  done: () => ({ to: '/contacts', flash: 'invitation-resent', replace: true, mail: true }),
});

/** The confirmation page of an action over many contacts: runs it, then shows its summary on the page it came from. */
export const bulkContactsAction = adminAction({
  schema: BulkActionSchema,
  form: { fields: ['kind', 'ids', 'groupId', 'from', ...PERMISSION_CHOICE_FIELDS] },
  // The ids travel in a hidden field: a problem there is "not found" (or the count), never a field error.
  invalid: (errors) =>
    errors.kind
      ? { message: 'common.genericError' }
      : Object.keys(errors).some((k) => k === 'ids' || k.startsWith('ids.'))
        ? { message: `validation.${errors.ids === 'bulkTooMany' || errors.ids === 'bulkNoneSelected' ? errors.ids : 'notFound'}` }
        : errors.permissions
          ? { message: 'validation.bulkNoPermission', fieldErrors: { permissions: errors.permissions } }
          : { message: 'common.fixErrors', fieldErrors: errors },
  run: (ctx, input) => runBulkAction(ctx, input.kind, input.ids, { on: input.on, off: input.off, groupId: input.groupId }),
  refused: (r) => (r.error === 'groupNotFound' ? { fieldErrors: { groupId: 'groupRequired' } } : { message: 'validation.bulkTooMany' }),
  done: (r, input) => ({
    to: `${input.from === 'review' ? '/contacts/review' : '/contacts'}?batch=${r.summaryId}`,
    revalidate: '/contacts',
    replace: true,
    mail: input.kind === 'invite',
  }),
});

export const undoImportAction = adminAction({
  schema: ImportIdSchema,
  form: { fields: ['jobId'] },
  invalid: { message: 'contactImport.notFound' },
  run: (ctx, input) => undoImport(ctx, input.jobId),
  refused: (r) => ({ message: `contactImport.undo_${r.error}` }),
  done: (_r, input) => ({ to: `/contacts/import/${input.jobId}`, flash: 'import-undone', revalidate: '/contacts', replace: true }),
});

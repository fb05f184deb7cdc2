'use server';

import { isUuid } from '@/db/sql-helpers';
import { adminAction, adminButton } from '@/lib/forms/action';
import { addGroupEmail, addGroupMembers, createGroup, removeGroupEmail, removeGroupMember, updateGroup } from './mutations';
import { GroupEmailRefSchema, GroupEmailSchema, GroupMemberRefSchema, GroupMembersSchema, GroupSchema, UpdateGroupSchema } from './schema';

// Every action is an adminAction (lib/forms/action.ts): company and actor come from the session.

const GROUP_FORM = { fields: ['name', 'responsibleId', 'type', 'mailbox'], checkboxes: ['inDisuse', 'restricted'] } as const;

export const createGroupAction = adminAction({
  schema: GroupSchema,
  form: GROUP_FORM,
  run: (ctx, input) => createGroup(ctx, input),
  done: (r) => ({ to: `/groups/${r.groupId}`, flash: 'saved', revalidate: '/groups' }),
});

export const updateGroupAction = adminAction({
  schema: UpdateGroupSchema,
  form: { ...GROUP_FORM, fields: [...GROUP_FORM.fields, 'id', 'version'] },
  run: (ctx, input) => updateGroup(ctx, input),
  refused: (r) => (r.error === 'stale' ? { message: 'groups.stale', values: { version: String(r.currentVersion) } } : { message: 'groups.notFound' }),
  done: () => ({ to: '/groups', flash: 'saved', revalidate: '/groups' }),
});

export const addGroupMembersAction = adminAction({
  schema: GroupMembersSchema,
  form: { fields: ['groupId'], arrays: ['contactIds'] },
  invalid: (fieldErrors) => ({ fieldErrors }),
  run: (ctx, input) => addGroupMembers(ctx, input.groupId, input.contactIds),
  refused: () => ({ message: 'groups.notFound' }),
  done: (_r, input) => ({ to: `/groups/${input.groupId}`, flash: 'saved', revalidate: `/groups/${input.groupId}`, replace: true }),
});

export const addGroupEmailAction = adminAction({
  schema: GroupEmailSchema,
  form: { fields: ['groupId', 'email'] },
  run: (ctx, input) => addGroupEmail(ctx, input.groupId, input.email),
  refused: () => ({ message: 'common.fixErrors', fieldErrors: { email: 'notFound' } }),
  done: (_r, input) => ({ to: `/groups/${input.groupId}`, flash: 'saved', revalidate: `/groups/${input.groupId}`, replace: true }),
});

/**
 * Where a removal that found nothing sends the administrator: the group's page, or the list
 * when the id is not even one (it never becomes part of a path). A group, member or e-mail of
 * another company is not found in this one: nothing changed, so the answer is not "removed".
 */
const notFoundBack = (input: { groupId?: unknown }) => ({
  to: typeof input.groupId === 'string' && isUuid(input.groupId) ? `/groups/${input.groupId}` : '/groups',
  flash: 'not-found' as const,
  replace: true,
});

export const removeGroupMemberAction = adminButton({
  schema: GroupMemberRefSchema,
  form: { fields: ['groupId', 'contactId'] },
  run: (ctx, input) => removeGroupMember(ctx, input.groupId, input.contactId),
  refused: notFoundBack,
  done: (_r, input) => ({ to: `/groups/${input.groupId}`, flash: 'removed', revalidate: `/groups/${input.groupId}`, replace: true }),
});

export const removeGroupEmailAction = adminButton({
  schema: GroupEmailRefSchema,
  form: { fields: ['groupId', 'emailId'] },
  run: (ctx, input) => removeGroupEmail(ctx, input.groupId, input.emailId),
  refused: notFoundBack,
  done: (_r, input) => ({ to: `/groups/${input.groupId}`, flash: 'removed', revalidate: `/groups/${input.groupId}`, replace: true }),
});

import { formVersion, z } from '@/lib/forms/zod';
import { oneOf, plainText, searchTerm, type SearchParams } from '@/lib/forms/query';
import { GROUP_TYPES } from '@/db/schema/group-types';

// Messages are catalog keys under "validation"; shared by the action and the form.
// A checkbox posts "on" when ticked and nothing otherwise; react-hook-form gives a boolean.
const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const optionalEmail = z
  .string()
  .trim()
  .max(254, 'emailInvalid')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'emailInvalid');

export const GroupSchema = z.object({
  name: z.string().trim().min(1, 'groupNameRequired').max(120, 'groupNameTooLong'),
  responsibleId: z.union([z.literal(''), z.uuid('responsibleInvalid')]),
  type: z.enum(GROUP_TYPES, 'groupTypeRequired'),
  inDisuse: checkbox,
  restricted: checkbox,
  mailbox: optionalEmail,
});

export const UpdateGroupSchema = GroupSchema.extend({ id: z.uuid('notFound'), version: formVersion });

export type GroupInput = z.output<typeof GroupSchema>;
export type UpdateGroupInput = z.output<typeof UpdateGroupSchema>;

export const GroupEmailSchema = z.object({
  groupId: z.uuid('notFound'),
  email: z.string().trim().min(1, 'emailRequired').max(254, 'emailInvalid').pipe(z.email('emailInvalid')),
});

export const GroupMembersSchema = z.object({
  groupId: z.uuid('notFound'),
  contactIds: z.array(z.uuid('notFound')).min(1, 'membersRequired').max(200),
});

/** "Desvincular": a member or a linked e-mail of a group. */
export const GroupMemberRefSchema = z.object({ groupId: z.uuid(), contactId: z.uuid() });
export const GroupEmailRefSchema = z.object({ groupId: z.uuid(), emailId: z.uuid() });

/** "Grupo de Usuários": search and which groups (in use, in disuse, all). */
export const GroupListQuery = z.object({ q: searchTerm, show: oneOf(['active', 'disused', 'all'], 'active') });
/** A group's page: the search for people to add as members. */
export const GroupPageQuery = z.object({ q: searchTerm });

/**
 * Without JavaScript, "Pesquisar" beside "Responsável" sends the group form to its own page
 * (GET), which shows the people found. Only the search and the person chosen are read back:
 * an address anyone can craft must not fill the rest of the form (a group's mailbox, "Restrito")
 * for an administrator to save unawares. The hint asks to search before filling the rest.
 */
const GroupFormEcho = z.object({ responsibleQ: searchTerm, responsibleId: plainText(40) });

/** The responsible searched and chosen without JavaScript, or null when the page was not reached that way. */
export function groupFormEcho(sp: SearchParams) {
  if (!('responsibleQ' in sp)) return null;
  const v = GroupFormEcho.parse(sp);
  return { responsibleQ: v.responsibleQ, values: { responsibleId: v.responsibleId } };
}

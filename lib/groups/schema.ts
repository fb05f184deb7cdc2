import { z } from '@/lib/forms/zod';
import { oneOf, searchTerm } from '@/lib/forms/query';
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

export const UpdateGroupSchema = GroupSchema.extend({ id: z.uuid('notFound'), version: z.coerce.number().int().min(1) });

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

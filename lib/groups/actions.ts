'use server';

import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isUuid } from '@/db/sql-helpers';
import { requireAdmin } from '@/lib/auth/session';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { kickMailDelivery } from '@/lib/mail/worker';
import { forwardTicket } from '@/lib/tickets/forward';
import { addGroupEmail, addGroupMembers, createGroup, removeGroupEmail, removeGroupMember, updateGroup } from './mutations';
import { GroupEmailSchema, GroupMembersSchema, GroupSchema, UpdateGroupSchema } from './schema';

// Every action starts with requireAdmin(): company and actor come from the session.

const GROUP_FIELDS = ['name', 'responsibleId', 'type', 'inDisuse', 'restricted', 'mailbox'] as const;

/** An unticked checkbox posts nothing: record it as unticked, so a refused form shows it so. */
function groupValues(formData: FormData, extra: string[] = []) {
  const values = formValues(formData, [...GROUP_FIELDS, ...extra]);
  for (const box of ['inDisuse', 'restricted']) values[box] = formData.has(box) ? 'on' : '';
  return values;
}

async function invalid(fieldErrors: Record<string, string>, values: Record<string, string>): Promise<ActionState> {
  const t = await getTranslations('common');
  return { status: 'error', message: t('fixErrors'), fieldErrors: await translateFieldErrors(fieldErrors), values };
}

export async function createGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = groupValues(formData);
  const parsed = GroupSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await createGroup(ctx, parsed.data);
  if (!result.ok) return invalid(result.fieldErrors ?? {}, values);
  revalidatePath('/groups');
  redirect(withFlash(`/groups/${result.groupId}`, 'saved'), RedirectType.push);
}

export async function updateGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = groupValues(formData, ['id', 'version']);
  const parsed = UpdateGroupSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await updateGroup(ctx, parsed.data);
  if (!result.ok) {
    if (result.fieldErrors) return invalid(result.fieldErrors, values);
    const t = await getTranslations('groups');
    if (result.error === 'stale') return { status: 'error', message: t('stale'), values: { ...values, version: String(result.currentVersion) } };
    return { status: 'error', message: t('notFound'), values };
  }
  revalidatePath('/groups');
  redirect(withFlash('/groups', 'saved'), RedirectType.push);
}

export async function addGroupMembersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const parsed = GroupMembersSchema.safeParse({ groupId: formData.get('groupId'), contactIds: formData.getAll('contactIds') });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateFieldErrors(fieldErrorKeys(parsed.error)) };
  const result = await addGroupMembers(ctx, parsed.data.groupId, parsed.data.contactIds);
  if (!result.ok) return { status: 'error', message: (await getTranslations('groups'))('notFound') };
  revalidatePath(`/groups/${parsed.data.groupId}`);
  redirect(withFlash(`/groups/${parsed.data.groupId}`, 'saved'), RedirectType.replace);
}

/**
 * Where a removal that found nothing sends the administrator: the group's page, or the list
 * when the id is not even one (it never becomes part of a path).
 */
function notFoundBack(groupId: string): never {
  redirect(withFlash(isUuid(groupId) ? `/groups/${groupId}` : '/groups', 'not-found'), RedirectType.replace);
}

export async function removeGroupMemberAction(formData: FormData): Promise<void> {
  const ctx = await requireAdmin();
  const groupId = String(formData.get('groupId') ?? '');
  const result = await removeGroupMember(ctx, groupId, String(formData.get('contactId') ?? ''));
  // A group or member of another company is not found in this one: nothing changed, so the
  // answer must not be "removed".
  if (!result.ok) notFoundBack(groupId);
  revalidatePath(`/groups/${groupId}`);
  redirect(withFlash(`/groups/${groupId}`, 'removed'), RedirectType.replace);
}

export async function addGroupEmailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = formValues(formData, ['groupId', 'email']);
  const parsed = GroupEmailSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await addGroupEmail(ctx, parsed.data.groupId, parsed.data.email);
  if (!result.ok) return invalid(result.fieldErrors ?? { email: 'notFound' }, values);
  revalidatePath(`/groups/${parsed.data.groupId}`);
  redirect(withFlash(`/groups/${parsed.data.groupId}`, 'saved'), RedirectType.replace);
}

export async function removeGroupEmailAction(formData: FormData): Promise<void> {
  const ctx = await requireAdmin();
  const groupId = String(formData.get('groupId') ?? '');
  const result = await removeGroupEmail(ctx, groupId, String(formData.get('emailId') ?? ''));
  if (!result.ok) notFoundBack(groupId);
  revalidatePath(`/groups/${groupId}`);
  redirect(withFlash(`/groups/${groupId}`, 'removed'), RedirectType.replace);
}

export async function forwardTicketAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const ticketId = String(formData.get('ticketId') ?? '');
  const result = await forwardTicket(ctx, ticketId, String(formData.get('groupId') ?? ''));
  if (!result.ok) {
    const t = await getTranslations('groups');
    return { status: 'error', fieldErrors: { groupId: t(result.error === 'groupInDisuse' ? 'forwardInDisuse' : 'forwardChoose') } };
  }
  kickMailDelivery();
  revalidatePath(`/tickets/${ticketId}`);
  redirect(withFlash(`/tickets/${ticketId}`, 'forwarded'), RedirectType.replace);
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/session';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { kickMailDelivery } from '@/lib/mail/worker';
import { createContact, removeContact, setPermissions, updateContact } from './mutations';
import { endContactSessions } from './sessions';
import { transferAdministration, transferTickets } from './transfers';
import { CONTACT_FORM_FIELDS, CreateContactSchema, PermissionsSchema, TransferTicketsSchema, UpdateContactSchema } from './schema';

// Every action here starts with requireAdmin(): the company and the actor come from the
// session; ids from the form are looked up inside that company only.

const EDIT_FIELDS = [...CONTACT_FORM_FIELDS, 'id', 'version'] as const;

async function invalid(fieldErrors: Record<string, string>, values: Record<string, string>): Promise<ActionState> {
  const t = await getTranslations('common');
  return { status: 'error', message: t('fixErrors'), fieldErrors: await translateFieldErrors(fieldErrors), values };
}

/** "Atualizar campos": without JavaScript, re-render the form for the chosen country. */
function isRefresh(formData: FormData): boolean {
  return formData.get('intent') === 'refresh';
}

export async function createContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = formValues(formData, CONTACT_FORM_FIELDS);
  if (isRefresh(formData)) return { status: 'idle', values };
  const parsed = CreateContactSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await createContact(ctx, parsed.data);
  if (!result.ok) return invalid(result.fieldErrors ?? {}, values);
  kickMailDelivery();
  revalidatePath('/contacts');
  redirect(withFlash('/contacts', 'saved'), RedirectType.push);
}

export async function updateContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = formValues(formData, EDIT_FIELDS);
  if (isRefresh(formData)) return { status: 'idle', values };
  const parsed = UpdateContactSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await updateContact(ctx, parsed.data);
  if (!result.ok) {
    if (result.fieldErrors) return invalid(result.fieldErrors, values);
    const t = await getTranslations('contactForm');
    if (result.error === 'stale') {
      // The typed values stay; saving again, now knowingly, replaces the other version.
      return { status: 'error', message: t('stale'), values: { ...values, version: String(result.currentVersion) } };
    }
    return { status: 'error', message: t('notFound'), values };
  }
  kickMailDelivery();
  revalidatePath('/contacts');
  redirect(withFlash('/contacts', 'saved'), RedirectType.push);
}

export async function savePermissionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const parsed = PermissionsSchema.safeParse({ id: formData.get('id'), permissions: formData.getAll('permissions') });
  const t = await getTranslations('contactForm');
  if (!parsed.success) return { status: 'error', message: t('notFound') };
  const result = await setPermissions(ctx, parsed.data.id, parsed.data.permissions);
  if (!result.ok) return { status: 'error', message: t('notFound') };
  revalidatePath('/contacts');
  redirect(withFlash('/contacts', 'saved'), RedirectType.push);
}

export async function transferAdminAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const result = await transferAdministration(ctx, String(formData.get('id') ?? ''));
  if (!result.ok) {
    const t = await getTranslations('transferAdmin');
    return { status: 'error', message: t(result.error === 'sameContact' || result.error === 'notAdminAnymore' ? result.error : 'notFound') };
  }
  revalidatePath('/', 'layout');
  // The former administrator has no administration area any more: back to their profile.
  redirect(withFlash('/profile', 'saved'), RedirectType.replace);
}

export async function transferTicketsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const values = formValues(formData, ['id', 'targetId']);
  const parsed = TransferTicketsSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrorKeys(parsed.error), values);
  const result = await transferTickets(ctx, parsed.data.id, parsed.data.targetId);
  if (!result.ok) {
    const t = await getTranslations('validation');
    const key = result.error === 'notFound' ? 'notFound' : 'targetRequired';
    return { status: 'error', fieldErrors: { targetId: t(key) }, values };
  }
  revalidatePath('/contacts');
  redirect(withFlash('/contacts', 'tickets-transferred'), RedirectType.push);
}

export async function removeContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const result = await removeContact(ctx, String(formData.get('id') ?? ''));
  if (!result.ok) {
    const t = await getTranslations('removeContact');
    const key = result.error === 'isAdmin' ? 'isAdmin' : result.error === 'hasOpenTickets' ? 'hasOpenTicketsShort' : 'notFound';
    return { status: 'error', message: t(key) };
  }
  revalidatePath('/contacts');
  redirect(withFlash('/contacts', 'removed'), RedirectType.replace);
}

export async function endContactSessionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const result = await endContactSessions(ctx, String(formData.get('id') ?? ''));
  if (!result.ok) return { status: 'error', message: (await getTranslations('contactForm'))('notFound') };
  redirect(withFlash('/contacts', 'sessions-ended-contact'), RedirectType.replace);
}

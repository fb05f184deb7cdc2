'use server';

import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireContact } from '@/lib/auth/session';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { createTicket, setTicketStatus } from './mutations';
import { NewTicketSchema, TicketStatusSchema } from './schema';

export async function createTicketAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireContact();
  const values = formValues(formData, ['subject', 'description', 'category']);
  const parsed = NewTicketSchema.safeParse(values);
  if (!parsed.success) {
    const t = await getTranslations('common');
    return { status: 'error', message: t('fixErrors'), fieldErrors: await translateFieldErrors(fieldErrorKeys(parsed.error)), values };
  }
  const result = await createTicket(ctx, parsed.data);
  if (!result.ok) return { status: 'error', message: (await getTranslations('tickets'))('cannotOpen'), values };
  revalidatePath('/tickets');
  redirect(withFlash(`/tickets/${result.id}`, 'ticket-created'), RedirectType.push);
}

export async function setTicketStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireContact();
  const parsed = TicketStatusSchema.safeParse({ id: formData.get('id'), status: formData.get('status') });
  const t = await getTranslations('validation');
  if (!parsed.success) return { status: 'error', message: t('notFound') };
  const result = await setTicketStatus(ctx, parsed.data.id, parsed.data.status);
  if (!result.ok) return { status: 'error', message: t('notFound') };
  revalidatePath('/tickets');
  redirect(withFlash(`/tickets/${parsed.data.id}`, 'saved'), RedirectType.replace);
}

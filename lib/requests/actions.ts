'use server';

import { headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from '@/lib/i18n/server';
import { db } from '@/db/client';
import { clientAddress, throttleSource } from '@/lib/auth/client-address';
import { requireAdmin } from '@/lib/auth/session';
import { adminAction, readForm } from '@/lib/forms/action';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash, type FlashKey } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { kickMailDelivery } from '@/lib/mail/worker';
import { confirmRequest } from './confirm';
import { approveRequests, decideRequests, rejectRequests, type Outcome } from './decisions';
import { BulkDecisionSchema, ConfirmSignupSchema, RejectRequestSchema, RequestIdSchema, SIGNUP_FORM_FIELDS, SignupSchema } from './schema';
import { submitSignup } from './submissions';

/**
 * "Quero me cadastrar" (public). Invalid fields answer next to each field (they say nothing
 * about companies or people); a valid request always gets the same answer, in the same time,
 * whatever happens next (lib/requests/submissions.ts).
 */
export async function signupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, SIGNUP_FORM_FIELDS);
  if (formData.get('intent') === 'refresh') return { status: 'idle', values };
  const parsed = SignupSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: (await getTranslations('common'))('fixErrors'),
      fieldErrors: await translateFieldErrors(fieldErrorKeys(parsed.error)),
      values,
    };
  }
  // A request whose source this server did not stamp is dropped (it could dodge the limit).
  const address = clientAddress(await headers());
  if (address) await submitSignup(db, parsed.data, { source: throttleSource(address) });
  kickMailDelivery();
  return { status: 'ok', message: (await getTranslations('signup'))('sent') };
}

/** The confirmation link's button: the request reaches the company (or is approved at once). */
export async function confirmSignupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations('signup');
  const parsed = ConfirmSignupSchema.safeParse({ token: formData.get('token') ?? '' });
  const result = parsed.success ? await confirmRequest(db, parsed.data.token) : { ok: false as const };
  if (!result.ok) return { status: 'error', message: t('linkInvalid') };
  kickMailDelivery();
  // Post/redirect/get: the link's page cannot show the answer (its link is used up now).
  redirect(`/signup/confirmed?outcome=${result.outcome}`, RedirectType.replace);
}

/** Why one request was not decided, as a flash on "Solicitações de acesso". */
function refusalFlash(outcome: Outcome | undefined): FlashKey {
  switch (outcome?.outcome) {
    case 'decided':
      return 'request-decided';
    case 'emailTaken':
      return 'request-email-taken';
    case 'documentTaken':
      return 'request-document-taken';
    default:
      return 'not-found';
  }
}

const deciderOf = (ctx: { companyId: string; companyName: string; contactId: string; email: string }) => ({
  companyId: ctx.companyId,
  companyName: ctx.companyName,
  contactId: ctx.contactId,
  email: ctx.email,
});

const INBOX = { to: '/requests', revalidate: '/requests', layout: true } as const;

/** "Recusar" on one request, with an optional reason sent to the requester. */
export const rejectRequestAction = adminAction({
  schema: RejectRequestSchema,
  form: { fields: ['id', 'reason'] },
  params: { max: 500 },
  run: async (ctx, input) => {
    const [outcome] = await rejectRequests(db, deciderOf(ctx), [input.id], input.reason);
    return outcome?.outcome === 'rejected' ? { ok: true as const } : { ok: false as const, outcome };
  },
  refused: (r) => ({ message: r.outcome?.outcome === 'decided' ? 'requests.alreadyDecided' : 'requests.notFound' }),
  done: () => ({ ...INBOX, flash: 'request-rejected', replace: true, mail: true }),
});

/**
 * "Aprovar selecionadas" / "Recusar selecionadas", and a row's "Aprovar". A rejection first asks for confirmation
 * (and an optional reason): the answer is the same page with the question, with or without
 * JavaScript. The decision ends on the page's summary of what happened to each request.
 */
export async function bulkDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  // A row's own "Aprovar" (a button of this form): that request alone, whatever is selected.
  if (formData.has('approveOne')) {
    const parsed = RequestIdSchema.safeParse({ id: formData.get('approveOne') });
    const [outcome] = parsed.success ? await approveRequests(db, deciderOf(ctx), [parsed.data.id]) : [];
    const flash: FlashKey = outcome?.outcome === 'approved' ? 'request-approved' : refusalFlash(outcome);
    if (outcome?.outcome === 'approved') kickMailDelivery();
    revalidatePath('/requests');
    revalidatePath('/', 'layout');
    redirect(withFlash('/requests', flash), RedirectType.push);
  }
  const { input, values } = readForm(formData, { fields: ['decision', 'reason'], arrays: ['ids'] });
  const ids = (input.ids as string[]).flatMap((v) => v.split(',')).filter(Boolean);
  const parsed = BulkDecisionSchema.safeParse({ ...input, ids });
  if (!parsed.success) {
    const errors = fieldErrorKeys(parsed.error);
    const key = errors.ids?.startsWith('requestsTooMany')
      ? 'requestsTooMany'
      : errors.reason
        ? 'reasonTooLong'
        : errors.decision
          ? 'genericError'
          : 'requestsRequired';
    const message = key === 'genericError' ? (await getTranslations('common'))('genericError') : (await getTranslations('requests'))(key);
    return { status: 'error', message, values: { ...values, ids: ids.join(','), ...(errors.reason ? { decision: 'reject' } : {}) } };
  }
  const { decision, reason } = parsed.data;
  const selected = [...new Set(parsed.data.ids)];
  if (decision === 'reject') return { status: 'idle', values: { decision: 'reject', ids: selected.join(','), count: String(selected.length) } };
  const { summaryId } = await decideRequests(db, deciderOf(ctx), decision === 'approve' ? 'approve' : 'reject', selected, reason);
  kickMailDelivery();
  revalidatePath('/requests');
  revalidatePath('/', 'layout');
  redirect(`/requests?batch=${summaryId}`, RedirectType.push);
}

import { z } from '@/lib/forms/zod';
import { oneOf, pageNumber, plainText } from '@/lib/forms/query';
import { contactFields, emailConfirmation, newContactRules } from '@/lib/contacts/schema';

// "Quero me cadastrar" asks the fields of "Adicionar usuário" with the same rules and
// messages (catalog keys under "validation"), plus the company's code and a reason.

export const REASON_MAX = 500;

export const companyCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'companyCodeRequired')
  .max(32, 'companyCodeInvalid')
  .regex(/^[A-Z0-9_-]+$/, 'companyCodeInvalid');

export const SignupSchema = z
  .object({
    companyCode,
    ...contactFields,
    emailConfirmation,
    reason: z.string().trim().max(REASON_MAX, 'reasonTooLong'),
  })
  .superRefine(newContactRules);

export type SignupInput = z.output<typeof SignupSchema>;

export const SIGNUP_FORM_FIELDS = [
  'companyCode',
  'country',
  'name',
  'document',
  'areaCode',
  'phone',
  'email',
  'emailConfirmation',
  'consultancy',
  'reason',
] as const;

/** The confirmation link's token, as the form sends it back. */
export const ConfirmSignupSchema = z.object({ token: z.string().trim().min(20).max(100) });

export const RequestIdSchema = z.object({ id: z.uuid('notFound') });

export const RejectRequestSchema = z.object({ id: z.uuid('notFound'), reason: z.string().trim().max(REASON_MAX, 'reasonTooLong') });

/** The most requests one decision takes at once (a page shows at most 100). */
export const BULK_MAX = 1000;

export const BulkDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject', 'confirmReject'], 'decisionRequired'),
  ids: z.array(z.uuid('notFound')).min(1, 'requestsRequired').max(BULK_MAX, 'requestsTooMany'),
  reason: z.string().trim().max(REASON_MAX, 'reasonTooLong').default(''),
});

export const REQUEST_VIEWS = ['pending', 'approved', 'rejected'] as const;
export type RequestView = (typeof REQUEST_VIEWS)[number];

/** "Solicitações de acesso": which requests, which page, and the summary of a decision just made. */
export const RequestListQuery = z.object({
  status: oneOf(REQUEST_VIEWS, 'pending'),
  page: pageNumber,
  batch: plainText(20).transform((s) => (/^\d{1,18}$/.test(s) ? s : '')),
});

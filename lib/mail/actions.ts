'use server';

import { db } from '@/db/client';
import { adminButton } from '@/lib/forms/action';
import { resendFailedMail } from './outbox';
import { ResendMailSchema } from './schema';

/** "Reenviar" on "E-mails enviados": a failed message of the company goes back to the queue. */
export const resendMailAction = adminButton({
  schema: ResendMailSchema,
  form: { fields: ['id'] },
  run: async (ctx, input) =>
    (await resendFailedMail(db, ctx.companyId, input.id)) ? { ok: true as const } : { ok: false as const, error: 'notFound' as const },
  refused: () => ({ to: '/outbox', flash: 'not-found', revalidate: '/outbox' }),
  done: () => ({ to: '/outbox?status=pending', flash: 'mail-resent', revalidate: '/outbox', mail: true }),
});

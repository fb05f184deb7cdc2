'use server';

import { adminAction, adminButton } from '@/lib/forms/action';
import { addDomain, removeDomain, setDomainPolicy } from './mutations';
import { DomainIdSchema, DomainPolicySchema, DomainSchema } from './schema';

const SETTINGS = '/settings/domains';

export const addDomainAction = adminAction({
  schema: DomainSchema,
  form: { fields: ['domain', 'policy'] },
  run: (ctx, input) => addDomain(ctx, input),
  done: () => ({ to: SETTINGS, flash: 'saved', revalidate: SETTINGS }),
});

export const setDomainPolicyAction = adminButton({
  schema: DomainPolicySchema,
  form: { fields: ['id', 'policy'] },
  run: (ctx, input) => setDomainPolicy(ctx, input.id, input.policy),
  refused: (_input, result) => ({
    to: SETTINGS,
    flash: result?.error === 'autoTaken' ? 'domain-auto-taken' : result?.error === 'autoNotYours' ? 'domain-auto-not-yours' : 'not-found',
    revalidate: SETTINGS,
  }),
  done: () => ({ to: SETTINGS, flash: 'saved', revalidate: SETTINGS }),
});

export const removeDomainAction = adminAction({
  schema: DomainIdSchema,
  form: { fields: ['id'] },
  invalid: { message: 'domains.notFound' },
  run: (ctx, input) => removeDomain(ctx, input.id),
  refused: () => ({ message: 'domains.notFound' }),
  done: () => ({ to: SETTINGS, flash: 'removed', revalidate: SETTINGS, replace: true }),
});

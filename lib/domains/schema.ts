import { z } from '@/lib/forms/zod';

// "Domínios da empresa": the domain as typed is checked by parseDomain (lib/domains/rules.ts),
// which also gives its stored form.

const policy = z.enum(['approval', 'auto'], 'policyRequired');

export const DomainSchema = z.object({ domain: z.string().max(300, 'domainInvalid'), policy });

export const DomainPolicySchema = z.object({ id: z.uuid('notFound'), policy });

export const DomainIdSchema = z.object({ id: z.uuid('notFound') });

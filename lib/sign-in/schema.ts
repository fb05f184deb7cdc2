import { z } from '@/lib/forms/zod';

/** "Login da empresa". The secret is write-only: left empty, the stored one stays. */
export const SignInSettingsSchema = z.object({
  issuer: z.string().trim().min(1, 'issuerRequired').max(500, 'issuerInvalid'),
  clientId: z.string().trim().min(1, 'clientIdRequired').max(200, 'clientIdTooLong'),
  clientSecret: z.string().max(2000, 'clientSecretTooLong'),
  domains: z.array(z.uuid('notFound')).max(200),
  required: z.enum(['on', '']).transform((v) => v === 'on'),
});

export type SignInSettingsInput = z.output<typeof SignInSettingsSchema>;

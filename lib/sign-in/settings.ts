import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { uuidArray } from '@/db/sql-helpers';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { uniqueViolation } from '@/db/errors';
import { companyDomains, companySignIn } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext, type Result } from '@/lib/auth/actor';
import { mayApproveAutomatically } from '@/lib/domains/mutations';
import { discoverProvider, parseIssuer, type ProviderProblem } from './provider';
import type { SignInSettingsInput } from './schema';
import { decryptSecret, encryptSecret } from './secret';

export type SignInSettings = { issuer: string; clientId: string; hasSecret: boolean; secretReadable: boolean; required: boolean } | null;

/** What the settings page shows: never the secret, only whether one is stored (and readable). */
export async function loadSignInSettings(companyId: string, executor: Executor = db): Promise<SignInSettings> {
  const [row] = await executor.select().from(companySignIn).where(eq(companySignIn.companyId, companyId));
  if (!row) return null;
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    hasSecret: true,
    secretReadable: decryptSecret(row.clientSecretEncrypted) !== null,
    required: row.required,
  };
}

/** The secret to use: the one typed, else the stored one. */
async function secretFor(executor: Executor, companyId: string, typed: string): Promise<string | null> {
  if (typed) return typed;
  const [row] = await executor.select({ stored: companySignIn.clientSecretEncrypted }).from(companySignIn).where(eq(companySignIn.companyId, companyId));
  return row ? decryptSecret(row.stored) : null;
}

/** "Testar configuração": reads the provider's discovery document with what the form holds. */
export async function testSignInSettings(
  ctx: AdminContext,
  input: Pick<SignInSettingsInput, 'issuer' | 'clientId' | 'clientSecret'>,
): Promise<{ ok: true } | { ok: false; problem: ProviderProblem }> {
  const secret = await secretFor(db, ctx.companyId, input.clientSecret);
  if (!secret) return { ok: false, problem: 'secretUnreadable' };
  const found = await discoverProvider(input.issuer, input.clientId, secret);
  return found.ok ? { ok: true } : { ok: false, problem: found.problem };
}

/** Saves the provider, the domains that sign in through it, and "Exigir login da empresa". */
export async function saveSignInSettings(ctx: AdminContext, input: SignInSettingsInput, executor: Executor = db): Promise<Result> {
  const issuer = parseIssuer(input.issuer);
  if (!issuer.ok) return { ok: false, fieldErrors: { issuer: issuer.problem } };
  try {
    return await executor.transaction(async (tx): Promise<Result> => {
      const [before] = await tx.select().from(companySignIn).where(eq(companySignIn.companyId, ctx.companyId)).for('update');
      if (!before && !input.clientSecret) return { ok: false as const, fieldErrors: { clientSecret: 'clientSecretRequired' } };
      const domains = await tx.select().from(companyDomains).where(eq(companyDomains.companyId, ctx.companyId));
      const chosen = domains.filter((d) => input.domains.includes(d.id));
      if (chosen.length !== new Set(input.domains).size) return { ok: false as const, fieldErrors: { domains: 'notFound' } };
      // Sign-in routes people by domain: only a domain the administrator proves (their own).
      if (chosen.some((d) => !mayApproveAutomatically(ctx.email, d.domain))) return { ok: false as const, fieldErrors: { domains: 'signInDomainNotYours' } };
      const values = {
        issuer: issuer.url.href.replace(/\/$/, ''),
        clientId: input.clientId,
        required: input.required,
        updatedAt: new Date(),
        ...(input.clientSecret ? { clientSecretEncrypted: encryptSecret(input.clientSecret) } : {}),
      };
      if (before) await tx.update(companySignIn).set(values).where(eq(companySignIn.companyId, ctx.companyId));
      else await tx.insert(companySignIn).values({ companyId: ctx.companyId, clientSecretEncrypted: encryptSecret(input.clientSecret), ...values });
      await tx
        .update(companyDomains)
        .set({ signIn: sql`${companyDomains.id} = any(${uuidArray(chosen.map((d) => d.id))}::uuid[])` })
        .where(eq(companyDomains.companyId, ctx.companyId));
      const snapshot = (s: { issuer: string; clientId: string; required: boolean } | undefined, names: string[]) =>
        s ? { issuer: s.issuer, clientId: s.clientId, required: s.required, domains: names.join(', ') } : {};
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'sign_in.settings_changed',
        entityType: 'company_sign_in',
        before: snapshot(
          before,
          domains.filter((d) => d.signIn).map((d) => d.domain),
        ),
        after: {
          ...snapshot(
            values,
            chosen.map((d) => d.domain),
          ),
          ...(input.clientSecret ? { clientSecret: 'alterado' } : {}),
        },
      });
      return { ok: true as const };
    });
  } catch (err) {
    if (uniqueViolation(err) === 'company_domains_sign_in_key') return { ok: false, fieldErrors: { domains: 'signInDomainTaken' } };
    throw err;
  }
}

/** The company's domains, with whether each signs in through the provider. */
export function signInDomains(companyId: string) {
  return db
    .select({ id: companyDomains.id, domain: companyDomains.domain, signIn: companyDomains.signIn })
    .from(companyDomains)
    .where(and(eq(companyDomains.companyId, companyId)))
    .orderBy(companyDomains.domain);
}

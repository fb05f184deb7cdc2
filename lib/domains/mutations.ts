import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { uniqueViolation } from '@/db/errors';
import { companyDomains, type CompanyDomain, type DomainPolicy } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext, type Result } from '@/lib/auth/actor';
import { emailDomain, parseDomain } from './rules';

export type DomainError = 'notFound' | 'autoTaken' | 'autoNotYours';

/** The company's domains, alphabetically. */
export function listDomains(companyId: string, executor: Executor = db): Promise<CompanyDomain[]> {
  return executor.select().from(companyDomains).where(eq(companyDomains.companyId, companyId)).orderBy(asc(companyDomains.domain));
}

/** A unique index decided: the domain is the company's already, or approves automatically elsewhere. */
function takenField(err: unknown): Record<string, string> | null {
  const constraint = uniqueViolation(err);
  if (constraint === 'company_domains_company_domain_key') return { domain: 'domainTaken' };
  if (constraint === 'company_domains_auto_key') return { policy: 'domainAutoTaken' };
  return null;
}

/**
 * "Aprovar automaticamente" lets anyone with a mailbox on the domain in: the administrator
 * proves the domain is the company's by having their own mailbox there (the domain of their
 * e-mail, or a subdomain of it). Without that, a company could claim another's domain first
 * and keep it from automatic approval. "Exigir aprovação" only flags requests: any domain.
 */
export function mayApproveAutomatically(adminEmail: string, domain: string): boolean {
  const own = emailDomain(adminEmail);
  return Boolean(own) && (domain === own || domain.endsWith(`.${own}`));
}

/** "Adicionar domínio": a company's own mail domain, never a free provider's. */
export async function addDomain(ctx: AdminContext, input: { domain: string; policy: DomainPolicy }, executor: Executor = db): Promise<Result<{ id: string }>> {
  const parsed = parseDomain(input.domain);
  if (!parsed.ok) return { ok: false, fieldErrors: { domain: parsed.problem } };
  if (input.policy === 'auto' && !mayApproveAutomatically(ctx.email, parsed.domain)) return { ok: false, fieldErrors: { policy: 'domainAutoNotYours' } };
  try {
    return await executor.transaction(async (tx) => {
      const [row] = await tx
        .insert(companyDomains)
        .values({ companyId: ctx.companyId, domain: parsed.domain, policy: input.policy })
        .returning({ id: companyDomains.id });
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'domain.added',
        entityType: 'company_domain',
        entityId: row!.id,
        after: { domain: parsed.domain, policy: input.policy },
      });
      return { ok: true as const, id: row!.id };
    });
  } catch (err) {
    const fieldErrors = takenField(err);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw err;
  }
}

/** "Exigir aprovação" or "Aprovar automaticamente" for one of the company's domains. */
export async function setDomainPolicy(ctx: AdminContext, id: string, policy: DomainPolicy, executor: Executor = db): Promise<Result<object, DomainError>> {
  try {
    return await executor.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(companyDomains)
        .where(and(eq(companyDomains.companyId, ctx.companyId), eq(companyDomains.id, id)))
        .for('update');
      if (!before) return { ok: false as const, error: 'notFound' as const };
      if (before.policy === policy) return { ok: true as const };
      if (policy === 'auto' && !mayApproveAutomatically(ctx.email, before.domain)) return { ok: false as const, error: 'autoNotYours' as const };
      await tx
        .update(companyDomains)
        .set({ policy })
        .where(and(eq(companyDomains.companyId, ctx.companyId), eq(companyDomains.id, id)));
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'domain.policy_changed',
        entityType: 'company_domain',
        entityId: id,
        before: { domain: before.domain, policy: before.policy },
        after: { domain: before.domain, policy },
      });
      return { ok: true as const };
    });
  } catch (err) {
    if (takenField(err)) return { ok: false, error: 'autoTaken' };
    throw err;
  }
}

/** "Remover": requests from the domain are no longer flagged (or approved automatically). */
export async function removeDomain(ctx: AdminContext, id: string, executor: Executor = db): Promise<Result<object, DomainError>> {
  return executor.transaction(async (tx) => {
    const [removed] = await tx
      .delete(companyDomains)
      .where(and(eq(companyDomains.companyId, ctx.companyId), eq(companyDomains.id, id)))
      .returning();
    if (!removed) return { ok: false as const, error: 'notFound' as const };
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'domain.removed',
      entityType: 'company_domain',
      entityId: id,
      before: { domain: removed.domain, policy: removed.policy },
    });
    return { ok: true as const };
  });
}

/** One of the company's domains, or null. */
export async function findDomain(companyId: string, id: string, executor: Executor = db): Promise<CompanyDomain | null> {
  const [row] = await executor
    .select()
    .from(companyDomains)
    .where(and(eq(companyDomains.companyId, companyId), eq(companyDomains.id, id)));
  return row ?? null;
}

import { and, eq, gt, sql } from 'drizzle-orm';
import { accessRequests, companies, companyDomains } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { recordAudit } from '@/lib/audit/record';
import { hashToken } from '@/lib/auth/tokens';
import { emailDomain } from '@/lib/domains/rules';
import { approveIn } from './decisions';

export type UnconfirmedRequest = { id: string; companyId: string; companyName: string; name: string; email: string };

/** The request an unexpired, unused confirmation link names (the link's page). */
export async function findUnconfirmedRequest(db: Executor, token: string, now = new Date()): Promise<UnconfirmedRequest | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ id: accessRequests.id, companyId: accessRequests.companyId, companyName: companies.name, name: accessRequests.name, email: accessRequests.email })
    .from(accessRequests)
    .innerJoin(companies, eq(companies.id, accessRequests.companyId))
    .where(and(eq(accessRequests.tokenHash, hashToken(token)), eq(accessRequests.status, 'unconfirmed'), gt(accessRequests.expiresAt, now)));
  return row ?? null;
}

export type ConfirmResult = { ok: true; companyName: string; outcome: 'pending' | 'approved' } | { ok: false };

/**
 * The link proves the mailbox: the request reaches the company's "Solicitações de acesso",
 * replacing a pending request of the same e-mail there. From a domain under "Aprovar
 * automaticamente" it becomes a contact at once (if "Adicionar usuário" would accept it now;
 * otherwise it waits for the administrator like any other). The link works once.
 */
export async function confirmRequest(db: Executor, token: string, now = new Date()): Promise<ConfirmResult> {
  if (!token || token.length > 200) return { ok: false };
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(accessRequests)
      .where(and(eq(accessRequests.tokenHash, hashToken(token)), eq(accessRequests.status, 'unconfirmed'), gt(accessRequests.expiresAt, now)))
      .for('update');
    if (!request) return { ok: false as const };
    const [company] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, request.companyId));
    const replaced = await tx
      .update(accessRequests)
      .set({ status: 'replaced', decidedAt: now })
      .where(
        and(
          eq(accessRequests.companyId, request.companyId),
          eq(accessRequests.status, 'pending'),
          sql`lower(${accessRequests.email}) = lower(${request.email})`,
        ),
      )
      .returning({ id: accessRequests.id });
    await tx
      .update(accessRequests)
      .set({ status: 'pending', confirmedAt: now, tokenHash: null, expiresAt: null })
      .where(and(eq(accessRequests.companyId, request.companyId), eq(accessRequests.id, request.id)));
    await recordAudit(tx, {
      companyId: request.companyId,
      actor: { contactId: null, email: request.email },
      action: 'request.submitted',
      entityType: 'access_request',
      entityId: request.id,
      after: {
        name: request.name,
        email: request.email,
        country: request.country,
        document: request.document,
        areaCode: request.areaCode,
        phone: request.phone,
        consultancy: request.consultancy,
        ...(request.reason ? { reason: request.reason } : {}),
        ...(replaced.length ? { replaced: replaced.length } : {}),
      },
    });
    const domain = emailDomain(request.email);
    const [auto] = await tx
      .select({ id: companyDomains.id })
      .from(companyDomains)
      .where(and(eq(companyDomains.companyId, request.companyId), eq(companyDomains.domain, domain), eq(companyDomains.policy, 'auto')));
    if (auto) {
      const decider = { companyId: request.companyId, companyName: company!.name, contactId: null, email: null };
      const [outcome] = await approveIn(tx, decider, [request.id], { now, policy: { domain } });
      if (outcome?.outcome === 'approved') return { ok: true as const, companyName: company!.name, outcome: 'approved' as const };
    }
    return { ok: true as const, companyName: company!.name, outcome: 'pending' as const };
  });
}

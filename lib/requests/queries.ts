import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditEvents, type AccessRequest } from '@/db/schema';
import { findUnconfirmedRequest } from './confirm';
import type { SummaryLine } from './decisions';
import type { RequestView } from './schema';

export const REQUESTS_PAGE_SIZE = 50;

/** The number beside "Solicitações de acesso" in the side navigation. */
export async function pendingRequestCount(companyId: string): Promise<number> {
  const found = await db.execute<{ n: number }>(sql`select count(*)::int as n from access_requests where company_id = ${companyId} and status = 'pending'`);
  return found.rows[0]?.n ?? 0;
}

export type RequestRow = Pick<
  AccessRequest,
  | 'id'
  | 'status'
  | 'name'
  | 'email'
  | 'country'
  | 'document'
  | 'areaCode'
  | 'phone'
  | 'consultancy'
  | 'reason'
  | 'confirmedAt'
  | 'decidedAt'
  | 'decidedByEmail'
  | 'decisionReason'
  | 'autoApproved'
> & {
  /** The e-mail or document is (now) an active contact's. */
  alreadyContact: boolean;
  /** The e-mail's domain is one of the company's (§10.1). */
  inCompanyDomain: boolean;
};

/** One page of the company's requests in one view, with their flags, in one query (plus the count). */
export async function requestsPage(companyId: string, view: RequestView, page: number): Promise<{ rows: RequestRow[]; total: number; hasDomains: boolean }> {
  const order = view === 'pending' ? sql`r.confirmed_at desc, r.id desc` : sql`r.decided_at desc, r.id desc`;
  const [rows, counts] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select r.id, r.status, r.name, r.email, r.country, r.document, r.area_code, r.phone, r.consultancy, r.reason, r.confirmed_at,
        r.decided_at, r.decided_by_email, r.decision_reason, r.auto_approved,
        exists (select 1 from contacts c where c.company_id = r.company_id and c.status <> 'removed'
                and (lower(c.email) = lower(r.email) or c.document = r.document)) as already_contact,
        exists (select 1 from company_domains d where d.company_id = r.company_id and d.domain = split_part(lower(r.email), '@', 2)) as in_company_domain
      from access_requests r
      where r.company_id = ${companyId} and r.status = ${view}
      order by ${order}
      limit ${REQUESTS_PAGE_SIZE} offset ${(page - 1) * REQUESTS_PAGE_SIZE}`),
    db.execute<{ total: number; has_domains: boolean }>(sql`
      select (select count(*)::int from access_requests where company_id = ${companyId} and status = ${view}) as total,
             exists (select 1 from company_domains where company_id = ${companyId}) as has_domains`),
  ]);
  return {
    rows: rows.rows.map((r) => ({
      id: r.id as string,
      status: r.status as AccessRequest['status'],
      name: r.name as string,
      email: r.email as string,
      country: r.country as string,
      document: r.document as string | null,
      areaCode: r.area_code as string | null,
      phone: r.phone as string | null,
      consultancy: r.consultancy as boolean,
      reason: r.reason as string | null,
      confirmedAt: toDate(r.confirmed_at),
      decidedAt: toDate(r.decided_at),
      decidedByEmail: r.decided_by_email as string | null,
      decisionReason: r.decision_reason as string | null,
      autoApproved: r.auto_approved as boolean,
      alreadyContact: r.already_contact as boolean,
      inCompanyDomain: r.in_company_domain as boolean,
    })),
    total: counts.rows[0]?.total ?? 0,
    hasDomains: counts.rows[0]?.has_domains ?? false,
  };
}

const toDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/** One pending request of the company (the "Recusar" page), or null. */
export async function pendingRequest(companyId: string, id: string): Promise<Pick<AccessRequest, 'id' | 'name' | 'email'> | null> {
  const found = await db.execute<Pick<AccessRequest, 'id' | 'name' | 'email'>>(
    sql`select id, name, email from access_requests where company_id = ${companyId} and id = ${id} and status = 'pending'`,
  );
  return found.rows[0] ?? null;
}

export type DecisionSummary = { decision: 'approve' | 'reject'; approved: number; rejected: number; refused: number; lines: SummaryLine[] };

/** The summary of a decision over several requests, for the administrator who made it. */
export async function decisionSummary(companyId: string, contactId: string, id: string): Promise<DecisionSummary | null> {
  const [row] = await db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.companyId, companyId),
        eq(auditEvents.id, Number(id)),
        eq(auditEvents.action, 'requests.decided'),
        eq(auditEvents.actorContactId, contactId),
      ),
    );
  return (row?.after as DecisionSummary | undefined) ?? null;
}

/** The request a confirmation link names, while it may still be confirmed. */
export function findSignupLink(token: string) {
  return findUnconfirmedRequest(db, token);
}

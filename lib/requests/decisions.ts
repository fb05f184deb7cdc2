import { sql } from 'drizzle-orm';
import { auditEvents, type AccessRequest } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { uuidArray } from '@/db/sql-helpers';
import { recordAudit } from '@/lib/audit/record';
import { ensureAccounts } from '@/lib/auth/accounts';
import type { Actor } from '@/lib/auth/actor';
import { takenKeys } from '@/lib/contacts/taken';
import { queueWelcomes } from '@/lib/contacts/welcome';
import { insertContacts } from '@/lib/contacts/write';
import { enqueueMail } from '@/lib/mail/outbox';
import { accessRejectedMail } from '@/lib/mail/templates';

/**
 * Who decides: the company's administrator, or (contactId null) the domain's "Aprovar
 * automaticamente" policy, on behalf of the requester, whose e-mail then signs the history.
 */
export type Decider = { companyId: string; companyName: string; contactId: string | null; email: string | null };

/** What happened to one request of a decision. */
export type Outcome =
  | { id: string; outcome: 'approved'; contactId: string; name: string; email: string }
  | { id: string; outcome: 'rejected'; name: string; email: string }
  | { id: string; outcome: 'emailTaken' | 'documentTaken'; name: string; email: string }
  | { id: string; outcome: 'decided'; name: string; email: string; status: AccessRequest['status']; by: string | null }
  | { id: string; outcome: 'notFound' };

type Row = {
  id: string;
  status: AccessRequest['status'];
  name: string;
  email: string;
  country: string;
  document: string;
  area_code: string;
  phone: string;
  consultancy: boolean;
  decided_by_email: string | null;
};

/**
 * The requests named, inside the company, locked until the decision commits: of two
 * administrators deciding the same request, the second waits, then finds it decided. Locked in
 * id order, so two decisions over overlapping selections never deadlock.
 */
async function lockRequests(tx: Executor, companyId: string, ids: string[]): Promise<{ pending: Row[]; others: Outcome[] }> {
  const unique = [...new Set(ids)];
  const found = await tx.execute<Row>(sql`
    select id, status, name, email, country, document, area_code, phone, consultancy, decided_by_email from access_requests
    where company_id = ${companyId} and id = any(${uuidArray(unique)}::uuid[]) and status <> 'unconfirmed'
    order by id for update`);
  const byId = new Map(found.rows.map((r) => [r.id, r]));
  const pending: Row[] = [];
  const others: Outcome[] = [];
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) others.push({ id, outcome: 'notFound' });
    else if (r.status === 'pending') pending.push(r);
    else others.push({ id, outcome: 'decided', name: r.name, email: r.email, status: r.status, by: r.decided_by_email });
  }
  return { pending, others };
}

/**
 * "Aprovar": each pending request becomes a contact with the default permissions under the
 * rules of "Adicionar usuário" as they stand now (an e-mail or document registered meanwhile
 * is refused with its reason; nothing half-written), and the person gets the invitation, or
 * "Acesso liberado" when they already have a password. One request or five hundred, in a
 * fixed number of statements of the caller's transaction.
 */
export async function approveIn(tx: Executor, decider: Decider, ids: string[], opts: { now?: Date; policy?: { domain: string } } = {}): Promise<Outcome[]> {
  const now = opts.now ?? new Date();
  const { pending, others } = await lockRequests(tx, decider.companyId, ids);
  if (pending.length === 0) return others;
  const outcomes: Outcome[] = [...others];

  // The rules of "Adicionar usuário", now: against active contacts, and within the selection.
  const taken = await takenKeys(
    tx,
    decider.companyId,
    // A request from the company's provider has no document ('' matches none).
    pending.map((r) => ({ email: r.email, document: r.document ?? '' })),
  );
  const candidates: Row[] = [];
  const seenDocuments = new Set<string>();
  for (const r of pending) {
    const refusal = taken.emails.has(r.email.toLowerCase())
      ? 'emailTaken'
      : r.document && (taken.documents.has(r.document) || seenDocuments.has(r.document))
        ? 'documentTaken'
        : null;
    if (refusal) outcomes.push({ id: r.id, outcome: refusal, name: r.name, email: r.email });
    else {
      if (r.document) seenDocuments.add(r.document);
      candidates.push(r);
    }
  }
  if (candidates.length === 0) return outcomes;

  const accountByEmail = await ensureAccounts(
    tx,
    candidates.map((r) => r.email),
  );
  const withAccounts = candidates.map((r) => ({ request: r, account: accountByEmail.get(r.email.toLowerCase())! }));
  const actor: Actor = { contactId: decider.contactId, email: decider.email };
  const { ids: contactIds, written } = await insertContacts(
    tx,
    decider.companyId,
    actor,
    withAccounts.map(({ request: r, account }) => ({
      accountId: account.id,
      name: r.name,
      email: r.email,
      country: r.country,
      document: r.document,
      areaCode: r.area_code,
      phone: r.phone,
      consultancy: r.consultancy,
    })),
  );
  const approved = withAccounts.map((p, i) => ({ ...p, contactId: contactIds[i]! })).filter((p) => written.has(p.contactId));
  // Registered by someone else between the check and the insert (the unique indexes decided).
  for (const p of withAccounts.filter((_, i) => !written.has(contactIds[i]!))) {
    outcomes.push({ id: p.request.id, outcome: 'emailTaken', name: p.request.name, email: p.request.email });
  }
  const orphans = withAccounts.filter((p, i) => p.account.created && !written.has(contactIds[i]!)).map((p) => p.account.id);
  if (orphans.length) await tx.execute(sql`delete from accounts where id = any(${uuidArray(orphans)}::uuid[])`);
  if (approved.length === 0) return outcomes;

  await queueWelcomes(
    tx,
    decider,
    approved.map((p) => ({ accountId: p.account.id, contactId: p.contactId, name: p.request.name, email: p.request.email, newAccount: p.account.created })),
    { bulk: approved.length > 1 },
  );
  await tx.execute(sql`
    update access_requests r set status = 'approved', decided_at = ${now}, decided_by_contact_id = ${decider.contactId}::uuid,
      decided_by_email = ${decider.email}, auto_approved = ${Boolean(opts.policy)}, contact_id = a.contact_id
    from jsonb_to_recordset(${JSON.stringify(approved.map((p) => ({ id: p.request.id, contact_id: p.contactId })))}::jsonb) as a(id uuid, contact_id uuid)
    where r.company_id = ${decider.companyId} and r.id = a.id`);
  await recordAudit(
    tx,
    approved.map((p) => ({
      companyId: decider.companyId,
      actor: decider.contactId ? actor : { contactId: null, email: p.request.email },
      action: 'request.approved' as const,
      entityType: 'access_request',
      entityId: p.request.id,
      subjectContactId: p.contactId,
      after: { name: p.request.name, email: p.request.email, ...(opts.policy ? { policy: 'auto', domain: opts.policy.domain } : {}) },
    })),
  );
  for (const p of approved) outcomes.push({ id: p.request.id, outcome: 'approved', contactId: p.contactId, name: p.request.name, email: p.request.email });
  return outcomes;
}

/** "Recusar": the pending requests are closed with the reason (optional), which the requester is sent. */
export async function rejectIn(tx: Executor, decider: Decider & { contactId: string }, ids: string[], reason: string, now = new Date()): Promise<Outcome[]> {
  const { pending, others } = await lockRequests(tx, decider.companyId, ids);
  if (pending.length === 0) return others;
  await tx.execute(sql`
    update access_requests set status = 'rejected', decided_at = ${now}, decided_by_contact_id = ${decider.contactId},
      decided_by_email = ${decider.email}, decision_reason = ${reason || null}
    where company_id = ${decider.companyId} and id = any(${uuidArray(pending.map((r) => r.id))}::uuid[])`);
  await enqueueMail(
    tx,
    pending.map((r) => ({
      ...accessRejectedMail({ companyId: decider.companyId, companyName: decider.companyName, name: r.name, email: r.email, reason }),
      bulk: pending.length > 1,
    })),
  );
  await recordAudit(
    tx,
    pending.map((r) => ({
      companyId: decider.companyId,
      actor: { contactId: decider.contactId, email: decider.email },
      action: 'request.rejected' as const,
      entityType: 'access_request',
      entityId: r.id,
      after: { name: r.name, email: r.email, ...(reason ? { reason } : {}) },
    })),
  );
  return [...others, ...pending.map((r) => ({ id: r.id, outcome: 'rejected' as const, name: r.name, email: r.email }))];
}

export function approveRequests(db: Executor, decider: Decider, ids: string[]): Promise<Outcome[]> {
  return db.transaction((tx) => approveIn(tx, decider, ids));
}

export function rejectRequests(db: Executor, decider: Decider & { contactId: string }, ids: string[], reason: string): Promise<Outcome[]> {
  return db.transaction((tx) => rejectIn(tx, decider, ids, reason));
}

/** A summary line of a decision over several requests (what the page lists after "Aprovar selecionadas"). */
export type SummaryLine = { id: string; name: string | null; email: string | null; outcome: Outcome['outcome'] };

/**
 * "Aprovar selecionadas" / "Recusar selecionadas": the decision, its per-request entries, and
 * one history entry that sums it up, whose id the page shows the summary from. Returns that id.
 */
export async function decideRequests(
  db: Executor,
  decider: Decider & { contactId: string },
  decision: 'approve' | 'reject',
  ids: string[],
  reason = '',
): Promise<{ summaryId: number; outcomes: Outcome[] }> {
  return db.transaction(async (tx) => {
    const outcomes = decision === 'approve' ? await approveIn(tx, decider, ids) : await rejectIn(tx, decider, ids, reason);
    const lines: SummaryLine[] = outcomes.map((o) => ({
      id: o.id,
      name: 'name' in o ? o.name : null,
      email: 'email' in o ? o.email : null,
      outcome: o.outcome,
    }));
    const count = (what: Outcome['outcome']) => outcomes.filter((o) => o.outcome === what).length;
    const [entry] = await tx
      .insert(auditEvents)
      .values({
        companyId: decider.companyId,
        actorContactId: decider.contactId,
        actorEmail: decider.email,
        action: 'requests.decided',
        entityType: 'access_request',
        after: { decision, approved: count('approved'), rejected: count('rejected'), refused: outcomes.length - count('approved') - count('rejected'), lines },
      })
      .returning({ id: auditEvents.id });
    return { summaryId: entry!.id, outcomes };
  });
}

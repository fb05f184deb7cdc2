import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { isUuid } from '@/db/sql-helpers';
import type { AdminContext } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { actorOf } from '@/lib/auth/actor';

/** "Desfazer importação" is offered this long after an import finished. */
export const UNDO_DAYS = 7;
/** How many of the contacts kept are listed, with the reason (the count covers all of them). */
export const UNDO_KEPT_LISTED = 1000;

export const KEPT_REASONS = ['deactivated', 'signedIn', 'acceptedInvitation', 'hasTickets', 'inGroup', 'changed'] as const;
export type KeptReason = (typeof KEPT_REASONS)[number];
/** A kept contact as the job lists it; the e-mail is gone once the erase job has erased that contact. */
export type KeptContact = { id: string; name: string; email?: string; reason: KeptReason };
export type UndoError = 'notFound' | 'notFinished' | 'alreadyUndone' | 'tooLate';
export type UndoResult = { ok: true; removed: number; kept: number } | { ok: false; error: UndoError };

// Why a contact the import created stays: it has been used or looked after since. Setting a
// password after the import (accepting the invitation, even before signing in) counts as use;
// anything in its history other than its creation (and invitations sent again) as a change.
const KEPT = sql`case
    when c.status = 'deactivated' then 'deactivated'
    when c.last_access_at is not null then 'signedIn'
    when exists (select 1 from accounts a where a.id = c.account_id and a.password_changed_at > c.created_at) then 'acceptedInvitation'
    when exists (select 1 from tickets t where t.company_id = c.company_id and t.requester_id = c.id) then 'hasTickets'
    when exists (select 1 from group_members gm where gm.company_id = c.company_id and gm.contact_id = c.id)
      or exists (select 1 from groups g where g.company_id = c.company_id and g.responsible_id = c.id) then 'inGroup'
    when c.is_admin or exists (select 1 from audit_events a where a.company_id = c.company_id and a.subject_contact_id = c.id
      and a.action not in ('contact.created', 'contact.invitation_resent')) then 'changed'
  end`;

/**
 * Removes, in one transaction, the contacts a finished import created that nobody has used or
 * changed since, as "Excluir perfil" would (restorable for 30 days), voids their invitations
 * and cancels their queued e-mails; keeps the others and says why. Set-based: the same few
 * statements for 50 contacts or 50,000.
 */
export async function undoImport(ctx: AdminContext, jobId: string, executor: Executor = db, now = new Date()): Promise<UndoResult> {
  if (!isUuid(jobId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const jobs = await tx.execute<{ status: string; finished_at: Date | null; undone_at: Date | null; file_name: string }>(sql`
      select status, finished_at, undone_at, file_name from import_jobs where company_id = ${ctx.companyId} and id = ${jobId} for update`);
    const job = jobs.rows[0];
    if (!job) return { ok: false as const, error: 'notFound' as const };
    if (job.undone_at) return { ok: false as const, error: 'alreadyUndone' as const };
    if (job.status !== 'done' || !job.finished_at) return { ok: false as const, error: 'notFinished' as const };
    if (new Date(job.finished_at).getTime() < now.getTime() - UNDO_DAYS * 86_400_000) return { ok: false as const, error: 'tooLate' as const };

    // Every contact of the import, locked: a concurrent edit either ends first (and counts as
    // a change) or waits for this to end (and finds the contact removed).
    await tx.execute(sql`
      select id from contacts where company_id = ${ctx.companyId} and import_job_id = ${jobId} and status <> 'removed' order by id for update`);
    const kept = await tx.execute<KeptContact & { total: number }>(sql`
      select id, name, email, reason, count(*) over ()::int as total from (
        select c.id, c.name, c.email, c.name_key, ${KEPT} as reason
        from contacts c where c.company_id = ${ctx.companyId} and c.import_job_id = ${jobId} and c.status <> 'removed'
      ) k where reason is not null
      order by name_key, id
      limit ${UNDO_KEPT_LISTED}`);
    const keptTotal = kept.rows[0]?.total ?? 0;

    const removed = await tx.execute<{ n: number }>(sql`
      with gone as (
        update contacts c set status = 'removed', removed_at = ${now}, sessions_ended_at = ${now}, updated_at = ${now}, version = c.version + 1
        where c.company_id = ${ctx.companyId} and c.import_job_id = ${jobId} and c.status = 'active' and (${KEPT}) is null
        returning c.id, c.account_id, c.name, c.email, c.country, c.document, c.area_code, c.phone, c.consultancy
      ), links as (
        update auth_tokens set used_at = ${now}
        where account_id = any(array(select account_id from gone)) and purpose = 'invite' and used_at is null and company_id = ${ctx.companyId}
      ), mail as (
        update mail_outbox set status = 'cancelled'
        where company_id = ${ctx.companyId} and status = 'pending' and kind in ('invite', 'access_granted')
          and lower(to_address) in (select lower(email) from gone)
      ), history as (
        insert into audit_events (company_id, actor_contact_id, actor_email, action, entity_type, entity_id, subject_contact_id, before, after)
        select ${ctx.companyId}, ${ctx.contactId}, ${ctx.email}, 'contact.removed', 'contact', id, id,
          jsonb_build_object('name', name, 'email', email, 'country', country, 'document', document, 'areaCode', area_code,
            'phone', phone, 'consultancy', consultancy),
          jsonb_build_object('importUndone', ${job.file_name}::text)
        from gone
      )
      select count(*)::int as n from gone`);
    const removedCount = removed.rows[0]?.n ?? 0;

    const keptRows = kept.rows.map(({ id, name, email, reason }) => ({ id, name, email, reason }));
    await tx.execute(sql`
      update import_jobs set undone_at = ${now}, undone_by_contact_id = ${ctx.contactId}, undo_removed = ${removedCount},
        undo_kept = ${keptTotal}, undo_kept_rows = ${JSON.stringify(keptRows)}::jsonb
      where company_id = ${ctx.companyId} and id = ${jobId}`);
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'import.undone',
      entityType: 'import',
      entityId: jobId,
      after: { file: job.file_name, removed: removedCount, kept: keptTotal },
    });
    return { ok: true as const, removed: removedCount, kept: keptTotal };
  });
}

/** Until when a finished import can still be undone; null when it cannot (any more). */
export function undoDeadline(job: { status: string; finishedAt: Date | null; undoneAt: Date | null }, now = Date.now()): Date | null {
  if (job.status !== 'done' || job.undoneAt || !job.finishedAt) return null;
  const until = new Date(job.finishedAt).getTime() + UNDO_DAYS * 86_400_000;
  return until > now ? new Date(until) : null;
}

import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { uniqueViolation } from '@/db/errors';
import { isUuid, uuidArray } from '@/db/sql-helpers';
import { auditEvents, type PermissionKey } from '@/db/schema';
import { recordAudit, type AuditInput } from '@/lib/audit/record';
import { actorOf, type AdminContext } from '@/lib/auth/actor';
import { voidCompanyInvitations } from '@/lib/auth/tokens';
import type { Result } from './mutations';
import { RESTORE_DAYS } from './queries';
import { takenField, takenKeys } from './taken';
import { queueWelcomes } from './welcome';

// The life of a contact after "Adicionar usuário" (PRODUCT.md §2.10): deactivate, reactivate,
// remove, restore, resend the invitation, change permissions or add to a group, for one
// contact or up to BULK_MAX at once. One set of rules serves both: the single-contact action
// is the bulk one over one id, so "12 alterados, 1 não alterado: é o administrador" applies
// exactly the rules the row's own button applies.

export const BULK_MAX = 1000;
// A removed contact can be restored for RESTORE_DAYS; then its personal data is erased (./erase.ts).
export { RESTORE_DAYS };
export { eraseRemovedContacts } from './erase';
const DAY_MS = 86_400_000;

export const BULK_KINDS = ['permissions', 'group', 'invite', 'deactivate', 'remove'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** What happened to one contact of an action: changed, or why not. */
export const ROW_OUTCOMES = [
  'changed',
  'unchanged',
  'notFound',
  'isAdmin',
  'hasOpenTickets',
  'deactivated',
  'alreadyDeactivated',
  'alreadyMember',
  'hasPassword',
] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];
export type BulkLine = { id: string; name: string | null; outcome: RowOutcome };
export type BulkParams = { on?: PermissionKey[]; off?: PermissionKey[]; groupId?: string };

type Locked = {
  id: string;
  account_id: string;
  name: string;
  email: string;
  country: string;
  document: string | null;
  area_code: string | null;
  phone: string | null;
  consultancy: boolean;
  status: 'active' | 'deactivated';
  is_admin: boolean;
};

/** Ids as the database writes them (lower case), each once: "ABC…" and "abc…" are one contact. */
const normalise = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/**
 * The company's contacts among these ids that are not removed, locked for this transaction in
 * id order (two bulk actions over overlapping selections never deadlock; a single edit that
 * started first is waited for). Ids of other companies are simply not found.
 */
async function lockContacts(tx: Executor, companyId: string, ids: string[]): Promise<Map<string, Locked>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const rows = await tx.execute<Locked>(sql`
    select id, account_id, name, email, country, document, area_code, phone, consultancy, status, is_admin from contacts
    where company_id = ${companyId} and id = any(${uuidArray(valid)}::uuid[]) and status <> 'removed'
    order by id
    for update`);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

const snapshot = (c: Locked) => ({
  name: c.name,
  email: c.email,
  country: c.country,
  document: c.document,
  areaCode: c.area_code,
  phone: c.phone,
  consultancy: c.consultancy,
});

function lines(ids: string[], found: Map<string, Locked>, decide: (c: Locked) => RowOutcome): BulkLine[] {
  return [...new Set(ids)].map((id) => {
    const c = found.get(id);
    return { id, name: c?.name ?? null, outcome: c ? decide(c) : 'notFound' };
  });
}

const changedIds = (result: BulkLine[]) => result.filter((l) => l.outcome === 'changed').map((l) => l.id);

/** A history entry about one contact, without what entries() fills in. */
type ContactEntry = Omit<AuditInput, 'companyId' | 'actor' | 'entityType' | 'entityId' | 'subjectContactId'>;

function entries(ctx: AdminContext, ids: string[], entry: (id: string) => ContactEntry) {
  return ids.map((id) => ({ companyId: ctx.companyId, actor: actorOf(ctx), entityType: 'contact', entityId: id, subjectContactId: id, ...entry(id) }));
}

/** "Alterar permissões": the chosen switches on or off, every other one as it was. */
async function permissionsIn(tx: Executor, ctx: AdminContext, ids: string[], on: PermissionKey[], off: PermissionKey[]): Promise<BulkLine[]> {
  const found = await lockContacts(tx, ctx.companyId, ids);
  const current = new Map<string, PermissionKey[]>();
  if (found.size) {
    const rows = await tx.execute<{ contact_id: string; permissions: PermissionKey[] }>(sql`
      select contact_id, array_agg(permission order by permission) as permissions from contact_permissions
      where company_id = ${ctx.companyId} and contact_id = any(${uuidArray([...found.keys()])}::uuid[])
      group by contact_id`);
    for (const r of rows.rows) current.set(r.contact_id, r.permissions);
  }
  const plans = new Map<string, { before: PermissionKey[]; after: PermissionKey[] }>();
  const result = lines(ids, found, (c) => {
    const before = current.get(c.id) ?? [];
    const after = [...new Set([...before, ...on])].filter((p) => !off.includes(p)).sort();
    if (after.join() === before.join()) return 'unchanged';
    plans.set(c.id, { before, after });
    return 'changed';
  });
  const adds = [...plans].flatMap(([id, p]) => p.after.filter((x) => !p.before.includes(x)).map((permission) => ({ id, permission })));
  const drops = [...plans].flatMap(([id, p]) => p.before.filter((x) => !p.after.includes(x)).map((permission) => ({ id, permission })));
  if (drops.length) {
    await tx.execute(sql`
      delete from contact_permissions p using jsonb_to_recordset(${JSON.stringify(drops)}::jsonb) as d(id uuid, permission text)
      where p.company_id = ${ctx.companyId} and p.contact_id = d.id and p.permission = d.permission`);
  }
  if (adds.length) {
    await tx.execute(sql`
      insert into contact_permissions (company_id, contact_id, permission)
      select ${ctx.companyId}, a.id, a.permission from jsonb_to_recordset(${JSON.stringify(adds)}::jsonb) as a(id uuid, permission text)
      on conflict do nothing`);
  }
  await recordAudit(
    tx,
    entries(ctx, [...plans.keys()], (id) => ({
      action: 'contact.permissions_changed',
      before: { permissions: plans.get(id)!.before },
      after: { permissions: plans.get(id)!.after },
    })),
  );
  return result;
}

/** "Adicionar ao grupo": active contacts join the group; deactivated ones and members are left as they are. */
async function groupIn(tx: Executor, ctx: AdminContext, ids: string[], groupId: string): Promise<BulkLine[] | null> {
  if (!isUuid(groupId)) return null;
  const group = await tx.execute<{ id: string; name: string }>(sql`
    select id, name from groups where company_id = ${ctx.companyId} and id = ${groupId} for share`);
  const g = group.rows[0];
  if (!g) return null;
  const found = await lockContacts(tx, ctx.companyId, ids);
  const members = new Set<string>();
  if (found.size) {
    const rows = await tx.execute<{ contact_id: string }>(sql`
      select contact_id from group_members
      where company_id = ${ctx.companyId} and group_id = ${g.id} and contact_id = any(${uuidArray([...found.keys()])}::uuid[])`);
    for (const r of rows.rows) members.add(r.contact_id);
  }
  const result = lines(ids, found, (c) => (c.status === 'deactivated' ? 'deactivated' : members.has(c.id) ? 'alreadyMember' : 'changed'));
  const joining = changedIds(result);
  if (joining.length) {
    await tx.execute(sql`
      insert into group_members (company_id, group_id, contact_id)
      select ${ctx.companyId}, ${g.id}, unnest(${uuidArray(joining)}::uuid[])
      on conflict do nothing`);
    await recordAudit(
      tx,
      joining.map((id) => ({
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'group.members_added' as const,
        entityType: 'group',
        entityId: g.id,
        subjectContactId: id,
        after: { group: g.name, members: [found.get(id)!.name] },
      })),
    );
  }
  return result;
}

/** "Reenviar convite": a new link for whoever has not set a password yet (the earlier link stops working). */
async function inviteIn(tx: Executor, ctx: AdminContext, ids: string[]): Promise<BulkLine[]> {
  const found = await lockContacts(tx, ctx.companyId, ids);
  const withPassword = new Set<string>();
  if (found.size) {
    const rows = await tx.execute<{ id: string }>(sql`
      select id from accounts where id = any(${uuidArray([...found.values()].map((c) => c.account_id))}::uuid[]) and password_hash is not null`);
    for (const r of rows.rows) withPassword.add(r.id);
  }
  const result = lines(ids, found, (c) => (c.status === 'deactivated' ? 'deactivated' : withPassword.has(c.account_id) ? 'hasPassword' : 'changed'));
  const invited = changedIds(result).map((id) => found.get(id)!);
  await queueWelcomes(
    tx,
    ctx,
    invited.map((c) => ({ accountId: c.account_id, contactId: c.id, name: c.name, email: c.email })),
    { bulk: invited.length > 1 },
  );
  await recordAudit(
    tx,
    entries(
      ctx,
      invited.map((c) => c.id),
      () => ({ action: 'contact.invitation_resent' }),
    ),
  );
  return result;
}

/** "Desativar acesso": this company's access ends at once; tickets, groups, history, e-mail and document stay. */
async function deactivateIn(tx: Executor, ctx: AdminContext, ids: string[], now: Date): Promise<BulkLine[]> {
  const found = await lockContacts(tx, ctx.companyId, ids);
  const result = lines(ids, found, (c) => (c.is_admin ? 'isAdmin' : c.status === 'deactivated' ? 'alreadyDeactivated' : 'changed'));
  const ending = changedIds(result);
  if (ending.length === 0) return result;
  // Sessions started before now no longer reach this company, even after a reactivation.
  await tx.execute(sql`
    update contacts set status = 'deactivated', deactivated_at = ${now}, sessions_ended_at = ${now}, updated_at = ${now}, version = version + 1
    where company_id = ${ctx.companyId} and id = any(${uuidArray(ending)}::uuid[])`);
  await voidCompanyInvitations(
    tx,
    ctx.companyId,
    ending.map((id) => found.get(id)!.account_id),
    now,
  );
  await recordAudit(
    tx,
    entries(ctx, ending, () => ({ action: 'contact.deactivated', before: { status: 'active' }, after: { status: 'deactivated' } })),
  );
  return result;
}

/** "Excluir perfil": not the administrator, not with tickets that are not closed (PRODUCT.md §2.6). */
async function removeIn(tx: Executor, ctx: AdminContext, ids: string[], now: Date): Promise<BulkLine[]> {
  const found = await lockContacts(tx, ctx.companyId, ids);
  const withOpenTickets = new Set<string>();
  if (found.size) {
    const rows = await tx.execute<{ requester_id: string }>(sql`
      select distinct requester_id from tickets
      where company_id = ${ctx.companyId} and requester_id = any(${uuidArray([...found.keys()])}::uuid[]) and status <> 'closed'`);
    for (const r of rows.rows) withOpenTickets.add(r.requester_id);
  }
  const result = lines(ids, found, (c) => (c.is_admin ? 'isAdmin' : withOpenTickets.has(c.id) ? 'hasOpenTickets' : 'changed'));
  const leaving = changedIds(result);
  if (leaving.length === 0) return result;
  const list = uuidArray(leaving);
  await tx.execute(sql`
    update contacts set status = 'removed', removed_at = ${now}, sessions_ended_at = ${now}, updated_at = ${now}, version = version + 1
    where company_id = ${ctx.companyId} and id = any(${list}::uuid[])`);
  // Its invitation stops working: a removed contact's link must never set a password.
  await voidCompanyInvitations(
    tx,
    ctx.companyId,
    leaving.map((id) => found.get(id)!.account_id),
    now,
  );
  await tx.execute(sql`delete from group_members where company_id = ${ctx.companyId} and contact_id = any(${list}::uuid[])`);
  await tx.execute(sql`
    update groups set responsible_id = null, updated_at = ${now} where company_id = ${ctx.companyId} and responsible_id = any(${list}::uuid[])`);
  await recordAudit(
    tx,
    entries(ctx, leaving, (id) => ({ action: 'contact.removed', before: snapshot(found.get(id)!) })),
  );
  return result;
}

async function runIn(tx: Executor, ctx: AdminContext, kind: BulkKind, ids: string[], params: BulkParams, now: Date): Promise<BulkLine[] | null> {
  switch (kind) {
    case 'permissions':
      return permissionsIn(tx, ctx, ids, params.on ?? [], params.off ?? []);
    case 'group':
      return groupIn(tx, ctx, ids, params.groupId ?? '');
    case 'invite':
      return inviteIn(tx, ctx, ids);
    case 'deactivate':
      return deactivateIn(tx, ctx, ids, now);
    case 'remove':
      return removeIn(tx, ctx, ids, now);
  }
}

export type BulkSummary = { kind: BulkKind; changed: number; lines: BulkLine[]; groupName?: string };
export type BulkResult = { ok: true; summaryId: number; summary: BulkSummary } | { ok: false; error: 'groupNotFound' | 'tooMany' };

/**
 * One action over up to BULK_MAX contacts, row by row with the single-contact rules, in one
 * transaction, with one history entry per contact changed and one more holding the summary
 * (the page shows it from its id, to the administrator who acted only).
 */
export async function runBulkAction(
  ctx: AdminContext,
  kind: BulkKind,
  ids: string[],
  params: BulkParams = {},
  executor: Executor = db,
  now = new Date(),
): Promise<BulkResult> {
  const unique = normalise(ids);
  if (unique.length > BULK_MAX) return { ok: false, error: 'tooMany' };
  return executor.transaction(async (tx) => {
    const result = await runIn(tx, ctx, kind, unique, params, now);
    if (!result) return { ok: false as const, error: 'groupNotFound' as const };
    const summary: BulkSummary = { kind, changed: changedIds(result).length, lines: result };
    const [entry] = await tx
      .insert(auditEvents)
      .values({
        companyId: ctx.companyId,
        actorContactId: ctx.contactId,
        actorEmail: ctx.email,
        action: 'contacts.bulk',
        entityType: 'contact',
        after: { ...summary, ...(params.on?.length || params.off?.length ? { on: params.on, off: params.off } : {}) },
      })
      .returning({ id: auditEvents.id });
    return { ok: true as const, summaryId: entry!.id, summary };
  });
}

/** The single-contact answer of a row's outcome. */
function single(line: BulkLine | undefined): Result {
  if (line?.outcome === 'changed' || line?.outcome === 'unchanged' || line?.outcome === 'alreadyDeactivated') return { ok: true };
  return { ok: false, error: (line?.outcome ?? 'notFound') as never };
}

export async function deactivateContact(ctx: AdminContext, contactId: string, executor: Executor = db, now = new Date()): Promise<Result> {
  return executor.transaction(async (tx) => single((await deactivateIn(tx, ctx, normalise([contactId]), now))[0]));
}

export async function removeContact(ctx: AdminContext, contactId: string, executor: Executor = db, now = new Date()): Promise<Result> {
  return executor.transaction(async (tx) => single((await removeIn(tx, ctx, normalise([contactId]), now))[0]));
}

export async function resendInvitation(ctx: AdminContext, contactId: string, executor: Executor = db): Promise<Result> {
  return executor.transaction(async (tx) => single((await inviteIn(tx, ctx, normalise([contactId])))[0]));
}

type Restorable = Locked & { status: 'removed' | 'deactivated' | 'active'; removed_at: Date | null; erased_at: Date | null };

/**
 * "Reativar acesso" and "Restaurar": the contact is active again (`cleared` names the date that
 * said why it was not), the person is told (a new invitation to whoever never set a password,
 * "Acesso liberado" otherwise) and the history says so.
 */
async function giveAccessBack(tx: Executor, ctx: AdminContext, c: Locked, cleared: 'deactivated_at' | 'removed_at', entry: ContactEntry, now: Date) {
  await tx.execute(sql`
    update contacts set status = 'active', ${sql.raw(cleared)} = null, updated_at = ${now}, version = version + 1
    where company_id = ${ctx.companyId} and id = ${c.id}`);
  await queueWelcomes(tx, ctx, [{ accountId: c.account_id, contactId: c.id, name: c.name, email: c.email }]);
  await recordAudit(
    tx,
    entries(ctx, [c.id], () => entry),
  );
}

/**
 * "Reativar acesso": the contact uses the company again. Sessions from before the deactivation
 * stay ended; a person who never set a password gets a new invitation ("Acesso liberado"
 * otherwise).
 */
export async function reactivateContact(ctx: AdminContext, contactId: string, executor: Executor = db, now = new Date()): Promise<Result> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const found = await lockContacts(tx, ctx.companyId, [contactId]);
    const c = found.get(contactId.toLowerCase());
    if (!c) return { ok: false as const, error: 'notFound' as const };
    if (c.status === 'active') return { ok: true as const };
    await giveAccessBack(tx, ctx, c, 'deactivated_at', { action: 'contact.reactivated', before: { status: 'deactivated' }, after: { status: 'active' } }, now);
    return { ok: true as const };
  });
}

export type RestoreError = 'notFound' | 'expired' | 'emailTaken' | 'documentTaken';

/**
 * "Restaurar" a contact removed less than RESTORE_DAYS ago: back as it was (permissions,
 * tickets, history; not the groups it left), refused when its e-mail or document was
 * registered again meanwhile. The person is told, as a new contact would be.
 */
export async function restoreContact(
  ctx: AdminContext,
  contactId: string,
  executor: Executor = db,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: RestoreError }> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  try {
    return await executor.transaction(async (tx) => {
      const rows = await tx.execute<Restorable>(sql`
        select id, account_id, name, email, country, document, area_code, phone, consultancy, status, is_admin, removed_at, erased_at
        from contacts where company_id = ${ctx.companyId} and id = ${contactId} and status = 'removed'
        for update`);
      const c = rows.rows[0];
      if (!c || c.erased_at) return { ok: false as const, error: 'notFound' as const };
      if (!c.removed_at || new Date(c.removed_at).getTime() < now.getTime() - RESTORE_DAYS * DAY_MS) return { ok: false as const, error: 'expired' as const };
      const taken = takenField(await takenKeys(tx, ctx.companyId, [{ email: c.email, document: c.document ?? '' }]), {
        email: c.email,
        document: c.document ?? '',
      });
      if (taken) return { ok: false as const, error: taken === 'email' ? ('emailTaken' as const) : ('documentTaken' as const) };
      await giveAccessBack(tx, ctx, c, 'removed_at', { action: 'contact.restored', after: snapshot(c) }, now);
      return { ok: true as const };
    });
  } catch (err) {
    // Registered by someone else between the check and the update.
    const constraint = uniqueViolation(err);
    if (constraint === 'contacts_active_email_key') return { ok: false, error: 'emailTaken' };
    if (constraint === 'contacts_active_document_key') return { ok: false, error: 'documentTaken' };
    throw err;
  }
}

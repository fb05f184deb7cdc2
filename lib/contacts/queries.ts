import 'server-only';
import { and, arrayContains, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { containsFolded, isUuid } from '@/db/sql-helpers';
import { contactCounts, contacts, groupMembers, tickets, type PermissionKey } from '@/db/schema';

import { CONTACT_SORTS, NO_FILTERS, type ContactFilters, type ContactSort, type ContactView, type ReviewKind } from './schema';

export { CONTACT_SORTS, type ContactSort, type ContactView };
/** A removed contact is listed under "Removidos", and can be restored, for this long. */
export const RESTORE_DAYS = 30;
const DAY_MS = 86_400_000;
export const PAGE_SIZES = [25, 50, 100] as const;
export const SEARCH_COUNT_CAP = 1000;
/** A filter without a search counts this far: 400 pages of 25 reachable, at a bounded cost. */
export const FILTER_COUNT_CAP = 10_000;

export type ContactListParams = {
  q?: string;
  sort?: ContactSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  status?: ContactView;
  filters?: ContactFilters;
};

export type ContactListRow = {
  id: string;
  name: string;
  email: string;
  country: string;
  document: string | null;
  areaCode: string | null;
  phone: string | null;
  isAdmin: boolean;
  status: ContactView;
  lastAccessAt: Date | null;
  createdAt: Date;
  removedAt: Date | null;
  /** Never set a password: the invitation is still open (or was never used). */
  invitationPending: boolean;
};

/**
 * Name, e-mail or document contain the term, without regard to case or accents. One
 * trigram-indexed column (search_key) holds all three. A term of digits and CPF mask
 * characters only ("529.982.247-25") is searched by its digits.
 */
export function contactSearchCondition(q: string): SQL | undefined {
  const term = q.trim().slice(0, 100);
  if (!term) return undefined;
  const digitsOnly = /^[\d.\-\s/]+$/.test(term) && /\d/.test(term);
  const needle = digitsOnly ? term.replace(/\D/g, '') : term;
  return containsFolded(contacts.searchKey, needle);
}

/**
 * The list's filters as a condition, on the contact's row alone: role, consultancy, the last
 * access ("Último acesso": in the last 30 days, more than 90 days ago, never), and the copies
 * the triggers of migration 0016 keep: the invitation is pending while the account never set
 * a password (as the list's badge says), and the permissions held (every one asked).
 */
export function filterCondition(f: ContactFilters, now = new Date()): SQL | undefined {
  return and(
    f.access === '30'
      ? sql`${contacts.lastAccessAt} >= ${new Date(now.getTime() - 30 * DAY_MS)}`
      : f.access === '90'
        ? sql`${contacts.lastAccessAt} < ${new Date(now.getTime() - 90 * DAY_MS)}`
        : f.access === 'never'
          ? sql`${contacts.lastAccessAt} is null`
          : undefined,
    f.role === 'admin' ? eq(contacts.isAdmin, true) : f.role === 'user' ? eq(contacts.isAdmin, false) : undefined,
    f.consultancy ? eq(contacts.consultancy, f.consultancy === 'yes') : undefined,
    f.invitation ? eq(contacts.invitationPending, f.invitation === 'pending') : undefined,
    f.perms.length ? arrayContains(contacts.permissions, f.perms) : undefined,
  );
}

const listColumns = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  country: contacts.country,
  document: contacts.document,
  areaCode: contacts.areaCode,
  phone: contacts.phone,
  isAdmin: contacts.isAdmin,
  status: contacts.status,
  lastAccessAt: contacts.lastAccessAt,
  createdAt: contacts.createdAt,
  removedAt: contacts.removedAt,
  invitationPending: contacts.invitationPending,
};

/** Which contacts a view lists: removed ones only while they can still be restored. */
export function viewCondition(view: ContactView, now = new Date()): SQL {
  if (view === 'removed') {
    return and(
      eq(contacts.status, 'removed'),
      sql`${contacts.erasedAt} is null`,
      sql`${contacts.removedAt} > ${new Date(now.getTime() - RESTORE_DAYS * DAY_MS)}`,
    )!;
  }
  return eq(contacts.status, view);
}

/** The company's contacts of one view (active by default), one page; tenant-scoped by companyId. */
export async function listContacts(companyId: string, params: ContactListParams, executor: Executor = db) {
  const pageSize = PAGE_SIZES.includes(params.pageSize as never) ? params.pageSize! : PAGE_SIZES[0];
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const search = contactSearchCondition(params.q ?? '');
  const filtered = filterCondition(params.filters ?? NO_FILTERS);
  const view = params.status ?? 'active';
  const where = and(eq(contacts.companyId, companyId), viewCondition(view), search, filtered);
  // Only the active count is kept by triggers; the other views are usually short and counted
  // through their own index (contacts_lifecycle_idx), capped as a search is. A filter without
  // a search is counted up to 10,000 ("Convite pendente": 3.000), so that its pages can be
  // reached, without counting a whole company on every page (bench/README.md).
  const capped = Boolean(search) || Boolean(filtered) || view !== 'active';
  const cap = search || view !== 'active' ? SEARCH_COUNT_CAP : FILTER_COUNT_CAP;
  const sortColumn = {
    name: contacts.nameKey,
    email: contacts.emailKey,
    document: contacts.document,
  }[params.sort ?? 'name'];
  const order = params.dir === 'desc' ? desc : asc;
  // Deferred join: the page's ids come from an index-only scan of the sort index (a deep
  // page costs milliseconds, not a sort of the whole company); then only 25 rows are read.
  const pageIds = executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(where)
    .orderBy(order(sortColumn), order(contacts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as('page_ids');
  const [rows, [count]] = await Promise.all([
    executor
      .select(listColumns)
      .from(pageIds)
      .innerJoin(contacts, and(eq(contacts.companyId, companyId), eq(contacts.id, pageIds.id)))
      .orderBy(order(sortColumn), order(contacts.id)),
    // A search counts at most SEARCH_COUNT_CAP + 1 matches: "mais de 1.000" is as useful as
    // the exact figure and does not cost a full scan for a one-letter search; a filter alone,
    // FILTER_COUNT_CAP + 1.
    capped
      ? executor.select({ n: sql<number>`count(*)::int` }).from(
          executor
            .select({ one: sql`1` })
            .from(contacts)
            .where(where)
            .limit(cap + 1)
            .as('matches'),
        )
      : executor.select({ n: contactCounts.active }).from(contactCounts).where(eq(contactCounts.companyId, companyId)),
  ]);
  const total = count?.n ?? 0;
  return {
    rows: rows as ContactListRow[],
    total: Math.min(total, capped ? cap : total),
    moreThanTotal: capped && total > cap,
    page,
    pageSize,
  };
}

export type ContactDetail = ContactListRow & { consultancy: boolean; version: number; permissions: PermissionKey[] };

/** One contact of the company, active or deactivated, or null: an id from another company is simply not found. */
export async function getContact(companyId: string, id: string, executor: Executor = db): Promise<ContactDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select({ ...listColumns, consultancy: contacts.consultancy, version: contacts.version, permissions: contacts.permissions })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id), ne(contacts.status, 'removed')));
  return row ?? null;
}

export async function countOpenTickets(companyId: string, contactId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), eq(tickets.requesterId, contactId), ne(tickets.status, 'closed')));
  return row?.n ?? 0;
}

export const TRANSFER_TARGETS_SHOWN = 200;
/** What the type-ahead of a picker shows at a time: enough to choose, few enough to read. */
export const PICKER_SHOWN = 20;

export type PickablePerson = { id: string; name: string; email: string };

/**
 * The company's active contacts matching a search, in name order, at most `limit` + 1 (the
 * caller says "more" when it gets the extra one): the people every picker offers (group
 * responsible, transfer of tickets, group members). `exceptId` leaves one person out (the
 * contact whose tickets move); `notInGroup` leaves out a group's members.
 */
export async function pickableContacts(
  companyId: string,
  opts: { q: string; exceptId?: string; notInGroup?: string; limit: number },
  executor: Executor = db,
): Promise<PickablePerson[]> {
  // Deferred join, as the list's: the ids from an index-only scan of the name index, which
  // carries the search key (migration 0016), so rows that do not match are never read.
  const ids = executor
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.companyId, companyId),
        eq(contacts.status, 'active'),
        opts.exceptId && isUuid(opts.exceptId) ? ne(contacts.id, opts.exceptId) : undefined,
        opts.notInGroup && isUuid(opts.notInGroup)
          ? sql`not exists (select 1 from ${groupMembers} where ${groupMembers.companyId} = ${contacts.companyId} and ${groupMembers.groupId} = ${opts.notInGroup} and ${groupMembers.contactId} = ${contacts.id})`
          : undefined,
        contactSearchCondition(opts.q),
      ),
    )
    .orderBy(contacts.nameKey, contacts.id)
    .limit(opts.limit + 1)
    .as('picked');
  return executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(ids)
    .innerJoin(contacts, and(eq(contacts.companyId, companyId), eq(contacts.id, ids.id)))
    .orderBy(contacts.nameKey, contacts.id);
}

/** Other active contacts to receive tickets, narrowed by an optional search. */
export async function transferTargets(companyId: string, exceptId: string, q: string, executor: Executor = db) {
  return pickableContacts(companyId, { q, exceptId, limit: TRANSFER_TARGETS_SHOWN }, executor);
}

export const EXPORT_BATCH = 2000;

/** The company's active contacts in name order, a batch at a time (keyset: no deep offsets). */
export async function* exportContacts(companyId: string, executor: Executor = db) {
  let after: { nameKey: string; id: string } | null = null;
  for (;;) {
    const batch: {
      nameKey: string | null;
      id: string;
      country: string;
      name: string;
      document: string | null;
      areaCode: string | null;
      phone: string | null;
      email: string;
      consultancy: boolean;
    }[] = await executor
      .select({
        nameKey: contacts.nameKey,
        id: contacts.id,
        country: contacts.country,
        name: contacts.name,
        document: contacts.document,
        areaCode: contacts.areaCode,
        phone: contacts.phone,
        email: contacts.email,
        consultancy: contacts.consultancy,
      })
      .from(contacts)
      .where(
        and(
          eq(contacts.companyId, companyId),
          eq(contacts.status, 'active'),
          after ? sql`(${contacts.nameKey}, ${contacts.id}) > (${after.nameKey}, ${after.id})` : undefined,
        ),
      )
      .orderBy(contacts.nameKey, contacts.id)
      .limit(EXPORT_BATCH);
    if (batch.length === 0) return;
    yield batch;
    const last = batch[batch.length - 1]!;
    after = { nameKey: last.nameKey ?? '', id: last.id };
    if (batch.length < EXPORT_BATCH) return;
  }
}

/** A removed contact that can still be restored ("Restaurar"), or null. */
export async function getRemovedContact(companyId: string, id: string, executor: Executor = db): Promise<ContactListRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select(listColumns)
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id), viewCondition('removed')));
  return (row as ContactListRow | undefined) ?? null;
}

export const REVIEW_PAGE_SIZE = 25;
export type ReviewParams = { days: number; kind: ReviewKind; page?: number };

/** "Revisão de acessos": who never signed in since invited N days ago, or not in N days. */
function reviewWhere(companyId: string, params: ReviewParams, now: Date): SQL {
  const cutoff = new Date(now.getTime() - params.days * DAY_MS);
  return and(
    eq(contacts.companyId, companyId),
    eq(contacts.status, 'active'),
    // The expression of contacts_review_idx: one index range for both kinds.
    sql`coalesce(${contacts.lastAccessAt}, ${contacts.createdAt}) < ${cutoff}`,
    params.kind === 'never' ? sql`${contacts.lastAccessAt} is null` : params.kind === 'inactive' ? sql`${contacts.lastAccessAt} is not null` : undefined,
  )!;
}

/** The review's page, oldest sign of life first, with the count. */
export async function reviewContacts(companyId: string, params: ReviewParams, executor: Executor = db, now = new Date()) {
  const where = reviewWhere(companyId, params, now);
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const order = [sql`coalesce(${contacts.lastAccessAt}, ${contacts.createdAt})`, contacts.id];
  const [rows, [count]] = await Promise.all([
    executor
      .select(listColumns)
      .from(contacts)
      .where(where)
      .orderBy(...order)
      .limit(REVIEW_PAGE_SIZE)
      .offset((page - 1) * REVIEW_PAGE_SIZE),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(where),
  ]);
  return { rows: rows as ContactListRow[], total: count?.n ?? 0, page, pageSize: REVIEW_PAGE_SIZE };
}

/** A selection for an action over many contacts: ids picked on a page, or everyone a list or review shows. */
export type Selection =
  { by: 'ids'; ids: string[] } | { by: 'list'; q: string; status: ContactView; filters: ContactFilters } | { by: 'review'; days: number; kind: ReviewKind };

/**
 * The contacts a selection names, in name order, at most `limit` + 1 of them (the caller
 * refuses more than its limit). Ids from elsewhere are dropped: only the company's own count.
 */
export async function selectedContacts(companyId: string, selection: Selection, limit: number, executor: Executor = db, now = new Date()) {
  const where =
    selection.by === 'ids'
      ? and(
          eq(contacts.companyId, companyId),
          ne(contacts.status, 'removed'),
          inArray(contacts.id, [...new Set(selection.ids.filter(isUuid))].slice(0, limit + 1)),
        )
      : selection.by === 'list'
        ? and(
            eq(contacts.companyId, companyId),
            viewCondition(selection.status, now),
            contactSearchCondition(selection.q),
            filterCondition(selection.filters, now),
          )
        : reviewWhere(companyId, { days: selection.days, kind: selection.kind }, now);
  if (selection.by === 'ids' && selection.ids.filter(isUuid).length === 0) return [];
  return executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, isAdmin: contacts.isAdmin, status: contacts.status })
    .from(contacts)
    .where(where)
    .orderBy(contacts.nameKey, contacts.id)
    .limit(limit + 1);
}

/** The summary of an action over many contacts, for the administrator who ran it only. */
export async function bulkSummary(companyId: string, contactId: string, id: string, executor: Executor = db) {
  if (!/^\d{1,15}$/.test(id)) return null;
  const rows = await executor.execute<{ after: unknown }>(sql`
    select after from audit_events
    where company_id = ${companyId} and id = ${Number(id)} and action = 'contacts.bulk' and actor_contact_id = ${contactId}`);
  return (rows.rows[0]?.after as import('./lifecycle').BulkSummary | undefined) ?? null;
}

/** The name of the company's administrator (one, always active). */
export async function companyAdminName(companyId: string, executor: Executor = db): Promise<string | null> {
  const [row] = await executor
    .select({ name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.isAdmin, true), eq(contacts.status, 'active')));
  return row?.name ?? null;
}

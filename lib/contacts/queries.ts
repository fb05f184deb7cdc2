import 'server-only';
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { containsFolded, isUuid } from '@/db/sql-helpers';
import { contactCounts, contactPermissions, contacts, tickets, type PermissionKey } from '@/db/schema';

import { CONTACT_SORTS, type ContactSort } from './schema';

export { CONTACT_SORTS, type ContactSort };
export const PAGE_SIZES = [25, 50, 100] as const;
export const SEARCH_COUNT_CAP = 1000;

export type ContactListParams = { q?: string; sort?: ContactSort; dir?: 'asc' | 'desc'; page?: number; pageSize?: number };

export type ContactListRow = {
  id: string;
  name: string;
  email: string;
  country: string;
  document: string | null;
  areaCode: string | null;
  phone: string | null;
  isAdmin: boolean;
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

const listColumns = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  country: contacts.country,
  document: contacts.document,
  areaCode: contacts.areaCode,
  phone: contacts.phone,
  isAdmin: contacts.isAdmin,
};

/** The company's active contacts, one page; tenant-scoped by companyId. */
export async function listContacts(companyId: string, params: ContactListParams, executor: Executor = db) {
  const pageSize = PAGE_SIZES.includes(params.pageSize as never) ? params.pageSize! : PAGE_SIZES[0];
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const search = contactSearchCondition(params.q ?? '');
  const where = and(eq(contacts.companyId, companyId), eq(contacts.status, 'active'), search);
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
    // the exact figure and does not cost a full scan for a one-letter search.
    search
      ? executor.select({ n: sql<number>`count(*)::int` }).from(
          executor
            .select({ one: sql`1` })
            .from(contacts)
            .where(where)
            .limit(SEARCH_COUNT_CAP + 1)
            .as('matches'),
        )
      : executor.select({ n: contactCounts.active }).from(contactCounts).where(eq(contactCounts.companyId, companyId)),
  ]);
  const total = count?.n ?? 0;
  return {
    rows: rows as ContactListRow[],
    total: Math.min(total, search ? SEARCH_COUNT_CAP : total),
    moreThanTotal: Boolean(search) && total > SEARCH_COUNT_CAP,
    page,
    pageSize,
  };
}

export type ContactDetail = ContactListRow & { consultancy: boolean; version: number; permissions: PermissionKey[] };

/** One active contact of the company, or null: an id from another company is simply not found. */
export async function getContact(companyId: string, id: string, executor: Executor = db): Promise<ContactDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select({ ...listColumns, consultancy: contacts.consultancy, version: contacts.version })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id), eq(contacts.status, 'active')));
  if (!row) return null;
  const permissions = await executor
    .select({ p: contactPermissions.permission })
    .from(contactPermissions)
    .where(and(eq(contactPermissions.companyId, companyId), eq(contactPermissions.contactId, id)));
  return { ...row, permissions: permissions.map((r) => r.p) };
}

export async function countOpenTickets(companyId: string, contactId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), eq(tickets.requesterId, contactId), ne(tickets.status, 'closed')));
  return row?.n ?? 0;
}

export const TRANSFER_TARGETS_SHOWN = 200;

/** Other active contacts to receive tickets, narrowed by an optional search. */
export async function transferTargets(companyId: string, exceptId: string, q: string, executor: Executor = db) {
  return executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.status, 'active'), ne(contacts.id, exceptId), contactSearchCondition(q)))
    .orderBy(contacts.nameKey, contacts.id)
    .limit(TRANSFER_TARGETS_SHOWN + 1);
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

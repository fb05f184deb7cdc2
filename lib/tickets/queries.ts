import 'server-only';
import { aliasedTable, and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { isUuid } from '@/db/sql-helpers';
import { contacts, groupMembers, groups, tickets } from '@/db/schema';
import type { Viewer } from '@/lib/auth/actor';
import { ticketScope } from './visibility';
import type { TicketStatus } from './schema';

/** The SQL form of ticketScope(): null means the person sees no ticket at all. */
function visibleTo(companyId: string, viewer: Viewer): SQL | null {
  const scope = ticketScope(viewer);
  if (scope.kind === 'none') return null;
  const company = eq(tickets.companyId, companyId);
  if (scope.kind === 'all') return company;
  const myGroups = db
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.companyId, companyId), eq(groupMembers.contactId, scope.requesterId)));
  return and(
    company,
    or(
      eq(tickets.requesterId, scope.requesterId),
      scope.allBpo ? eq(tickets.category, 'bpo') : undefined,
      scope.viaGroups ? inArray(tickets.groupId, myGroups) : undefined,
    ),
  )!;
}

const requester = aliasedTable(contacts, 'requester');

const ticketColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  category: tickets.category,
  status: tickets.status,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  requesterId: tickets.requesterId,
  requesterName: requester.name,
  groupId: tickets.groupId,
  groupName: groups.name,
};

export const TICKETS_PAGE_SIZE = 25;

export async function listTickets(companyId: string, viewer: Viewer, opts: { status?: TicketStatus | 'active'; page?: number } = {}, executor: Executor = db) {
  const visible = visibleTo(companyId, viewer);
  if (!visible) return { rows: [], total: 0, page: 1, restricted: true as const };
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const statusFilter = opts.status === 'active' ? sql`${tickets.status} <> 'closed'` : opts.status ? eq(tickets.status, opts.status) : undefined;
  const where = and(visible, statusFilter);
  const [rows, [count]] = await Promise.all([
    executor
      .select(ticketColumns)
      .from(tickets)
      .innerJoin(requester, and(eq(requester.companyId, tickets.companyId), eq(requester.id, tickets.requesterId)))
      .leftJoin(groups, and(eq(groups.companyId, tickets.companyId), eq(groups.id, tickets.groupId)))
      .where(where)
      .orderBy(desc(tickets.number))
      .limit(TICKETS_PAGE_SIZE)
      .offset((page - 1) * TICKETS_PAGE_SIZE),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0, page, restricted: false as const };
}

/** One ticket, only if the person may see it; otherwise null (shown as not found). */
export async function getTicket(companyId: string, viewer: Viewer, id: string, executor: Executor = db) {
  const visible = visibleTo(companyId, viewer);
  if (!visible || !isUuid(id)) return null;
  const [row] = await executor
    .select({ ...ticketColumns, description: tickets.description, closedAt: tickets.closedAt, requesterEmail: requester.email })
    .from(tickets)
    .innerJoin(requester, and(eq(requester.companyId, tickets.companyId), eq(requester.id, tickets.requesterId)))
    .leftJoin(groups, and(eq(groups.companyId, tickets.companyId), eq(groups.id, tickets.groupId)))
    .where(and(visible, eq(tickets.id, id)));
  return row ?? null;
}

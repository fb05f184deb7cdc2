import 'server-only';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { authTokens, contacts, groupMembers, groups, tickets } from '@/db/schema';

/** Tickets shown per state on the contact's page; the counts say how many there are in all. */
export const OVERVIEW_TICKETS = 10;

export type OverviewTicket = { id: string; number: number; subject: string; status: 'open' | 'in_progress' | 'closed'; createdAt: Date; closedAt: Date | null };

export type ContactOverview = {
  deactivatedAt: Date | null;
  groups: { id: string; name: string; inDisuse: boolean; restricted: boolean }[];
  openTickets: OverviewTicket[];
  closedTickets: OverviewTicket[];
  openCount: number;
  closedCount: number;
  /** The newest invitation still usable (sent, not used, not voided, not expired); null when none is. */
  invitation: { sentAt: Date; expiresAt: Date } | null;
};

const ticketColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  createdAt: tickets.createdAt,
  closedAt: tickets.closedAt,
};

/** What the contact's page shows besides the contact itself: groups, tickets, the invitation. Every read is by the company and the contact. */
export async function contactOverview(companyId: string, contactId: string, executor: Executor = db, now = new Date()): Promise<ContactOverview> {
  const byRequester = and(eq(tickets.companyId, companyId), eq(tickets.requesterId, contactId));
  const [[contact], memberOf, open, closed, [counts], [invitation]] = await Promise.all([
    executor
      .select({ deactivatedAt: contacts.deactivatedAt, accountId: contacts.accountId })
      .from(contacts)
      .where(and(eq(contacts.companyId, companyId), eq(contacts.id, contactId))),
    executor
      .select({ id: groups.id, name: groups.name, inDisuse: groups.inDisuse, restricted: groups.restricted })
      .from(groupMembers)
      .innerJoin(groups, and(eq(groups.companyId, groupMembers.companyId), eq(groups.id, groupMembers.groupId)))
      .where(and(eq(groupMembers.companyId, companyId), eq(groupMembers.contactId, contactId)))
      .orderBy(asc(groups.name)),
    executor
      .select(ticketColumns)
      .from(tickets)
      .where(and(byRequester, ne(tickets.status, 'closed')))
      .orderBy(desc(tickets.createdAt))
      .limit(OVERVIEW_TICKETS),
    executor
      .select(ticketColumns)
      .from(tickets)
      .where(and(byRequester, eq(tickets.status, 'closed')))
      .orderBy(desc(tickets.closedAt), desc(tickets.createdAt))
      .limit(OVERVIEW_TICKETS),
    executor
      .select({
        open: sql<number>`count(*) filter (where ${tickets.status} <> 'closed')::int`,
        closed: sql<number>`count(*) filter (where ${tickets.status} = 'closed')::int`,
      })
      .from(tickets)
      .where(byRequester),
    executor
      .select({ sentAt: authTokens.createdAt, expiresAt: authTokens.expiresAt })
      .from(authTokens)
      .innerJoin(contacts, and(eq(contacts.companyId, companyId), eq(contacts.id, contactId), eq(contacts.accountId, authTokens.accountId)))
      .where(
        and(
          eq(authTokens.purpose, 'invite'),
          isNull(authTokens.usedAt),
          eq(authTokens.companyId, companyId),
          eq(authTokens.contactId, contactId),
          sql`${authTokens.expiresAt} > ${now}`,
        ),
      )
      .orderBy(desc(authTokens.createdAt))
      .limit(1),
  ]);
  return {
    deactivatedAt: contact?.deactivatedAt ?? null,
    groups: memberOf,
    openTickets: open,
    closedTickets: closed,
    openCount: counts?.open ?? 0,
    closedCount: counts?.closed ?? 0,
    invitation: invitation ?? null,
  };
}

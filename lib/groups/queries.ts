import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { contacts, groupEmails, groupMembers, groups } from '@/db/schema';
import { containsFolded, isUuid } from '@/db/sql-helpers';
import { pickableContacts } from '@/lib/contacts/queries';

export type GroupFilter = { q?: string; show?: 'active' | 'disused' | 'all' };

const memberCount = sql<number>`(
  select count(*)::int from ${groupMembers} gm
  join ${contacts} c on c.company_id = gm.company_id and c.id = gm.contact_id and c.status = 'active'
  where gm.company_id = ${groups.companyId} and gm.group_id = ${groups.id})`;

const groupColumns = {
  id: groups.id,
  name: groups.name,
  type: groups.type,
  inDisuse: groups.inDisuse,
  restricted: groups.restricted,
  mailbox: groups.mailbox,
  responsibleName: contacts.name,
};

/** The company's groups; groups in disuse only when asked for. */
export async function listGroups(companyId: string, filter: GroupFilter = {}, executor: Executor = db) {
  const q = filter.q?.trim().slice(0, 100);
  const show = filter.show ?? 'active';
  return executor
    .select({ ...groupColumns, members: memberCount })
    .from(groups)
    .leftJoin(contacts, and(eq(contacts.companyId, groups.companyId), eq(contacts.id, groups.responsibleId)))
    .where(
      and(
        eq(groups.companyId, companyId),
        show === 'all' ? undefined : eq(groups.inDisuse, show === 'disused'),
        q ? containsFolded(sql`portaria_fold(${groups.name})`, q) : undefined,
      ),
    )
    .orderBy(sql`portaria_fold(${groups.name})`);
}

export async function getGroup(companyId: string, id: string, executor: Executor = db) {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select({ ...groupColumns, responsibleId: groups.responsibleId, version: groups.version })
    .from(groups)
    .leftJoin(contacts, and(eq(contacts.companyId, groups.companyId), eq(contacts.id, groups.responsibleId)))
    .where(and(eq(groups.companyId, companyId), eq(groups.id, id)));
  return row ?? null;
}

/** The group's members, deactivated ones included (they keep their groups; they are not notified). */
export async function listGroupMembers(companyId: string, groupId: string, executor: Executor = db) {
  return executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, deactivated: sql<boolean>`${contacts.status} = 'deactivated'` })
    .from(groupMembers)
    .innerJoin(contacts, and(eq(contacts.companyId, groupMembers.companyId), eq(contacts.id, groupMembers.contactId), ne(contacts.status, 'removed')))
    .where(and(eq(groupMembers.companyId, companyId), eq(groupMembers.groupId, groupId)))
    .orderBy(contacts.nameKey);
}

export async function listGroupEmails(companyId: string, groupId: string, executor: Executor = db) {
  return executor
    .select({ id: groupEmails.id, email: groupEmails.email })
    .from(groupEmails)
    .where(and(eq(groupEmails.companyId, companyId), eq(groupEmails.groupId, groupId)))
    .orderBy(asc(sql`lower(${groupEmails.email})`));
}

export const MEMBER_CANDIDATES_SHOWN = 50;

/** Active contacts who are not yet members, narrowed by a search. */
export async function memberCandidates(companyId: string, groupId: string, q: string, executor: Executor = db) {
  return pickableContacts(companyId, { q, notInGroup: groupId, limit: MEMBER_CANDIDATES_SHOWN }, executor);
}

/** Groups that may receive tickets or be chosen in lists: not in disuse. */
export async function selectableGroups(companyId: string, executor: Executor = db) {
  return executor
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.companyId, companyId), eq(groups.inDisuse, false)))
    .orderBy(sql`portaria_fold(${groups.name})`);
}

/**
 * Who is told when a ticket is forwarded to the group: the group mailbox, the linked e-mails
 * and the active members, each address once whatever its case.
 */
export async function forwardRecipients(companyId: string, groupId: string, executor: Executor = db): Promise<string[]> {
  const result = await executor.execute<{ email: string }>(sql`
    select min(address) as email from (
      select mailbox as address from ${groups} where company_id = ${companyId} and id = ${groupId} and mailbox is not null and mailbox <> ''
      union all
      select email from ${groupEmails} where company_id = ${companyId} and group_id = ${groupId}
      union all
      select c.email from ${groupMembers} gm
        join ${contacts} c on c.company_id = gm.company_id and c.id = gm.contact_id and c.status = 'active'
        where gm.company_id = ${companyId} and gm.group_id = ${groupId}
    ) recipients
    group by lower(address)
    order by lower(address)`);
  return result.rows.map((r) => r.email);
}

export const RESPONSIBLE_OPTIONS = 50;

/**
 * Who may be chosen as responsible without JavaScript: the active contacts matching the
 * search (the first 50 by name), and the current one first, with a note when there are more.
 * With JavaScript the picker asks /contacts/picker as one types.
 */
export async function responsibleOptions(companyId: string, currentId: string | null, q = '', opts: { activeOnly?: boolean } = {}, executor: Executor = db) {
  const found = await pickableContacts(companyId, { q, limit: RESPONSIBLE_OPTIONS }, executor);
  const people = found.slice(0, RESPONSIBLE_OPTIONS);
  const current = currentId ? await responsiblePerson(companyId, currentId, opts.activeOnly ?? false, executor) : null;
  if (current && !people.some((r) => r.id === current.id)) people.unshift(current);
  return { people, more: found.length > RESPONSIBLE_OPTIONS, current };
}

/**
 * The responsible as the picker shows them (name and e-mail), when a contact of the company:
 * the group's own, whatever their state; or one named by the address (`activeOnly`), only
 * while active (a deactivated or removed person is never offered).
 */
export async function responsiblePerson(companyId: string, id: string, activeOnly: boolean, executor: Executor = db) {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id), activeOnly ? eq(contacts.status, 'active') : undefined));
  return row ?? null;
}

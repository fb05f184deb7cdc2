import 'server-only';
import { aliasedTable, and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { containsFolded, isUuid } from '@/db/sql-helpers';
import { auditEvents, contacts } from '@/db/schema';
import { AUDIT_ACTIONS } from './record';

export { AUDIT_ACTIONS, type AuditAction } from './record';

export type AuditFilter = { subjectContactId?: string; q?: string; action?: string; from?: Date; to?: Date; page?: number };

export const AUDIT_PAGE_SIZE = 50;

const actor = aliasedTable(contacts, 'actor');
const subject = aliasedTable(contacts, 'subject');

/** The company's history, newest first; never another company's entries. */
export async function listAuditEvents(companyId: string, filter: AuditFilter, executor: Executor = db) {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const q = filter.q?.trim().slice(0, 100);

  const where = and(
    eq(auditEvents.companyId, companyId),
    filter.subjectContactId ? eq(auditEvents.subjectContactId, filter.subjectContactId) : undefined,
    filter.action && (AUDIT_ACTIONS as readonly string[]).includes(filter.action) ? eq(auditEvents.action, filter.action) : undefined,
    filter.from ? gte(auditEvents.createdAt, filter.from) : undefined,
    filter.to ? lt(auditEvents.createdAt, filter.to) : undefined,
    // Same folding as the contacts search: no case, no accents.
    q
      ? or(
          containsFolded(sql`portaria_fold(${subject.name})`, q),
          containsFolded(sql`portaria_fold(${subject.email})`, q),
          containsFolded(sql`portaria_fold(${auditEvents.actorEmail})`, q),
          containsFolded(sql`portaria_fold(${actor.name})`, q),
        )
      : undefined,
  );
  const base = executor
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actorEmail: auditEvents.actorEmail,
      actorName: actor.name,
      subjectContactId: auditEvents.subjectContactId,
      subjectName: subject.name,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(actor, and(eq(actor.companyId, auditEvents.companyId), eq(actor.id, auditEvents.actorContactId)))
    .leftJoin(subject, and(eq(subject.companyId, auditEvents.companyId), eq(subject.id, auditEvents.subjectContactId)))
    .where(where);
  const [rows, [count]] = await Promise.all([
    base
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .leftJoin(actor, and(eq(actor.companyId, auditEvents.companyId), eq(actor.id, auditEvents.actorContactId)))
      .leftJoin(subject, and(eq(subject.companyId, auditEvents.companyId), eq(subject.id, auditEvents.subjectContactId)))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0, page };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

/** Names for the contact ids that appear inside history entries (removed ones included). */
/** Fields of an entry that hold a contact's id, shown as the contact's name. */
export const CONTACT_ID_FIELDS: ReadonlySet<string> = new Set(['administratorId', 'requesterId', 'responsibleId']);

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The names of the contacts the entries refer to (administrator, requester, responsible), for the history table. */
export function referencedNames(companyId: string, rows: Pick<AuditRow, 'before' | 'after'>[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) =>
    [asRecord(r.before), asRecord(r.after)].flatMap((o) =>
      Object.entries(o)
        .filter(([k]) => CONTACT_ID_FIELDS.has(k))
        .map(([, v]) => String(v)),
    ),
  );
  return contactNames(companyId, ids);
}

export async function contactNames(companyId: string, ids: string[], executor: Executor = db): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), inArray(contacts.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';

// Written in the same transaction as the change it records. Not foreign-keyed to the
// actor or target: history must outlive both.
export const auditEvents = pgTable(
  'audit_events',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: bigserial({ mode: 'number' }).notNull(),
    // Null when the operator's command line made the change.
    actorContactId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    // The contact the event concerns, for the history tab on each contact.
    subjectContactId: uuid(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pkey', columns: [t.companyId, t.id] }),
    index('audit_events_company_time_idx').on(t.companyId, t.createdAt),
    index('audit_events_subject_idx').on(t.companyId, t.subjectContactId, t.createdAt),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

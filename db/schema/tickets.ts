import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { contacts } from './contacts';
import { groups } from './groups';

export const TICKET_CATEGORIES = ['support', 'bpo'] as const;
export const TICKET_STATUSES = ['open', 'in_progress', 'closed'] as const;

export const tickets = pgTable(
  'tickets',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    // The number people quote on the phone; unique within the company.
    number: bigint({ mode: 'number' }).notNull(),
    subject: text().notNull(),
    description: text().notNull(),
    category: text({ enum: TICKET_CATEGORIES }).notNull().default('support'),
    status: text({ enum: TICKET_STATUSES }).notNull().default('open'),
    requesterId: uuid().notNull(),
    groupId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'tickets_pkey', columns: [t.companyId, t.id] }),
    uniqueIndex('tickets_number_key').on(t.companyId, t.number),
    foreignKey({ name: 'tickets_requester_fk', columns: [t.companyId, t.requesterId], foreignColumns: [contacts.companyId, contacts.id] }),
    foreignKey({ name: 'tickets_group_fk', columns: [t.companyId, t.groupId], foreignColumns: [groups.companyId, groups.id] }),
    index('tickets_requester_open_idx')
      .on(t.companyId, t.requesterId)
      .where(sql`${t.status} <> 'closed'`),
    // Whether a contact ever requested a ticket ("Desfazer importação" keeps them).
    index('tickets_requester_idx').on(t.companyId, t.requesterId),
    index('tickets_group_idx').on(t.companyId, t.groupId),
    check('tickets_category', sql`${t.category} in ('support', 'bpo')`),
    check('tickets_status', sql`${t.status} in ('open', 'in_progress', 'closed')`),
  ],
);

export type Ticket = typeof tickets.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { contacts } from './contacts';

import { GROUP_TYPES } from './group-types';

export { GROUP_TYPES, type GroupType } from './group-types';

export const groups = pgTable(
  'groups',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    responsibleId: uuid(),
    type: text({ enum: GROUP_TYPES }).notNull(),
    // No longer used: hidden from selection lists, receives no new tickets, keeps history.
    inDisuse: boolean().notNull().default(false),
    // Members see only their own tickets and those forwarded to their groups.
    restricted: boolean().notNull().default(false),
    mailbox: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'groups_pkey', columns: [t.companyId, t.id] }),
    // A null responsible skips the check (MATCH SIMPLE); a set one must be of the same company.
    foreignKey({ name: 'groups_responsible_fk', columns: [t.companyId, t.responsibleId], foreignColumns: [contacts.companyId, contacts.id] }),
    uniqueIndex('groups_name_key').on(t.companyId, sql`lower(${t.name})`),
    check('groups_type', sql`${t.type} in ('service', 'supervision', 'back_office')`),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    companyId: uuid().notNull(),
    groupId: uuid().notNull(),
    contactId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'group_members_pkey', columns: [t.companyId, t.groupId, t.contactId] }),
    foreignKey({ name: 'group_members_group_fk', columns: [t.companyId, t.groupId], foreignColumns: [groups.companyId, groups.id] }).onDelete('cascade'),
    foreignKey({ name: 'group_members_contact_fk', columns: [t.companyId, t.contactId], foreignColumns: [contacts.companyId, contacts.id] }).onDelete(
      'cascade',
    ),
    index('group_members_contact_idx').on(t.companyId, t.contactId),
  ],
);

export const groupEmails = pgTable(
  'group_emails',
  {
    companyId: uuid().notNull(),
    groupId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'group_emails_pkey', columns: [t.companyId, t.id] }),
    foreignKey({ name: 'group_emails_group_fk', columns: [t.companyId, t.groupId], foreignColumns: [groups.companyId, groups.id] }).onDelete('cascade'),
    uniqueIndex('group_emails_email_key').on(t.companyId, t.groupId, sql`lower(${t.email})`),
  ],
);

export type Group = typeof groups.$inferSelect;

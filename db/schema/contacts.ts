import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { companies } from './companies';

import { PERMISSION_KEYS } from './permission-keys';

export { PERMISSION_KEYS, type PermissionKey } from './permission-keys';

export const contacts = pgTable(
  'contacts',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    name: text().notNull(),
    // ISO 3166-1 alpha-2.
    country: text().notNull().default('BR'),
    // Digits only for a CPF; for other countries the document as typed, trimmed. Null only
    // for an administrator created from the command line who has not completed the profile.
    document: text(),
    areaCode: text(),
    phone: text(),
    // Kept as typed (trimmed); uniqueness and sign-in compare lower(email).
    email: text().notNull(),
    consultancy: boolean().notNull().default(false),
    isAdmin: boolean().notNull().default(false),
    // 'deactivated': keeps tickets, groups, history, e-mail and document, but cannot use this
    // company ("Desativar acesso"). 'removed': "Excluir perfil"; restorable for 30 days, then
    // its document, phone and e-mail are erased for good (erasedAt).
    status: text({ enum: ['active', 'deactivated', 'removed'] })
      .notNull()
      .default('active'),
    removedAt: timestamp({ withTimezone: true }),
    deactivatedAt: timestamp({ withTimezone: true }),
    erasedAt: timestamp({ withTimezone: true }),
    // Last request in this company ("Último acesso"), written at most every few minutes.
    lastAccessAt: timestamp({ withTimezone: true }),
    // The import that created the contact ("Desfazer importação"); null otherwise.
    importJobId: uuid(),
    // "Encerrar sessões": sessions started before this no longer reach this company (the
    // person's other companies are not the administrator's to end).
    sessionsEndedAt: timestamp({ withTimezone: true }),
    // Case- and accent-folded copies for sorting and searching (portaria_fold, migration 0002).
    nameKey: text().generatedAlwaysAs(sql`portaria_fold(name)`),
    emailKey: text().generatedAlwaysAs(sql`lower(email)`),
    searchKey: text().generatedAlwaysAs(sql`portaria_fold(name || ' ' || email || ' ' || coalesce(document, ''))`),
    // Copies kept by triggers (migration 0016), so that the list's filters read the row
    // alone: the permissions held (contact_permissions, sorted), and whether the person's
    // account never set a password (the invitation is pending).
    permissions: text({ enum: PERMISSION_KEYS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    invitationPending: boolean().notNull().default(true),
    // Optimistic concurrency: every edit must name the version it started from.
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'contacts_pkey', columns: [t.companyId, t.id] }),
    // Removed contacts free their e-mail and document for a new registration; deactivated
    // ones keep them (their access may come back).
    uniqueIndex('contacts_active_email_key')
      .on(t.companyId, sql`lower(${t.email})`)
      .where(sql`${t.status} <> 'removed'`),
    uniqueIndex('contacts_active_document_key')
      .on(t.companyId, t.document)
      .where(sql`${t.status} <> 'removed'`),
    // At most one administrator; "at least one" is the deferred trigger in the migrations.
    uniqueIndex('contacts_one_admin_key')
      .on(t.companyId)
      .where(sql`${t.isAdmin} and ${t.status} = 'active'`),
    index('contacts_account_idx').on(t.accountId),
    // The list's orders, within a company, over active contacts only. The name order's index
    // also carries what the filters and the search read (INCLUDE, written in migration 0016:
    // drizzle-kit does not describe it), so a page in name order reads no row it does not show.
    index('contacts_list_name_idx')
      .on(t.companyId, t.nameKey, t.id)
      .where(sql`${t.status} = 'active'`),
    // The same order without the copies: a page of the whole list, neither filtered nor
    // searched, skips its offset through an index a sixth of the size (migration 0018).
    index('contacts_page_name_idx')
      .on(t.companyId, t.nameKey, t.id)
      .where(sql`${t.status} = 'active'`),
    index('contacts_list_email_idx')
      .on(t.companyId, t.emailKey, t.id)
      .where(sql`${t.status} = 'active'`),
    index('contacts_list_document_idx')
      .on(t.companyId, t.document, t.id)
      .where(sql`${t.status} = 'active'`),
    // "Desativados" and "Removidos": usually few, read in name order.
    index('contacts_lifecycle_idx')
      .on(t.companyId, t.status, t.nameKey, t.id)
      .where(sql`${t.status} <> 'active'`),
    // "Revisão de acessos": active contacts by their last sign of life (the invitation when
    // they never signed in), oldest first. It also carries both dates (INCLUDE, written in
    // migration 0018), so the review's count and its kinds read the index alone.
    index('contacts_review_idx')
      .on(t.companyId, sql`coalesce(${t.lastAccessAt}, ${t.createdAt})`, t.id)
      .where(sql`${t.status} = 'active'`),
    index('contacts_import_idx')
      .on(t.companyId, t.importJobId)
      .where(sql`${t.importJobId} is not null`),
    // The erase job's queue: removed, not erased yet, oldest first.
    index('contacts_erase_idx')
      .on(t.removedAt)
      .where(sql`${t.status} = 'removed' and ${t.erasedAt} is null`),
    // Within a company (btree_gin), so a search reads only that company's matches.
    index('contacts_search_idx').using('gin', t.companyId, t.searchKey.op('gin_trgm_ops')),
    check('contacts_status', sql`${t.status} in ('active', 'deactivated', 'removed')`),
    check('contacts_removed_not_admin', sql`not (${t.isAdmin} and ${t.status} <> 'active')`),
    check('contacts_erased_removed', sql`${t.erasedAt} is null or ${t.status} = 'removed'`),
    check('contacts_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

// Active contacts per company, kept by statement-level triggers (migration 0005), so the
// list's "1–25 de 50.000" costs one row read instead of counting 50,000 index entries.
export const contactCounts = pgTable('contact_counts', {
  companyId: uuid()
    .primaryKey()
    .references(() => companies.id),
  active: integer().notNull().default(0),
});

export const contactPermissions = pgTable(
  'contact_permissions',
  {
    companyId: uuid().notNull(),
    contactId: uuid().notNull(),
    permission: text({ enum: PERMISSION_KEYS }).notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'contact_permissions_pkey', columns: [t.companyId, t.contactId, t.permission] }),
    foreignKey({ name: 'contact_permissions_contact_fk', columns: [t.companyId, t.contactId], foreignColumns: [contacts.companyId, contacts.id] }).onDelete(
      'cascade',
    ),
    check(
      'contact_permissions_key',
      sql`${t.permission} in ('self_service', 'education_manager', 'bpo_full_access', 'restrict_tickets', 'education_manager_franchise', 'cloud_control_center', 'it_admin')`,
    ),
  ],
);

export type Contact = typeof contacts.$inferSelect;

import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, uniqueIndex, check } from 'drizzle-orm/pg-core';

export const companies = pgTable(
  'companies',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Short code people type on the public sign-up page ("DEMO", "ACME").
    code: text().notNull(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When the administrator was last e-mailed about waiting access requests (at most hourly).
    requestsNotifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('companies_code_key').on(t.code), check('companies_code_format', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'`)],
);

export type Company = typeof companies.$inferSelect;

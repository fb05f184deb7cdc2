import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { contacts } from './contacts';

// A CSV import runs as a job so large files never block a request; rows live beside it
// so a crash mid-import can resume without writing a contact twice.
export const importJobs = pgTable(
  'import_jobs',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    createdByContactId: uuid().notNull(),
    fileName: text().notNull(),
    encoding: text().notNull(),
    status: text({ enum: ['previewed', 'importing', 'done', 'failed'] })
      .notNull()
      .default('previewed'),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    okRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'import_jobs_pkey', columns: [t.companyId, t.id] }),
    foreignKey({ name: 'import_jobs_created_by_fk', columns: [t.companyId, t.createdByContactId], foreignColumns: [contacts.companyId, contacts.id] }),
    check('import_jobs_status', sql`${t.status} in ('previewed', 'importing', 'done', 'failed')`),
  ],
);

export const importRows = pgTable(
  'import_rows',
  {
    companyId: uuid().notNull(),
    jobId: uuid().notNull(),
    line: integer().notNull(),
    data: jsonb().notNull(),
    status: text({ enum: ['new', 'error', 'duplicate', 'registered', 'imported', 'failed'] }).notNull(),
    message: text(),
    contactId: uuid(),
  },
  (t) => [
    primaryKey({ name: 'import_rows_pkey', columns: [t.companyId, t.jobId, t.line] }),
    foreignKey({ name: 'import_rows_job_fk', columns: [t.companyId, t.jobId], foreignColumns: [importJobs.companyId, importJobs.id] }).onDelete('cascade'),
    foreignKey({ name: 'import_rows_contact_fk', columns: [t.companyId, t.contactId], foreignColumns: [contacts.companyId, contacts.id] }),
  ],
);

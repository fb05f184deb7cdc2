import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    // Who clicked "Importar usuários" (or "Tentar novamente"): the history names them.
    startedByContactId: uuid(),
    fileName: text().notNull(),
    encoding: text().notNull(),
    // 'reading' while the upload is being read (hidden; removed if the reading fails).
    status: text({ enum: ['reading', 'previewed', 'importing', 'done', 'failed'] })
      .notNull()
      .default('previewed'),
    // The preview's counts: rows of the file (empty ones excluded), and per status.
    totalRows: integer().notNull().default(0),
    newRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    duplicateRows: integer().notNull().default(0),
    registeredRows: integer().notNull().default(0),
    skippedRows: integer().notNull().default(0),
    // The import's progress: new rows handled so far, of which written and refused.
    processedRows: integer().notNull().default(0),
    okRows: integer().notNull().default(0),
    failedRows: integer().notNull().default(0),
    // Last line handled: a batch commits its rows and this cursor together, so a resumed
    // job starts exactly where the last committed batch ended.
    cursorLine: integer().notNull().default(0),
    // One worker at a time: whoever holds an unexpired lease runs the job.
    leaseOwner: uuid(),
    leaseUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    // "Desfazer importação": when, by whom, how many contacts it removed and kept, and the
    // first kept ones with the reason (the page lists them).
    undoneAt: timestamp({ withTimezone: true }),
    undoneByContactId: uuid(),
    undoRemoved: integer(),
    undoKept: integer(),
    undoKeptRows: jsonb(),
  },
  (t) => [
    primaryKey({ name: 'import_jobs_pkey', columns: [t.companyId, t.id] }),
    index('import_jobs_company_idx').on(t.companyId, t.createdAt),
    index('import_jobs_running_idx')
      .on(t.leaseUntil)
      .where(sql`${t.status} = 'importing'`),
    foreignKey({ name: 'import_jobs_created_by_fk', columns: [t.companyId, t.createdByContactId], foreignColumns: [contacts.companyId, contacts.id] }),
    foreignKey({ name: 'import_jobs_started_by_fk', columns: [t.companyId, t.startedByContactId], foreignColumns: [contacts.companyId, contacts.id] }),
    check('import_jobs_status', sql`${t.status} in ('reading', 'previewed', 'importing', 'done', 'failed')`),
  ],
);

export const importRows = pgTable(
  'import_rows',
  {
    companyId: uuid().notNull(),
    jobId: uuid().notNull(),
    line: integer().notNull(),
    // The row as it was in the file, by column of the import layout.
    data: jsonb().notNull(),
    // What would be written (new rows only): the contact as the form would store it.
    input: jsonb(),
    status: text({ enum: ['new', 'error', 'duplicate', 'registered', 'imported', 'failed'] }).notNull(),
    // The column at fault and a validation message key; for a duplicate, the other line.
    field: text(),
    message: text(),
    otherLine: integer(),
    warning: text(),
    contactId: uuid(),
  },
  (t) => [
    primaryKey({ name: 'import_rows_pkey', columns: [t.companyId, t.jobId, t.line] }),
    foreignKey({ name: 'import_rows_job_fk', columns: [t.companyId, t.jobId], foreignColumns: [importJobs.companyId, importJobs.id] }).onDelete('cascade'),
    foreignKey({ name: 'import_rows_contact_fk', columns: [t.companyId, t.contactId], foreignColumns: [contacts.companyId, contacts.id] }),
    check('import_rows_status', sql`${t.status} in ('new', 'error', 'duplicate', 'registered', 'imported', 'failed')`),
  ],
);

export type ImportJob = typeof importJobs.$inferSelect;
export type ImportRow = typeof importRows.$inferSelect;

import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';

// Every message goes through here. The company is null for messages that concern a
// person rather than a company (password resets): no administrator ever reads those.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid().references(() => companies.id),
    kind: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    // 'logged': no SMTP server is configured, so the message was written to the server's log,
    // where only the operator reads it (links never show on an administrator's page).
    status: text({ enum: ['pending', 'sent', 'logged', 'failed', 'cancelled'] })
      .notNull()
      .default('pending'),
    // 0 for messages someone is waiting for (a reset link, a forward, one invitation); 1 for
    // bulk (an import's invitations), so a password reset never queues behind 50,000 of them.
    priority: smallint().notNull().default(0),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_due_idx')
      .on(t.priority, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('mail_outbox_company_idx').on(t.companyId, t.createdAt),
    check('mail_outbox_status', sql`${t.status} in ('pending', 'sent', 'logged', 'failed', 'cancelled')`),
  ],
);

export type OutboxMessage = typeof mailOutbox.$inferSelect;

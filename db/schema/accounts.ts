import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

// A sign-in identity. Identity is the e-mail address and spans companies: one person may be
// a contact of several companies with one password. Not a tenant table on purpose.
export const accounts = pgTable(
  'accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text(),
    // Bumped on every password change: session tokens carry it, so older sessions end.
    sessionVersion: integer().notNull().default(0),
    passwordChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_email_key').on(t.email),
    check('accounts_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

// Single-use links that let a person set a password (invitation) or replace it (reset).
// Only a SHA-256 of the token is stored: a database leak does not leak working links.
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ['invite', 'reset'] }).notNull(),
    tokenHash: text().notNull(),
    // The company whose administrator invited the person (shown on the page); null for resets.
    companyId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('auth_tokens_token_hash_key').on(t.tokenHash),
    // A new link voids the person's earlier unused ones: found without reading every token.
    index('auth_tokens_open_idx').on(t.accountId, t.purpose).where(sql`${t.usedAt} is null`),
    check('auth_tokens_purpose', sql`${t.purpose} in ('invite', 'reset')`),
  ],
);

// Failed sign-ins per e-mail address, so guessing is slowed down whether or not the
// address exists (no account enumeration through the lock-out).
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

export type Account = typeof accounts.$inferSelect;

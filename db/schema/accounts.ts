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
    passwordChangedAt: timestamp({ withTimezone: true }),
    // The company last chosen in the company switcher: the next sign-in, in any browser, opens
    // it (if the person still belongs to it; lib/auth/context.ts).
    lastCompanyId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email_key').on(t.email), check('accounts_email_lower', sql`${t.email} = lower(${t.email})`)],
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
    // The contact an invitation was issued for: the link works only while that contact is
    // active, still this account's, and the account has no password (lib/auth/tokens.ts).
    contactId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('auth_tokens_token_hash_key').on(t.tokenHash),
    // A new link voids the person's earlier unused ones: found without reading every token.
    index('auth_tokens_open_idx')
      .on(t.accountId, t.purpose)
      .where(sql`${t.usedAt} is null`),
    // How many reset links an address got in the last hour (at most a few are sent).
    index('auth_tokens_account_idx').on(t.accountId, t.purpose, t.createdAt),
    check('auth_tokens_purpose', sql`${t.purpose} in ('invite', 'reset')`),
    check('auth_tokens_invite_contact', sql`${t.purpose} <> 'invite' or ${t.contactId} is not null or ${t.usedAt} is not null`),
  ],
);

// A signed-in browser. The cookie only names the session (an encrypted token carrying a
// random id, of which only a SHA-256 is kept here): "Sair", a password change or an
// administrator's "Encerrar sessões" delete the row, and the cookie is refused from then on.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Absolute end (12 hours after sign-in); the idle end (2 hours) is read from lastUsedAt.
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
    // Signed in through this company's own provider ("Entrar com a conta da empresa"): the
    // session reaches that company even where "Exigir login da empresa" refuses passwords.
    ssoCompanyId: uuid(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

// "Esqueci minha senha" only queues the address here and answers: whether it exists is
// looked up later by the mail worker, so the page does the same work, in the same time,
// for every address (lib/auth/reset-requests.ts).
export const passwordResetRequests = pgTable('password_reset_requests', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull(),
  requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Failed sign-ins per key: an address from one source ("addr:<email>|<ip>") and a source
// across addresses ("src:<ip>"), counted whether or not the address exists (no account
// enumeration through the lock-out). See docs/decisions/003.
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;

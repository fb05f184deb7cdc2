import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';

// "Login da empresa" (PRODUCT.md §10.2): the company's own OpenID Connect provider. The client
// secret is stored encrypted (lib/sign-in/secret.ts), never shown again.
export const companySignIn = pgTable('company_sign_in', {
  companyId: uuid()
    .primaryKey()
    .references(() => companies.id),
  issuer: text().notNull(),
  clientId: text().notNull(),
  clientSecretEncrypted: text().notNull(),
  // "Exigir login da empresa": contacts of the sign-in domains cannot open this company with a password.
  required: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// A sign-in on its way to the provider and back: the state (its SHA-256 only), the PKCE
// verifier and the nonce, for ten minutes, used once. Kept in the database, so any instance
// can take the provider's answer.
export const signInAttempts = pgTable('sign_in_attempts', {
  stateHash: text().primaryKey(),
  // SHA-256 of the key in the cookie of the browser that started it.
  browserHash: text().notNull(),
  companyId: uuid()
    .notNull()
    .references(() => companies.id),
  email: text().notNull(),
  codeVerifier: text().notNull(),
  nonce: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

// What the provider's answer leaves for Auth.js to turn into a session: a single-use ticket
// (its SHA-256 only) valid for a minute, naming the account and the company it signed in to.
export const signInTickets = pgTable('sign_in_tickets', {
  ticketHash: text().primaryKey(),
  accountId: uuid().notNull(),
  companyId: uuid().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

export type CompanySignIn = typeof companySignIn.$inferSelect;

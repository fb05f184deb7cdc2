import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';

export const ACCESS_REQUEST_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected', 'replaced'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

// "Quero me cadastrar": a person asks a company for access (PRODUCT.md §2.8). A request is
// 'unconfirmed' until its link proves the mailbox (only the link's SHA-256 is kept, for 24
// hours); then 'pending' in the administrator's "Solicitações de acesso" until approved or
// rejected. A newer confirmed request of the same e-mail replaces a pending one ('replaced').
// A record like the history: the contact it became and who decided are not foreign keys.
export const accessRequests = pgTable(
  'access_requests',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    status: text({ enum: ACCESS_REQUEST_STATUSES }).notNull().default('unconfirmed'),
    name: text().notNull(),
    country: text().notNull().default('BR'),
    // Null for a request made by signing in through the company's provider (its ID token
    // carries a name and an e-mail only).
    document: text(),
    areaCode: text(),
    phone: text(),
    // As typed (trimmed); compared as lower(email).
    email: text().notNull(),
    consultancy: boolean().notNull().default(false),
    reason: text(),
    tokenHash: text(),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp({ withTimezone: true }),
    // Listed in an e-mail to the administrator (at most one an hour per company).
    notifiedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByContactId: uuid(),
    decidedByEmail: text(),
    // Approved by the domain's "Aprovar automaticamente" rather than by a person.
    autoApproved: boolean().notNull().default(false),
    decisionReason: text(),
    contactId: uuid(),
    // 'form' ("Quero me cadastrar") or 'sso' (first sign-in through the company's provider).
    source: text({ enum: ['form', 'sso'] })
      .notNull()
      .default('form'),
  },
  (t) => [
    primaryKey({ name: 'access_requests_pkey', columns: [t.companyId, t.id] }),
    // Looked up by the link alone; not unique in the database (a SHA-256 of 32 random bytes
    // does not repeat), so that the table can be distributed by company (docs/decisions/013).
    index('access_requests_token_idx')
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
    // One pending request per e-mail and company: a newer one replaces it.
    uniqueIndex('access_requests_pending_key')
      .on(t.companyId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    // "Solicitações de acesso": the pending ones newest first, the decided ones by decision.
    index('access_requests_list_idx').on(t.companyId, t.status, t.confirmedAt, t.id),
    index('access_requests_decided_idx').on(t.companyId, t.status, t.decidedAt, t.id),
    index('access_requests_unnotified_idx')
      .on(t.companyId)
      .where(sql`${t.status} = 'pending' and ${t.notifiedAt} is null`),
    index('access_requests_unconfirmed_idx')
      .on(t.companyId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'unconfirmed'`),
    check('access_requests_status', sql`${t.status} in ('unconfirmed', 'pending', 'approved', 'rejected', 'replaced')`),
    check('access_requests_confirmed', sql`${t.status} = 'unconfirmed' or ${t.confirmedAt} is not null`),
  ],
);

// "Quero me cadastrar" only queues what was typed and answers: whether the company exists or
// the person is already a contact is looked up later by the mail worker, so the page does the
// same work, in the same time, for everyone (lib/requests/submissions.ts).
export const signupSubmissions = pgTable('signup_submissions', {
  id: uuid().primaryKey().defaultRandom(),
  companyCode: text().notNull(),
  email: text().notNull(),
  data: jsonb().notNull(),
  requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const DOMAIN_POLICIES = ['approval', 'auto'] as const;
export type DomainPolicy = (typeof DOMAIN_POLICIES)[number];

// "Domínios da empresa" (PRODUCT.md §10.1): a domain flags requests from inside the company,
// and under "Aprovar automaticamente" turns a confirmed request into a contact at once. A
// domain approves automatically in one company at most.
export const companyDomains = pgTable(
  'company_domains',
  {
    companyId: uuid()
      .notNull()
      .references(() => companies.id),
    id: uuid().notNull().defaultRandom(),
    domain: text().notNull(),
    policy: text({ enum: DOMAIN_POLICIES }).notNull().default('approval'),
    // People of this domain sign in through the company's provider ("Login da empresa"): one
    // company per domain, so an e-mail names one provider.
    signIn: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'company_domains_pkey', columns: [t.companyId, t.id] }),
    uniqueIndex('company_domains_company_domain_key').on(t.companyId, t.domain),
    uniqueIndex('company_domains_auto_key')
      .on(t.domain)
      .where(sql`${t.policy} = 'auto'`),
    uniqueIndex('company_domains_sign_in_key')
      .on(t.domain)
      .where(sql`${t.signIn}`),
    check('company_domains_policy', sql`${t.policy} in ('approval', 'auto')`),
    check('company_domains_domain_format', sql`${t.domain} = lower(${t.domain}) and ${t.domain} ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\\.[a-z0-9-]+$'`),
  ],
);

export type AccessRequest = typeof accessRequests.$inferSelect;
export type CompanyDomain = typeof companyDomains.$inferSelect;

import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { accessRequests, companies, signupSubmissions } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { normaliseEmail } from '@/lib/auth/accounts';
import { recordFailure, type ThrottleLimit } from '@/lib/auth/throttle';
import { hashToken } from '@/lib/auth/tokens';
import { normaliseContact } from '@/lib/contacts/schema';
import { enqueueMail } from '@/lib/mail/outbox';
import { signupAlreadyMemberMail, signupConfirmMail, signupUnknownCompanyMail } from '@/lib/mail/templates';
import type { SignupInput } from './schema';

/** "Quero me cadastrar" from one source: generous for an office behind one address. */
export const SIGNUP_SOURCE_LIMIT: ThrottleLimit = { max: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
/** E-mails one address receives from sign-ups per hour, however often it is typed. */
export const SIGNUP_ADDRESS_LIMIT: ThrottleLimit = { max: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
export const signupSourceKey = (source: string) => `signup:${source}`;
export const signupAddressKey = (email: string) => `signup-addr:${email}`;

/** How long the confirmation link works. */
export const CONFIRM_TTL_MS = 24 * 60 * 60_000;

type SubmittedData = {
  name: string;
  country: string;
  document: string;
  areaCode: string;
  phone: string;
  email: string;
  consultancy: boolean;
  reason: string;
};

/**
 * The public page's whole work, the same two statements for everyone (counting the source's
 * requests, queueing what was typed): neither the answer nor its timing says whether the
 * company exists or the person is already a contact. The mail worker does the rest.
 */
export async function submitSignup(db: Executor, input: SignupInput, opts: { source?: string; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const counted = await recordFailure(db, signupSourceKey(opts.source || 'unknown'), now, SIGNUP_SOURCE_LIMIT);
  // Over the source's limit the request is dropped; the page answers the same.
  if (counted.failures > SIGNUP_SOURCE_LIMIT.max) return;
  const data: SubmittedData = { ...normaliseContact(input), name: input.name, email: input.email, reason: input.reason };
  await db.insert(signupSubmissions).values({ companyCode: input.companyCode, email: normaliseEmail(input.email), data, requestedAt: now });
}

/**
 * Turns queued sign-ups into e-mails to the address typed, which alone learns what happened:
 * a confirmation link for a request to the company, "no company has this code", or "you
 * already have access". At most SIGNUP_ADDRESS_LIMIT per address and hour. A new request of
 * the same person to the same company voids their earlier unconfirmed one (only the latest
 * link works). Safe on several instances at once (SKIP LOCKED).
 */
export async function processSignupSubmissions(db: Executor, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ company_code: string; email: string; data: SubmittedData }>(sql`
      delete from ${signupSubmissions} where id in (
        select id from ${signupSubmissions} order by requested_at limit 100 for update skip locked)
      returning company_code, email, data`);
    let mailed = 0;
    for (const row of claimed.rows) {
      const counted = await recordFailure(tx, signupAddressKey(row.email), now, SIGNUP_ADDRESS_LIMIT);
      if (counted.failures > SIGNUP_ADDRESS_LIMIT.max) continue;
      const [company] = await tx.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.code, row.company_code));
      if (!company) {
        await enqueueMail(tx, signupUnknownCompanyMail({ email: row.data.email, code: row.company_code }));
      } else if (await isActiveContact(tx, company.id, row.email)) {
        await enqueueMail(tx, signupAlreadyMemberMail({ email: row.data.email, companyName: company.name }));
      } else {
        await tx
          .delete(accessRequests)
          .where(and(eq(accessRequests.companyId, company.id), eq(accessRequests.status, 'unconfirmed'), sql`lower(${accessRequests.email}) = ${row.email}`));
        const token = randomBytes(32).toString('base64url');
        const d = row.data;
        await tx.insert(accessRequests).values({
          companyId: company.id,
          status: 'unconfirmed',
          name: d.name,
          country: d.country,
          document: d.document,
          areaCode: d.areaCode,
          phone: d.phone,
          email: d.email,
          consultancy: d.consultancy,
          reason: d.reason || null,
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
          createdAt: now,
        });
        await enqueueMail(tx, signupConfirmMail({ email: d.email, companyName: company.name, token }));
      }
      mailed++;
    }
    return mailed;
  });
}

async function isActiveContact(tx: Executor, companyId: string, email: string): Promise<boolean> {
  const found = await tx.execute(sql`select 1 from contacts where company_id = ${companyId} and status = 'active' and lower(email) = ${email} limit 1`);
  return found.rows.length > 0;
}

/** Unconfirmed requests whose link expired: gone. */
export async function pruneUnconfirmedRequests(db: Executor, now = new Date()): Promise<void> {
  await db.execute(sql`delete from ${accessRequests} where status = 'unconfirmed' and expires_at < ${now}`);
}

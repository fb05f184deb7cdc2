import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { uuidArray } from '@/db/sql-helpers';
import { accounts, authTokens, companies, contacts } from '@/db/schema';
import type { Executor } from '@/db/connect';

export type TokenPurpose = 'invite' | 'reset';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60_000,
  reset: 60 * 60_000,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Bytes of randomness in a link's token. */
export const TOKEN_BYTES = 32;

/** `count` tokens cut from `random` (at least TOKEN_BYTES × count bytes): each its own bytes, base64url. */
export function tokensFrom(random: Uint8Array, count: number): string[] {
  if (random.length < TOKEN_BYTES * count) throw new Error('not enough random bytes for the tokens');
  return Array.from({ length: count }, (_, i) => Buffer.from(random.subarray(TOKEN_BYTES * i, TOKEN_BYTES * (i + 1))).toString('base64url'));
}

export type TokenHolder = {
  accountId: string;
  /** The contact an invitation is for (required for invitations). */
  contactId?: string | null;
  /** The account was created by the caller's own transaction: it holds no earlier link to void. */
  newAccount?: boolean;
};

/**
 * Issues new links, one per holder, for one person or an import's thousand, in two
 * statements: earlier unused links of the same purpose and company stop working (one company
 * never cancels another's), then the new ones are stored (their SHA-256 only). An invitation
 * names its company and contact. Returns the tokens, in the holders' order.
 */
export async function issueTokens(
  db: Executor,
  input: { purpose: TokenPurpose; companyId: string | null; holders: TokenHolder[] },
  now = new Date(),
): Promise<string[]> {
  const { purpose, companyId, holders } = input;
  if (holders.length === 0) return [];
  if (purpose === 'invite' && (!companyId || holders.some((h) => !h.contactId))) throw new Error('an invitation names its company and contact');
  await voidEarlierTokens(
    db,
    purpose,
    companyId,
    holders.filter((h) => !h.newAccount).map((h) => h.accountId),
    now,
  );
  // TOKEN_BYTES random bytes per link, drawn in one call for all of them.
  const tokens = tokensFrom(randomBytes(TOKEN_BYTES * holders.length), holders.length);
  const rows = holders.map((h, i) => ({ account_id: h.accountId, contact_id: h.contactId ?? null, token_hash: hashToken(tokens[i]!) }));
  await db.execute(sql`
    insert into ${authTokens} (account_id, contact_id, purpose, token_hash, company_id, expires_at, created_at)
    select t.account_id, t.contact_id, ${purpose}, t.token_hash, ${companyId}::uuid, ${new Date(now.getTime() + TOKEN_TTL_MS[purpose])}, ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(account_id uuid, contact_id uuid, token_hash text)`);
  return tokens;
}

/** One link (see issueTokens). */
export async function issueToken(
  db: Executor,
  input: { accountId: string; purpose: TokenPurpose; companyId?: string | null; contactId?: string | null },
  now = new Date(),
): Promise<string> {
  const [token] = await issueTokens(
    db,
    { purpose: input.purpose, companyId: input.companyId ?? null, holders: [{ accountId: input.accountId, contactId: input.contactId }] },
    now,
  );
  return token!;
}

/** The company's (or, for null, the company-less) open links of this purpose for these accounts stop working. */
async function voidEarlierTokens(db: Executor, purpose: TokenPurpose, companyId: string | null, accountIds: string[], now: Date): Promise<void> {
  if (accountIds.length === 0) return;
  // account_id leads, as in auth_tokens_open_idx: an index lookup per account however many
  // tokens the table holds (an import voids a thousand at once).
  await db.execute(sql`
    update ${authTokens} set used_at = ${now}
    where account_id = any(${uuidArray(accountIds)}::uuid[]) and purpose = ${purpose} and used_at is null
      and ${companyId ? sql`company_id = ${companyId}` : sql`company_id is null`}`);
}

export type ValidToken = { id: string; accountId: string; email: string; companyId: string | null; companyName: string | null };

/**
 * A link that may still be used. An invitation only sets a first password: it works while
 * its account has none and the contact it was issued for is still active and still this
 * account's. Whatever happened after it was issued (the person set a password through
 * another company's link, the contact was removed, or its e-mail changed), it never
 * replaces someone's password.
 */
export async function findValidToken(db: Executor, token: string, purpose: TokenPurpose, now = new Date()): Promise<ValidToken | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ id: authTokens.id, accountId: authTokens.accountId, email: accounts.email, companyId: authTokens.companyId, companyName: companies.name })
    .from(authTokens)
    .innerJoin(accounts, eq(accounts.id, authTokens.accountId))
    .leftJoin(companies, eq(companies.id, authTokens.companyId))
    .leftJoin(contacts, and(eq(contacts.companyId, authTokens.companyId), eq(contacts.id, authTokens.contactId)))
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
        or(
          sql`${authTokens.purpose} <> 'invite'`,
          and(isNull(accounts.passwordHash), eq(contacts.status, 'active'), eq(contacts.accountId, authTokens.accountId)),
        ),
      ),
    );
  return row ?? null;
}

/** Every open link of the account stops working: its password was just set or changed. */
export async function voidAccountTokens(db: Executor, accountId: string, now = new Date()): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.accountId, accountId), isNull(authTokens.usedAt)));
}

/** A company's open invitations of these accounts stop working (a contact removed, or its e-mail changed). */
export function voidCompanyInvitations(db: Executor, companyId: string, accountIds: string[], now = new Date()): Promise<void> {
  return voidEarlierTokens(db, 'invite', companyId, accountIds, now);
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(db: Executor, id: string, now = new Date()): Promise<boolean> {
  const used = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return used.length === 1;
}

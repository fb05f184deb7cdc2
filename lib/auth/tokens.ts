import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
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

/**
 * Issues a new link; earlier unused links of the same purpose stop working. An invitation
 * names the contact it was issued for (companyId and contactId).
 */
export async function issueToken(
  db: Executor,
  input: { accountId: string; purpose: TokenPurpose; companyId?: string | null; contactId?: string | null },
  now = new Date(),
): Promise<string> {
  if (input.purpose === 'invite' && !(input.companyId && input.contactId)) throw new Error('an invitation names its company and contact');
  const token = randomBytes(32).toString('base64url');
  // Voids only the same company's earlier links: one company can never cancel another's.
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.accountId, input.accountId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        input.companyId ? eq(authTokens.companyId, input.companyId) : isNull(authTokens.companyId),
      ),
    );
  await db.insert(authTokens).values({
    accountId: input.accountId,
    purpose: input.purpose,
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
    createdAt: now,
  });
  return token;
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

/** A company's open invitations of these accounts stop working (a contact removed, or re-invited). */
export async function voidCompanyInvitations(db: Executor, companyId: string, accountIds: string[], now = new Date()): Promise<void> {
  if (accountIds.length === 0) return;
  // account_id leads, as in auth_tokens_open_idx: the plan stays an index lookup per account
  // however many tokens the table holds (an import voids a thousand at once).
  await db.execute(sql`
    update ${authTokens} set used_at = ${now}
    where account_id = any(${`{${accountIds.join(',')}}`}::uuid[]) and purpose = 'invite' and used_at is null and company_id = ${companyId}`);
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

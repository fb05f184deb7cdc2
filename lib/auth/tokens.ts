import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { accounts, authTokens, companies } from '@/db/schema';
import type { Executor } from '@/db/connect';

export type TokenPurpose = 'invite' | 'reset';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60_000,
  reset: 60 * 60_000,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new link; earlier unused links of the same purpose stop working. */
export async function issueToken(
  db: Executor,
  input: { accountId: string; purpose: TokenPurpose; companyId?: string | null },
  now = new Date(),
): Promise<string> {
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
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
  });
  return token;
}

export type ValidToken = { id: string; accountId: string; email: string; companyId: string | null; companyName: string | null };

export async function findValidToken(db: Executor, token: string, purpose: TokenPurpose, now = new Date()): Promise<ValidToken | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ id: authTokens.id, accountId: authTokens.accountId, email: accounts.email, companyId: authTokens.companyId, companyName: companies.name })
    .from(authTokens)
    .innerJoin(accounts, eq(accounts.id, authTokens.accountId))
    .leftJoin(companies, eq(companies.id, authTokens.companyId))
    .where(
      and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)),
    );
  return row ?? null;
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

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import * as client from 'openid-client';
import { accessRequests, companies, companyDomains, companySignIn, signInAttempts, signInTickets } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { recordAudit } from '@/lib/audit/record';
import { normaliseEmail } from '@/lib/auth/accounts';
import { emailDomain } from '@/lib/domains/rules';
import { appUrl } from '@/lib/mail/templates';
import { approveIn } from '@/lib/requests/decisions';
import { discoverProvider } from './provider';
import { decryptSecret } from './secret';

// "Entrar com a conta da empresa" (PRODUCT.md §10.2): our own authorization code flow on
// openid-client, because the provider is chosen per request from the person's e-mail
// (docs/decisions/011). PKCE, state and nonce are checked, and the ID token's signature,
// issuer, audience and expiry are validated by openid-client. The state, verifier and nonce
// live in the database for ten minutes, used once.

export const CALLBACK_PATH = '/login/company/callback';
export const ATTEMPT_TTL_MS = 10 * 60_000;
export const TICKET_TTL_MS = 60_000;
/** The cookie holding the key of the browser's sign-in attempt (only the callback reads it). */
export const ATTEMPT_COOKIE = 'portaria-company-sign-in';

/** The address to register at the provider (APP_URL based). */
export const redirectUri = () => appUrl(CALLBACK_PATH);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type CompanyProvider = { companyId: string; companyName: string; issuer: string; clientId: string; secret: string | null };

/** A company's provider, found by a condition on `company_sign_in` (one query). */
async function findProvider(db: Executor, condition: SQL | undefined): Promise<CompanyProvider | null> {
  const [row] = await db
    .select({
      companyId: companies.id,
      companyName: companies.name,
      issuer: companySignIn.issuer,
      clientId: companySignIn.clientId,
      stored: companySignIn.clientSecretEncrypted,
    })
    .from(companySignIn)
    .innerJoin(companies, eq(companies.id, companySignIn.companyId))
    .where(condition);
  return row ? { ...row, secret: decryptSecret(row.stored) } : null;
}

/** The company whose sign-in domains include this e-mail's domain, with its provider. */
async function providerForEmail(db: Executor, email: string): Promise<CompanyProvider | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const owners = db
    .select({ companyId: companyDomains.companyId })
    .from(companyDomains)
    .where(and(eq(companyDomains.domain, domain), eq(companyDomains.signIn, true)));
  return findProvider(db, inArray(companySignIn.companyId, owners));
}

const providerOfCompany = (db: Executor, companyId: string) => findProvider(db, eq(companySignIn.companyId, companyId));

export type StartProblem = 'noCompanySignIn' | 'providerUnavailable';
export type StartResult = { ok: true; url: string; browserKey: string } | { ok: false; problem: StartProblem };

/** The provider's address to send the person to, for the company owning the e-mail's domain. */
export async function startCompanySignIn(db: Executor, emailInput: string, now = new Date()): Promise<StartResult> {
  const email = normaliseEmail(emailInput);
  const company = await providerForEmail(db, email);
  if (!company) return { ok: false, problem: 'noCompanySignIn' };
  if (!company.secret) return { ok: false, problem: 'providerUnavailable' };
  const found = await discoverProvider(company.issuer, company.clientId, company.secret);
  if (!found.ok) return { ok: false, problem: 'providerUnavailable' };
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // The answer counts only in the browser that asked (a cookie holds this key): a link to the
  // callback made by someone else signs nobody in to their account (login CSRF).
  const browserKey = randomBytes(32).toString('base64url');
  await db.delete(signInAttempts).where(sql`${signInAttempts.expiresAt} < ${now}`);
  await db.insert(signInAttempts).values({
    stateHash: sha256(state),
    browserHash: sha256(browserKey),
    companyId: company.companyId,
    email,
    codeVerifier,
    nonce,
    expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
  });
  let url: URL;
  try {
    url = client.buildAuthorizationUrl(found.config, {
      redirect_uri: redirectUri(),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: email,
    });
  } catch {
    return { ok: false, problem: 'providerUnavailable' };
  }
  return { ok: true, url: url.href, browserKey };
}

export type FinishProblem =
  'stateInvalid' | 'cancelled' | 'providerError' | 'providerUnavailable' | 'tokenInvalid' | 'emailNotVerified' | 'domainNotOwned' | 'contactInactive';

export type FinishResult =
  | { ok: true; outcome: 'signedIn'; ticket: string; companyId: string }
  | { ok: true; outcome: 'requested' | 'approved'; companyName: string }
  | { ok: false; problem: FinishProblem };

/**
 * The provider's answer at the callback address (`search`: its query string), in the browser
 * holding the attempt's key (`browserKey`, from its cookie). Signs in an
 * active contact of the company (a ticket Auth.js turns into a session), or makes a person
 * who is not yet a contact a confirmed access request (a contact at once under "Aprovar
 * automaticamente"). Every refusal is a reason, never an exception.
 */
export async function finishCompanySignIn(db: Executor, search: string, browserKey: string | undefined, now = new Date()): Promise<FinishResult> {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  if (!state || state.length > 200 || !browserKey || browserKey.length > 100) return { ok: false, problem: 'stateInvalid' };
  // Used once: taken out of the table whatever happens next.
  const [attempt] = await db
    .delete(signInAttempts)
    .where(and(eq(signInAttempts.stateHash, sha256(state)), eq(signInAttempts.browserHash, sha256(browserKey)), gt(signInAttempts.expiresAt, now)))
    .returning();
  if (!attempt) return { ok: false, problem: 'stateInvalid' };
  const error = params.get('error');
  if (error) return { ok: false, problem: error === 'access_denied' ? 'cancelled' : 'providerError' };

  const company = await providerOfCompany(db, attempt.companyId);
  if (!company?.secret) return { ok: false, problem: 'providerUnavailable' };
  const found = await discoverProvider(company.issuer, company.clientId, company.secret);
  if (!found.ok) return { ok: false, problem: 'providerUnavailable' };

  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(found.config, new URL(`${redirectUri()}?${params.toString()}`), {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (/FETCH|ECONNREFUSED|TIMEOUT/i.test(code)) return { ok: false, problem: 'providerUnavailable' };
    return { ok: false, problem: 'tokenInvalid' };
  }
  if (!claims) return { ok: false, problem: 'tokenInvalid' };
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (!email || claims.email_verified !== true) return { ok: false, problem: 'emailNotVerified' };
  const domain = emailDomain(email);
  const [owned] = await db
    .select({ policy: companyDomains.policy })
    .from(companyDomains)
    .where(and(eq(companyDomains.companyId, company.companyId), eq(companyDomains.domain, domain), eq(companyDomains.signIn, true)));
  if (!owned) return { ok: false, problem: 'domainNotOwned' };
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 150) : email;
  return admit(db, { companyId: company.companyId, companyName: company.companyName, email, name, autoApprove: owned.policy === 'auto' }, now);
}

async function admit(
  db: Executor,
  who: { companyId: string; companyName: string; email: string; name: string; autoApprove: boolean },
  now: Date,
): Promise<FinishResult> {
  return db.transaction(async (tx) => {
    const people = await tx.execute<{ contact_id: string; account_id: string; status: string }>(sql`
      select c.id as contact_id, c.account_id, c.status from contacts c
      where c.company_id = ${who.companyId} and lower(c.email) = ${who.email}
      order by (c.status = 'active') desc limit 1`);
    const person = people.rows[0];
    if (person?.status === 'active') {
      const ticket = randomBytes(32).toString('base64url');
      await tx
        .insert(signInTickets)
        .values({ ticketHash: sha256(ticket), accountId: person.account_id, companyId: who.companyId, expiresAt: new Date(now.getTime() + TICKET_TTL_MS) });
      await recordAudit(tx, {
        companyId: who.companyId,
        actor: { contactId: person.contact_id, email: who.email },
        action: 'sign_in.company',
        entityType: 'contact',
        entityId: person.contact_id,
        subjectContactId: person.contact_id,
      });
      return { ok: true as const, outcome: 'signedIn' as const, ticket, companyId: who.companyId };
    }
    if (person) return { ok: false as const, problem: 'contactInactive' as const };

    // Not a contact yet: the provider proved the mailbox, so the request is confirmed at once.
    await tx
      .update(accessRequests)
      .set({ status: 'replaced', decidedAt: now })
      .where(and(eq(accessRequests.companyId, who.companyId), eq(accessRequests.status, 'pending'), sql`lower(${accessRequests.email}) = ${who.email}`));
    const [request] = await tx
      .insert(accessRequests)
      .values({ companyId: who.companyId, status: 'pending', name: who.name, email: who.email, source: 'sso', createdAt: now, confirmedAt: now })
      .returning({ id: accessRequests.id });
    await recordAudit(tx, {
      companyId: who.companyId,
      actor: { contactId: null, email: who.email },
      action: 'request.submitted',
      entityType: 'access_request',
      entityId: request!.id,
      after: { name: who.name, email: who.email, source: 'sso' },
    });
    if (who.autoApprove) {
      const decider = { companyId: who.companyId, companyName: who.companyName, contactId: null, email: null };
      const [outcome] = await approveIn(tx, decider, [request!.id], { now, policy: { domain: emailDomain(who.email) } });
      if (outcome?.outcome === 'approved') return { ok: true as const, outcome: 'approved' as const, companyName: who.companyName };
    }
    return { ok: true as const, outcome: 'requested' as const, companyName: who.companyName };
  });
}

/** Auth.js's side: the ticket, used once within a minute, names the account and the company. */
export async function redeemTicket(db: Executor, ticket: string, now = new Date()): Promise<{ accountId: string; companyId: string; email: string } | null> {
  if (!ticket || ticket.length > 100) return null;
  const [row] = await db
    .delete(signInTickets)
    .where(and(eq(signInTickets.ticketHash, sha256(ticket)), gt(signInTickets.expiresAt, now)))
    .returning();
  if (!row) return null;
  const found = await db.execute<{ email: string }>(sql`select email from accounts where id = ${row.accountId}`);
  return found.rows[0] ? { accountId: row.accountId, companyId: row.companyId, email: found.rows[0].email } : null;
}

import { createServer } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, auditEvents, companyDomains, companySignIn, contacts, signInAttempts } from '@/db/schema';
import { finishCompanySignIn, redeemTicket, startCompanySignIn } from '@/lib/sign-in/flow';
import { resolveSession } from '@/lib/auth/context';
import { createSession } from '@/lib/auth/sessions';
import { addDomain } from '@/lib/domains/mutations';
import { loadSignInSettings, saveSignInSettings } from '@/lib/sign-in/settings';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';
import { decryptSecret, encryptSecret } from '@/lib/sign-in/secret';
import { discoverProvider, parseIssuer } from '@/lib/sign-in/provider';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';

// "Login da empresa" against a real OpenID Connect provider on loopback (oidc-provider).

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const OTHER = { clientId: 'outro-aplicativo', clientSecret: 'segredo-do-outro-aplicativo', redirectUri: 'http://127.0.0.1:3999/login/company/callback' };
const CLIENT = { clientId: 'portaria-teste', clientSecret: 'segredo-do-cliente-de-teste', redirectUri: 'http://127.0.0.1:3999/login/company/callback' };
let provider: TestProvider;
let port: number;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'integration-secret-integration-secret-1234';
  // The test provider runs on this machine, over plain HTTP.
  process.env.PORTARIA_LOOPBACK_PROVIDERS = '1';
  process.env.APP_URL = 'http://127.0.0.1:3999';
  port = await freePort();
  provider = await startTestProvider({ port, clients: [CLIENT, OTHER], accounts: [{ email: 'ana@acme.example.test', name: 'Ana Souza' }] });
});
afterAll(() => provider?.close());

describe('the client secret at rest', () => {
  it('is encrypted, readable back, and unreadable under another AUTH_SECRET or when altered', () => {
    const stored = encryptSecret('segredo-muito-secreto');
    expect(stored).not.toContain('segredo');
    expect(decryptSecret(stored)).toBe('segredo-muito-secreto');
    expect(encryptSecret('segredo-muito-secreto')).not.toBe(stored);
    const [v, iv, tag, body] = stored.split('.');
    expect(decryptSecret([v, iv, tag, `${body!.slice(0, -2)}AA`].join('.'))).toBeNull();
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-secret-another-secret-another-1234';
    try {
      expect(decryptSecret(stored)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = saved;
    }
  });
});

describe('"Testar configuração": the discovery document', () => {
  it('reads a working provider', async () => {
    const found = await discoverProvider(provider.issuer, CLIENT.clientId, CLIENT.clientSecret);
    expect(found.ok).toBe(true);
    if (found.ok) expect(found.config.serverMetadata().issuer).toBe(provider.issuer);
  });

  it('says what is wrong', async () => {
    expect(parseIssuer('nao é url')).toEqual({ ok: false, problem: 'issuerInvalid' });
    expect(parseIssuer('ftp://idp.example.com')).toEqual({ ok: false, problem: 'issuerInvalid' });
    expect(parseIssuer('http://idp.example.com')).toEqual({ ok: false, problem: 'notHttps' });
    expect(parseIssuer('https://user:pw@idp.example.com')).toEqual({ ok: false, problem: 'issuerInvalid' });
    expect(await discoverProvider('http://idp.example.com', 'x', 'y')).toEqual({ ok: false, problem: 'notHttps' });
    // No probing of the server's own or private networks' addresses.
    for (const internal of ['https://10.0.0.5', 'https://192.168.1.1', 'https://169.254.169.254', 'https://172.16.0.1', 'https://0.0.0.0']) {
      expect(parseIssuer(internal)).toEqual({ ok: false, problem: 'internalAddress' });
    }
    process.env.PORTARIA_LOOPBACK_PROVIDERS = '';
    try {
      expect(parseIssuer(provider.issuer)).toEqual({ ok: false, problem: 'notHttps' });
      expect(parseIssuer('https://127.0.0.1:5432')).toEqual({ ok: false, problem: 'internalAddress' });
      expect(parseIssuer('https://[::1]')).toEqual({ ok: false, problem: 'internalAddress' });
      expect(parseIssuer('https://localhost:3000')).toEqual({ ok: false, problem: 'internalAddress' });
    } finally {
      process.env.PORTARIA_LOOPBACK_PROVIDERS = '1';
    }
    expect(await discoverProvider(`http://127.0.0.1:${await freePort()}`, 'x', 'y')).toEqual({ ok: false, problem: 'unreachable' });
    // The same provider under another name: its document names another issuer.
    expect(await discoverProvider(`http://localhost:${port}`, 'x', 'y')).toEqual({ ok: false, problem: 'issuerMismatch' });
    // A page that is not a discovery document.
    expect(await discoverProvider(`${provider.issuer}/jwks`, 'x', 'y')).toMatchObject({ ok: false });
  });
});

// ---------------------------------------------------------------------------------------------
// The code flow, through the provider's own pages (driven by HTTP, as a browser would).

type Jar = Map<string, string>;
function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Follows the provider's redirects from the authorization URL, signs in as `login` (or cancels), and returns the query the callback receives. */
async function throughProvider(authorizationUrl: string, login: string | 'cancel'): Promise<string> {
  const jar: Jar = new Map();
  let res = await fetch(authorizationUrl, { redirect: 'manual' });
  keep(jar, res);
  let location = new URL(res.headers.get('location')!, authorizationUrl);
  res = await fetch(location, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
  keep(jar, res);
  expect(await res.text()).toContain('Provedor de identidade de teste');
  const step = login === 'cancel' ? 'abort' : 'login';
  res = await fetch(new URL(`${location.pathname}/${step}`, location), {
    method: 'POST',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: login === 'cancel' ? '' : new URLSearchParams({ login }).toString(),
    redirect: 'manual',
  });
  keep(jar, res);
  for (let hops = 0; hops < 5; hops++) {
    location = new URL(res.headers.get('location')!, location);
    if (location.pathname === new URL(CLIENT.redirectUri).pathname) return location.search;
    res = await fetch(location, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    keep(jar, res);
  }
  throw new Error('the provider did not send the person back');
}

let domainSeq = 0;

/** A company whose people of `domain` sign in through the test provider. */
async function configured(opts: { policy?: 'approval' | 'auto'; required?: boolean; clientId?: string } = {}) {
  const m = await makeCompany();
  const domain = `empresa${++domainSeq}-${Date.now().toString(36)}.example.test`;
  await db.insert(companyDomains).values({ companyId: m.company.id, domain, policy: opts.policy ?? 'approval', signIn: true });
  await db.insert(companySignIn).values({
    companyId: m.company.id,
    issuer: provider.issuer,
    clientId: opts.clientId ?? CLIENT.clientId,
    clientSecretEncrypted: encryptSecret(CLIENT.clientSecret),
    required: opts.required ?? false,
  });
  return { ...m, domain };
}

function person(m: { domain: string }, local: string, extra: { emailVerified?: boolean; name?: string } = {}) {
  const email = `${local}@${m.domain}`;
  provider.accounts.set(email, { email, name: extra.name ?? `Pessoa ${local}`, emailVerified: extra.emailVerified });
  return email;
}

/** The key the browser that started the last sign-in holds in its cookie. */
let browserKey = '';
async function signInThroughProvider(email: string, login: string = email) {
  const started = await startCompanySignIn(db, email);
  if (!started.ok) throw new Error(`not started: ${started.problem}`);
  browserKey = started.browserKey;
  return throughProvider(started.url, login);
}

/** The provider's answer arriving in the browser that started the sign-in. */
const finish = (search: string, now?: Date) => finishCompanySignIn(db, search, browserKey, now);

describe('a discovery document with unusable endpoints', () => {
  it('is refused by "Testar configuração" and at sign-in, never a failure', async () => {
    const { createServer: createHttp } = await import('node:http');
    const docPort = await freePort();
    const issuer = `http://127.0.0.1:${docPort}`;
    let endpoints: Record<string, string> = {};
    const server = createHttp((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          issuer,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          ...endpoints,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(docPort, '127.0.0.1', resolve));
    try {
      endpoints = { authorization_endpoint: 'javascript:alert(1)//', token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` };
      expect(await discoverProvider(issuer, 'x', 'y')).toEqual({ ok: false, problem: 'missingEndpoints' });
      // A loopback document may not send the code and secret over plain HTTP elsewhere.
      endpoints = { authorization_endpoint: `${issuer}/auth`, token_endpoint: 'http://192.0.2.2:9913/token', jwks_uri: `${issuer}/jwks` };
      expect(await discoverProvider(issuer, 'x', 'y')).toEqual({ ok: false, problem: 'notHttps' });
      const m = await configured();
      await db.update(companySignIn).set({ issuer }).where(eq(companySignIn.companyId, m.company.id));
      expect(await startCompanySignIn(db, person(m, 'endpoint-ruim'))).toEqual({ ok: false, problem: 'providerUnavailable' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('"Entrar com a conta da empresa"', () => {
  it('signs an active contact in to the company, once, with a history entry', async () => {
    const m = await configured();
    const email = person(m, 'ana');
    const contact = await makeContact(m.company.id, { email });
    const search = await signInThroughProvider(email);
    const result = await finish(search);
    expect(result).toMatchObject({ ok: true, outcome: 'signedIn', companyId: m.company.id });
    const ticket = (result as { ticket: string }).ticket;
    expect(await redeemTicket(db, ticket)).toEqual({ accountId: contact.accountId, companyId: m.company.id, email });
    expect(await redeemTicket(db, ticket)).toBeNull();
    // The provider's answer works once.
    expect(await finish(search)).toEqual({ ok: false, problem: 'stateInvalid' });
    const [entry] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, m.company.id), eq(auditEvents.action, 'sign_in.company')));
    expect(entry).toMatchObject({ actorContactId: contact.id, subjectContactId: contact.id });
    expect(JSON.stringify(entry)).not.toContain(CLIENT.clientSecret);
  });

  it('sends the person to the provider with PKCE, state, nonce and their e-mail as a hint', async () => {
    const m = await configured();
    const started = await startCompanySignIn(db, `Bia@${m.domain.toUpperCase()}`);
    expect(started.ok).toBe(true);
    const url = new URL((started as { url: string }).url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('login_hint')).toBe(`bia@${m.domain}`);
    expect(url.searchParams.get('redirect_uri')).toBe(CLIENT.redirectUri);
  });

  it('an e-mail of no company with company sign-in is told to use the password', async () => {
    expect(await startCompanySignIn(db, 'alguem@sem-login.example.test')).toEqual({ ok: false, problem: 'noCompanySignIn' });
    expect(await startCompanySignIn(db, 'sem-arroba')).toEqual({ ok: false, problem: 'noCompanySignIn' });
  });

  it('a provider that is down is a clear refusal', async () => {
    const m = await configured();
    await db
      .update(companySignIn)
      .set({ issuer: `http://127.0.0.1:${await freePort()}` })
      .where(eq(companySignIn.companyId, m.company.id));
    expect(await startCompanySignIn(db, person(m, 'sem-provedor'))).toEqual({ ok: false, problem: 'providerUnavailable' });
  });

  it('refuses a tampered, missing or replayed state', async () => {
    const m = await configured();
    const email = person(m, 'estado');
    await makeContact(m.company.id, { email });
    const search = new URLSearchParams(await signInThroughProvider(email));
    const tampered = new URLSearchParams(search);
    tampered.set('state', `${search.get('state')}x`);
    expect(await finish(tampered.toString())).toEqual({ ok: false, problem: 'stateInvalid' });
    const missing = new URLSearchParams(search);
    missing.delete('state');
    expect(await finish(missing.toString())).toEqual({ ok: false, problem: 'stateInvalid' });
    expect(await finish(search.toString())).toMatchObject({ ok: true });
    expect(await finish(search.toString())).toEqual({ ok: false, problem: 'stateInvalid' });
  });

  it('refuses the answer in another browser than the one that started (login CSRF)', async () => {
    const m = await configured();
    const email = person(m, 'csrf');
    await makeContact(m.company.id, { email });
    const search = await signInThroughProvider(email);
    // Someone else's browser opens the link: its cookie holds another key, or none.
    expect(await finishCompanySignIn(db, search, undefined)).toEqual({ ok: false, problem: 'stateInvalid' });
    const other = await startCompanySignIn(db, email);
    const otherKey = (other as { browserKey: string }).browserKey;
    const search2 = await signInThroughProvider(email);
    expect(await finishCompanySignIn(db, search2, otherKey)).toEqual({ ok: false, problem: 'stateInvalid' });
    // The attempt stays for the browser that started it (another cannot spoil it).
    expect(await finish(search2)).toMatchObject({ ok: true, outcome: 'signedIn' });
  });

  it('refuses an expired attempt (ten minutes)', async () => {
    const m = await configured();
    const email = person(m, 'demorou');
    const search = await signInThroughProvider(email);
    expect(await finish(search, new Date(Date.now() + 11 * 60_000))).toEqual({ ok: false, problem: 'stateInvalid' });
  });

  it('refuses an ID token whose nonce is not the one sent, and a code whose PKCE verifier does not match', async () => {
    const m = await configured();
    const email = person(m, 'nonce');
    await makeContact(m.company.id, { email });
    let search = await signInThroughProvider(email);
    await db.update(signInAttempts).set({ nonce: 'outro-nonce-qualquer' });
    expect(await finish(search)).toEqual({ ok: false, problem: 'tokenInvalid' });
    search = await signInThroughProvider(email);
    await db.update(signInAttempts).set({ codeVerifier: 'x'.repeat(43) });
    expect(await finish(search)).toEqual({ ok: false, problem: 'tokenInvalid' });
  });

  it('refuses an expired ID token', async () => {
    const m = await configured();
    const email = person(m, 'expirado');
    await makeContact(m.company.id, { email });
    const search = await signInThroughProvider(email);
    const now = new Date();
    // Our clock two hours on: the ID token (valid one hour) has expired.
    vi.useFakeTimers({ toFake: ['Date'], now: now.getTime() + 2 * 3600_000 });
    try {
      expect(await finish(search, now)).toEqual({ ok: false, problem: 'tokenInvalid' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a code issued to another client of the provider (the token is not for the portal)', async () => {
    const m = await configured();
    const other = await configured({ clientId: OTHER.clientId });
    await db
      .update(companySignIn)
      .set({ clientSecretEncrypted: encryptSecret(OTHER.clientSecret) })
      .where(eq(companySignIn.companyId, other.company.id));
    const email = person(m, 'audiencia');
    await makeContact(m.company.id, { email });
    const ours = new URLSearchParams(await signInThroughProvider(email));
    // A code the provider issued to the other client, carried back with our state.
    const started = await startCompanySignIn(db, person(other, 'outra'));
    const theirs = new URLSearchParams(await throughProvider((started as { url: string }).url, `outra@${other.domain}`).catch(() => ''));
    ours.set('code', theirs.get('code') ?? 'codigo-de-outro-cliente');
    expect(await finish(ours.toString())).toEqual({ ok: false, problem: 'tokenInvalid' });
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const m = await configured();
    const email = person(m, 'nao-verificado', { emailVerified: false });
    await makeContact(m.company.id, { email });
    expect(await finish(await signInThroughProvider(email))).toEqual({ ok: false, problem: 'emailNotVerified' });
  });

  it("refuses an account of another domain (the provider vouches only for the company's domains)", async () => {
    const m = await configured();
    const stranger = 'intruso@outro-dominio.example.test';
    provider.accounts.set(stranger, { email: stranger, name: 'Intruso' });
    const search = await signInThroughProvider(person(m, 'dica'), stranger);
    expect(await finish(search)).toEqual({ ok: false, problem: 'domainNotOwned' });
  });

  it('the person who cancels at the provider is told so', async () => {
    const m = await configured();
    const search = await signInThroughProvider(person(m, 'desistiu'), 'cancel');
    expect(await finish(search)).toEqual({ ok: false, problem: 'cancelled' });
  });

  it('a removed contact is refused', async () => {
    const m = await configured();
    const email = person(m, 'removido');
    const contact = await makeContact(m.company.id, { email });
    await db
      .update(contacts)
      .set({ status: 'removed', removedAt: new Date() })
      .where(and(eq(contacts.companyId, m.company.id), eq(contacts.id, contact.id)));
    expect(await finish(await signInThroughProvider(email))).toEqual({ ok: false, problem: 'contactInactive' });
  });

  it('someone not yet a contact becomes a confirmed access request', async () => {
    const m = await configured();
    const email = person(m, 'novata', { name: 'Nina Novata' });
    expect(await finish(await signInThroughProvider(email))).toEqual({ ok: true, outcome: 'requested', companyName: m.company.name });
    const [request] = await db.select().from(accessRequests).where(eq(accessRequests.companyId, m.company.id));
    expect(request).toMatchObject({ status: 'pending', source: 'sso', name: 'Nina Novata', email, document: null });
  });

  it('under "Aprovar automaticamente" the person becomes a contact at once', async () => {
    const m = await configured({ policy: 'auto' });
    const email = person(m, 'automatica');
    expect(await finish(await signInThroughProvider(email))).toMatchObject({ ok: true, outcome: 'approved' });
    const [contact] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, m.company.id), eq(contacts.email, email)));
    expect(contact).toMatchObject({ status: 'active', document: null });
  });
});

describe('"Exigir login da empresa"', () => {
  it('a contact of two companies, one requiring its sign-in, keeps password access to the other', async () => {
    const a = await configured({ required: true });
    const b = await makeCompany();
    const email = person(a, 'duas-empresas');
    const inA = await makeContact(a.company.id, { email });
    await makeContact(b.company.id, { email });
    const byPassword = await resolveSession(db, await sessionFor(inA.accountId), a.company.id);
    expect(byPassword.status).toBe('ok');
    if (byPassword.status === 'ok') {
      expect(byPassword.context.memberships.map((m) => m.companyId)).toEqual([b.company.id]);
      expect(byPassword.context.companyId).toBe(b.company.id);
    }
    const result = await finish(await signInThroughProvider(email));
    const ticket = await redeemTicket(db, (result as { ticket: string }).ticket);
    const viaCompany = await resolveSession(db, await createSession(db, ticket!.accountId, { ssoCompanyId: ticket!.companyId }), a.company.id);
    expect(viaCompany.status === 'ok' && viaCompany.context.companyId).toBe(a.company.id);
    expect(viaCompany.status === 'ok' && viaCompany.context.memberships.map((m) => m.companyId).sort()).toEqual([a.company.id, b.company.id].sort());
  });

  it("only that company's domains: a contact of another domain still signs in with the password", async () => {
    const a = await configured({ required: true });
    const outsider = await makeContact(a.company.id, { email: 'consultor@fora.example.test' });
    const session = await resolveSession(db, await sessionFor(outsider.accountId), a.company.id);
    expect(session.status === 'ok' && session.context.companyId).toBe(a.company.id);
  });

  it('a password session that reaches no company says why', async () => {
    const a = await configured({ required: true });
    const only = await makeContact(a.company.id, { email: person(a, 'so-aqui') });
    expect(await resolveSession(db, await sessionFor(only.accountId), a.company.id)).toMatchObject({ status: 'no-company', companySignIn: true });
  });
});

describe('"Login da empresa" settings', () => {
  it("stores the secret encrypted, never in the history, and routes only the administrator's own domains", async () => {
    const m = await makeCompany(); // administrator admin.<code>@example.test
    const ctx = { companyId: m.company.id, companyName: m.company.name, contactId: m.admin.id, email: m.adminEmail };
    const own = await addDomain(ctx, { domain: `sso-${m.company.code.toLowerCase()}.example.test`, policy: 'approval' });
    const foreign = await addDomain(ctx, { domain: `outra-${m.company.code.toLowerCase()}.com.br`, policy: 'approval' });
    const base = { issuer: provider.issuer, clientId: CLIENT.clientId, clientSecret: '', domains: [] as string[], required: false };
    expect(await saveSignInSettings(ctx, base)).toEqual({ ok: false, fieldErrors: { clientSecret: 'clientSecretRequired' } });
    expect(await saveSignInSettings(ctx, { ...base, issuer: 'http://idp.example.com' })).toEqual({ ok: false, fieldErrors: { issuer: 'notHttps' } });
    expect(await saveSignInSettings(ctx, { ...base, clientSecret: 'segredo-1', domains: [(foreign as { id: string }).id] })).toEqual({
      ok: false,
      fieldErrors: { domains: 'signInDomainNotYours' },
    });
    expect(await saveSignInSettings(ctx, { ...base, clientSecret: 'segredo-1', domains: [(own as { id: string }).id], required: true })).toEqual({ ok: true });
    const [row] = await db.select().from(companySignIn).where(eq(companySignIn.companyId, m.company.id));
    expect(row!.clientSecretEncrypted).not.toContain('segredo-1');
    expect(await loadSignInSettings(m.company.id)).toEqual({
      issuer: provider.issuer,
      clientId: CLIENT.clientId,
      hasSecret: true,
      secretReadable: true,
      required: true,
    });
    // Saved again without the secret: the stored one stays.
    expect(await saveSignInSettings(ctx, { ...base, domains: [(own as { id: string }).id] })).toEqual({ ok: true });
    expect(decryptSecret((await db.select().from(companySignIn).where(eq(companySignIn.companyId, m.company.id)))[0]!.clientSecretEncrypted)).toBe('segredo-1');
    const history = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, m.company.id), eq(auditEvents.action, 'sign_in.settings_changed')));
    expect(history).toHaveLength(2);
    expect(JSON.stringify(history)).not.toContain('segredo-1');
  });

  it('a domain signs in through one company only', async () => {
    const a = await configured();
    const b = await makeCompany();
    const ctxB = { companyId: b.company.id, companyName: b.company.name, contactId: b.admin.id, email: `admin@${a.domain}` };
    const listed = await addDomain(ctxB, { domain: a.domain, policy: 'approval' });
    expect(
      await saveSignInSettings(ctxB, {
        issuer: provider.issuer,
        clientId: CLIENT.clientId,
        clientSecret: 's',
        domains: [(listed as { id: string }).id],
        required: false,
      }),
    ).toEqual({ ok: false, fieldErrors: { domains: 'signInDomainTaken' } });
  });
});

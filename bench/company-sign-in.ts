// The extra time of a sign-in through the company's provider, against a sign-in with a
// password, through the product's own code on PostgreSQL, with a real OpenID Connect provider
// (oidc-provider) on loopback. Per round:
// - password: authenticate (argon2id) + the server-side session;
// - company sign-in, the portal's part: start (discovery, attempt stored, authorization URL)
//   + finish (attempt taken, discovery, code exchanged, ID token validated, contact found,
//   ticket) + the ticket redeemed into a session;
// - the provider's part (its pages and redirects, driven by HTTP as a browser would, with no
//   one typing), measured apart.
// Medians of 30 rounds after 3 warm-up rounds. Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import { installConnection } from '../db/client';
import { companyDomains, companySignIn, contacts } from '../db/schema';
import { authenticate, findOrCreateAccount, setPassword } from '../lib/auth/accounts';
import { createSession } from '../lib/auth/sessions';
import { cpfFromBase } from '../lib/br/cpf';
import { createCompany } from '../lib/companies/mutations';
import { finishCompanySignIn, redeemTicket, startCompanySignIn } from '../lib/sign-in/flow';
import { encryptSecret } from '../lib/sign-in/secret';
import { startTestProvider } from '../tests/support/oidc-provider';
import { requireQuietMachine, freshDatabase } from './support';

const loadAtStart = requireQuietMachine();

const ROUNDS = 30;
const WARM = 3;
process.env.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-12';
process.env.APP_URL = 'http://127.0.0.1:3998';
process.env.PORTARIA_LOOPBACK_PROVIDERS = '1';

const port = await new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port: p } = s.address() as { port: number };
    s.close(() => resolve(p));
  });
});
const email = 'pessoa@sso-bench.example';
const client = { clientId: 'portaria-bench', clientSecret: 'segredo-bench', redirectUri: 'http://127.0.0.1:3998/login/company/callback' };
const provider = await startTestProvider({ port, clients: [client], accounts: [{ email, name: 'Pessoa Bench' }] });
const bench = await freshDatabase('bench_sso', 5);
installConnection(bench.conn);
const db = bench.conn.db;

function keep(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookie = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** The provider's part: its login page, the login, the redirects back. */
async function atProvider(url: string): Promise<string> {
  const jar = new Map<string, string>();
  let res = await fetch(url, { redirect: 'manual' });
  keep(jar, res);
  let location = new URL(res.headers.get('location')!, url);
  res = await fetch(location, { headers: { cookie: cookie(jar) }, redirect: 'manual' });
  keep(jar, res);
  await res.text();
  res = await fetch(new URL(`${location.pathname}/login`, location), {
    method: 'POST',
    headers: { cookie: cookie(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: email }).toString(),
    redirect: 'manual',
  });
  keep(jar, res);
  for (;;) {
    location = new URL(res.headers.get('location')!, location);
    if (location.pathname === '/login/company/callback') return location.search;
    res = await fetch(location, { headers: { cookie: cookie(jar) }, redirect: 'manual' });
    keep(jar, res);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const { company } = await createCompany(
    { code: 'BENCHSSO', name: 'Empresa Bench SSO', adminEmail: 'admin@sso-bench.example', adminName: 'Admin' },
    { invite: false },
  );
  await db.insert(companyDomains).values({ companyId: company.id, domain: 'sso-bench.example', signIn: true });
  await db
    .insert(companySignIn)
    .values({ companyId: company.id, issuer: provider.issuer, clientId: client.clientId, clientSecretEncrypted: encryptSecret(client.clientSecret) });
  const account = await findOrCreateAccount(db, email);
  await setPassword(db, account.id, 'senha-do-bench-123');
  await db.insert(contacts).values({
    companyId: company.id,
    accountId: account.id,
    name: 'Pessoa Bench',
    email,
    document: cpfFromBase('123123123'),
    areaCode: '11',
    phone: '987654321',
  });

  const password: number[] = [];
  const portal: number[] = [];
  const atIdp: number[] = [];
  for (let round = 0; round < ROUNDS + WARM; round++) {
    let t = performance.now();
    const result = await authenticate(db, email, 'senha-do-bench-123', { source: '127.0.0.1' });
    if (!result.ok) throw new Error('password refused');
    await createSession(db, result.accountId, {});
    const passwordMs = performance.now() - t;

    t = performance.now();
    const started = await startCompanySignIn(db, email);
    if (!started.ok) throw new Error(`not started: ${started.problem}`);
    const startMs = performance.now() - t;
    t = performance.now();
    const search = await atProvider(started.url);
    const idpMs = performance.now() - t;
    t = performance.now();
    const finished = await finishCompanySignIn(db, search, started.browserKey);
    if (!finished.ok || finished.outcome !== 'signedIn') throw new Error(`not signed in: ${JSON.stringify(finished)}`);
    const redeemed = await redeemTicket(db, finished.ticket);
    await createSession(db, redeemed!.accountId, { ssoCompanyId: redeemed!.companyId });
    const finishMs = performance.now() - t;
    if (round >= WARM) {
      password.push(passwordMs);
      portal.push(startMs + finishMs);
      atIdp.push(idpMs);
    }
  }
  await db.update(companySignIn).set({ required: false }).where(eq(companySignIn.companyId, company.id));
  const out = {
    rounds: ROUNDS,
    password_ms: Math.round(median(password)),
    company_sign_in_portal_ms: Math.round(median(portal)),
    extra_ms: Math.round(median(portal) - median(password)),
    provider_round_trips_ms: Math.round(median(atIdp)),
  };
  console.error(
    `password ${out.password_ms} ms; company sign-in, the portal's part ${out.company_sign_in_portal_ms} ms; the provider's pages ${out.provider_round_trips_ms} ms`,
  );
  console.log(JSON.stringify({ load_average_at_start: loadAtStart, ...out }));
} finally {
  await bench.drop();
  await provider.close();
}

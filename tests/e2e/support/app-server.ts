// Prepares a fresh database with the demo company and the e2e fixtures, then starts the
// product the way it runs:
// - embedded (no TEST_DATABASE_URL): the product's own start script (build if needed,
//   migrate, serve), one process on PGlite with the jobs inside;
// - on PostgreSQL (TEST_DATABASE_URL, as in CI): two `next start` instances with WORKER=off
//   behind a round-robin balancer on the tests' address, and `npm run worker` apart.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import { connectFromEnv } from '../../../db/connect';
import { installConnection } from '../../../db/client';
import { accessRequests, accounts, companyDomains, companySignIn, contactPermissions, contacts, tickets } from '../../../db/schema';
import { encryptSecret } from '../../../lib/sign-in/secret';
import { seedDemo } from '../../../db/seed';
import { findOrCreateAccount, setPassword } from '../../../lib/auth/accounts';
import { cpfFromBase } from '../../../lib/br/cpf';
import { createCompany } from '../../../lib/companies/mutations';
import { issueToken } from '../../../lib/auth/tokens';
import { enqueueMail } from '../../../lib/mail/outbox';
import { invitationMail } from '../../../lib/mail/templates';
import { startBalancer } from './balancer';
import { E2E, e2eDatabaseUrl } from './env';

const dataDir = path.resolve(E2E.dataDir);
rmSync(dataDir, { recursive: true, force: true });
process.env.PORTARIA_DATA_DIR = dataDir;
process.env.APP_URL = E2E.baseUrl;
const databaseUrl = e2eDatabaseUrl();
if (databaseUrl) {
  // A fresh database of its own on the server.
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl;
} else {
  delete process.env.DATABASE_URL;
}

const conn = connectFromEnv();
installConnection(conn);
await conn.migrate();
await seedDemo(conn.db, E2E.password);
const db = conn.db;

async function givePassword(email: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  await setPassword(db, account!.id, E2E.password);
}
for (const email of [E2E.demoContact, E2E.resetter, E2E.locked, E2E.passwordChanger]) await givePassword(email);

// A second company whose contacts the demo administrator must never see; its
// administrator is also a plain contact of the demo company (company switcher).
const other = await createCompany(
  { code: 'OUTRA', name: 'Outra Empresa S.A.', adminEmail: E2E.otherAdmin, adminName: 'Otto Administrador' },
  { invite: false },
);
const [demo] = await db.select().from(contacts).where(eq(contacts.email, E2E.demoAdmin));
await db.transaction(async (tx) => {
  await setPassword(tx, other.accountId, E2E.password);
  const beatriz = await findOrCreateAccount(tx, 'beatriz@outra.test');
  await tx.insert(contacts).values({
    companyId: other.company.id,
    accountId: beatriz.id,
    name: E2E.otherContactName,
    email: 'beatriz@outra.test',
    document: cpfFromBase('987654321'),
    areaCode: '47',
    phone: '988887777',
  });
  await tx.insert(contacts).values({
    companyId: demo!.companyId,
    accountId: other.accountId,
    name: 'Otto Administrador',
    email: E2E.otherAdmin,
    document: cpfFromBase('246813579'),
    areaCode: '11',
    phone: '33334444',
  });
  // A contact invited by the demo administrator, whose invitation goes out by SMTP.
  const invited = await findOrCreateAccount(tx, E2E.invited);
  await tx.insert(contacts).values({
    companyId: demo!.companyId,
    accountId: invited.id,
    name: 'Convidada Teste',
    email: E2E.invited,
    document: cpfFromBase('135792468'),
    areaCode: '11',
    phone: '977776666',
  });
  const [invitedContact] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, E2E.invited));
  const token = await issueToken(tx, { accountId: invited.id, purpose: 'invite', companyId: demo!.companyId, contactId: invitedContact!.id });
  await enqueueMail(
    tx,
    invitationMail({ companyId: demo!.companyId, companyName: 'Empresa Demonstração Ltda', name: 'Convidada Teste', email: E2E.invited, token }),
  );
});

// contacts-admin.spec.ts: one set of people per test (see E2E.admin).
const fx = E2E.admin;
await db.transaction(async (tx) => {
  const companyId = demo!.companyId;
  const people = [
    { ...fx.editJs, cpfBase: '301202303', areaCode: '11', phone: '912340001' },
    { ...fx.editNoJs, cpfBase: '302303404', areaCode: '21', phone: '912340002' },
    { ...fx.concurrentJs, cpfBase: '303404505', areaCode: '31', phone: '912340003' },
    { ...fx.concurrentNoJs, cpfBase: '304505606', areaCode: '41', phone: '912340004' },
    { ...fx.permissionsJs, cpfBase: '305606707', areaCode: '51', phone: '912340005' },
    { ...fx.permissionsNoJs, cpfBase: '316808909', areaCode: '51', phone: '912340015' },
    { ...fx.ticketsFrom, cpfBase: '306707808', areaCode: '61', phone: '912340006' },
    { ...fx.ticketsTo, cpfBase: '307808909', areaCode: '71', phone: '912340007' },
    { ...fx.pendingTickets, cpfBase: '308909101', areaCode: '81', phone: '912340008' },
    { ...fx.removeJs, cpfBase: '309101202', areaCode: '91', phone: '912340009', password: true },
    { ...fx.removeNoJs, cpfBase: '310202303', areaCode: '11', phone: '32340010', password: true },
    { ...fx.accessible, cpfBase: '317909101', areaCode: '11', phone: '912340017' },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const account = await findOrCreateAccount(tx, p.email);
    if ('password' in p) await setPassword(tx, account.id, E2E.password);
    const [row] = await tx
      .insert(contacts)
      .values({ companyId, accountId: account.id, name: p.name, email: p.email, document: cpfFromBase(p.cpfBase), areaCode: p.areaCode, phone: p.phone })
      .returning({ id: contacts.id });
    ids[p.email] = row!.id;
    // What a contact added through the form starts with.
    await tx.insert(contactPermissions).values({ companyId, contactId: row!.id, permission: 'self_service' });
  }
  const ticket = (number: number, requester: string, status: 'open' | 'in_progress' | 'closed') => ({
    companyId,
    number,
    subject: `Chamado de teste ${number}`,
    description: `Chamado de teste ${number}, criado para os testes de ponta a ponta.`,
    status,
    requesterId: ids[requester]!,
    closedAt: status === 'closed' ? new Date() : null,
  });
  await tx
    .insert(tickets)
    .values([
      ticket(9001, fx.ticketsFrom.email, 'open'),
      ticket(9002, fx.ticketsFrom.email, 'in_progress'),
      ticket(9003, fx.ticketsFrom.email, 'closed'),
      ticket(9004, fx.pendingTickets.email, 'open'),
      ticket(9005, fx.removeJs.email, 'closed'),
    ]);
});
// contacts-lifecycle.spec.ts (see E2E.lifecycle).
await db.transaction(async (tx) => {
  const companyId = demo!.companyId;
  const lc = E2E.lifecycle;
  const people = [
    { ...lc.deactivateJs, cpfBase: '411202303', password: true },
    { ...lc.deactivateNoJs, cpfBase: '412303404', password: true },
    { ...lc.restoreJs, cpfBase: '413404505', password: true },
    { ...lc.restoreNoJs, cpfBase: '414505606', password: true },
    { ...lc.bulkJs[0], cpfBase: '415606707' },
    { ...lc.bulkJs[1], cpfBase: '416707808' },
    { ...lc.bulkNoJs[0], cpfBase: '417808909' },
    { ...lc.bulkNoJs[1], cpfBase: '418909101' },
    { ...lc.neverJs, cpfBase: '419101202', invitedDaysAgo: 100 },
    { ...lc.neverNoJs, cpfBase: '420202303', invitedDaysAgo: 100 },
  ];
  for (const p of people) {
    const account = await findOrCreateAccount(tx, p.email);
    if ('password' in p) await setPassword(tx, account.id, E2E.password);
    const createdAt = 'invitedDaysAgo' in p ? new Date(Date.now() - p.invitedDaysAgo * 86_400_000) : new Date();
    const [row] = await tx
      .insert(contacts)
      .values({
        companyId,
        accountId: account.id,
        name: p.name,
        email: p.email,
        document: cpfFromBase(p.cpfBase),
        areaCode: '11',
        phone: '912345678',
        createdAt,
      })
      .returning({ id: contacts.id });
    await tx.insert(contactPermissions).values({ companyId, contactId: row!.id, permission: 'self_service' });
  }
});
// sessions.spec.ts: people with a password, whose sessions end during the tests.
await db.transaction(async (tx) => {
  let n = 0;
  for (const p of Object.values(E2E.sessions)) {
    const account = await findOrCreateAccount(tx, p.email);
    await setPassword(tx, account.id, E2E.password);
    const [row] = await tx
      .insert(contacts)
      .values({
        companyId: demo!.companyId,
        accountId: account.id,
        name: p.name,
        email: p.email,
        document: cpfFromBase(String(401502603 + n++)),
        areaCode: '11',
        phone: '912349999',
      })
      .returning({ id: contacts.id });
    await tx.insert(contactPermissions).values({ companyId: demo!.companyId, contactId: row!.id, permission: 'self_service' });
  }
});
// access-requests.spec.ts: confirmed requests waiting for the decisions in bulk.
{
  const r = E2E.requests;
  const waiting = [...r.bulkJs, r.bulkTaken, ...r.bulkNoJs];
  await db.insert(accessRequests).values(
    waiting.map((p, i) => ({
      companyId: demo!.companyId,
      status: 'pending' as const,
      name: p.name,
      email: p.email,
      document: cpfFromBase(p.cpfBase),
      areaCode: '11',
      phone: '987650000',
      reason: `Pedido de teste ${i + 1}.`,
      confirmedAt: new Date(Date.now() - (i + 1) * 60_000),
      notifiedAt: new Date(),
    })),
  );
}
// Two small companies whose administration is handed over (with and without JavaScript).
for (const [code, t, cpfBase] of [
  ['TRANSFJS', fx.transferJs, '311303404'],
  ['TRANSFNOJS', fx.transferNoJs, '312404505'],
] as const) {
  const created = await createCompany({ code, name: t.company, adminEmail: t.admin.email, adminName: t.admin.name }, { invite: false });
  await db.transaction(async (tx) => {
    await setPassword(tx, created.accountId, E2E.password);
    const heir = await findOrCreateAccount(tx, t.heir.email);
    await setPassword(tx, heir.id, E2E.password);
    await tx.insert(contacts).values({
      companyId: created.company.id,
      accountId: heir.id,
      name: t.heir.name,
      email: t.heir.email,
      document: cpfFromBase(cpfBase),
      areaCode: '48',
      phone: '988776655',
    });
  });
}
// A company at scale: 100,000 people, generated by the database itself (a few seconds on
// PostgreSQL). Every fifth is authorized for consultancy, every other one can open tickets.
{
  const big = await createCompany({ code: E2E.large.code, name: E2E.large.name, adminEmail: E2E.large.admin, adminName: 'Gina Grande' }, { invite: false });
  await setPassword(db, big.accountId, E2E.password);
  const started = Date.now();
  await db.execute(sql`
    insert into accounts (email) select 'cliente.' || g || '@grande.test' from generate_series(1, ${E2E.large.contacts}) g`);
  await db.execute(sql`
    insert into contacts (company_id, account_id, name, email, country, document, phone, consultancy, permissions)
    select ${big.company.id}, a.id, 'Cliente ' || g || ' Escala', a.email, 'US', 'GR-' || g, '202555' || lpad((g % 10000)::text, 4, '0'), g % 5 = 0,
      -- The copy of the permissions inserted below (migration 0016): written with the row, so
      -- the trigger that keeps it finds nothing to rewrite.
      case when g % 2 = 0 then '{self_service}'::text[] else '{}'::text[] end
    from generate_series(1, ${E2E.large.contacts}) g join accounts a on a.email = 'cliente.' || g || '@grande.test'`);
  await db.execute(sql`
    insert into contact_permissions (company_id, contact_id, permission)
    select company_id, id, 'self_service' from contacts where company_id = ${big.company.id} and not is_admin and right(document, 1) in ('0', '2', '4', '6', '8')`);
  await db.execute(sql`analyze contacts`);
  await db.execute(sql`analyze accounts`);
  await db.execute(sql`analyze contact_permissions`);
  console.log(`e2e: ${E2E.large.contacts} contacts of ${E2E.large.name} in ${Date.now() - started} ms`);
}
// company-sign-in.spec.ts: two companies signing their people in through the test provider.
process.env.AUTH_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';
{
  const p = E2E.provider;
  const issuer = `http://localhost:${E2E.providerPort}`;
  let n = 0;
  for (const [c, required, people] of [
    [p.company, false, [p.member, p.memberNoJs]],
    [p.strict, true, [p.twoCompanies]],
  ] as const) {
    const created = await createCompany({ code: c.code, name: c.name, adminEmail: c.admin, adminName: `Admin ${c.name}` }, { invite: false });
    await setPassword(db, created.accountId, E2E.password);
    await db.insert(companyDomains).values({ companyId: created.company.id, domain: c.domain, policy: 'approval', signIn: true });
    await db
      .insert(companySignIn)
      .values({ companyId: created.company.id, issuer, clientId: p.clientId, clientSecretEncrypted: encryptSecret(p.clientSecret), required });
    for (const person of people) {
      const account = await findOrCreateAccount(db, person.email);
      await setPassword(db, account.id, E2E.password);
      await db.insert(contacts).values({
        companyId: created.company.id,
        accountId: account.id,
        name: person.name,
        email: person.email,
        document: cpfFromBase(String(601702803 + n++)),
        areaCode: '11',
        phone: '912348888',
      });
    }
  }
  // The person of the strict company is also a contact of the demo company.
  const [dora] = await db.select().from(accounts).where(eq(accounts.email, p.twoCompanies.email));
  await db.insert(contacts).values({
    companyId: demo!.companyId,
    accountId: dora!.id,
    name: p.twoCompanies.name,
    email: p.twoCompanies.email,
    document: cpfFromBase('701802903'),
    areaCode: '11',
    phone: '912347777',
  });
}
await conn.close();

const productEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DEMO_ADMIN_PASSWORD: E2E.password,
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  // Small import batches, so the progress page of a 1,000-row import can be seen.
  IMPORT_BATCH: '5',
  AUTH_SECRET: process.env.AUTH_SECRET,
  // The test provider runs on this machine, over plain HTTP.
  PORTARIA_LOOPBACK_PROVIDERS: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  // Warnings and errors only: a line per request would drown the test report.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

const children: ChildProcess[] = [];
const stopAll = (signal: NodeJS.Signals) => children.forEach((c) => c.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));
function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', env });
  children.push(child);
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    process.exit(code ?? 0);
  });
  return child;
}

if (!databaseUrl) {
  run(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/start.ts'], { ...productEnv, PORT: String(E2E.port) });
} else {
  // `npm run test:e2e` has just built the product.
  run(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], productEnv);
  for (const port of E2E.instancePorts) {
    run(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], { ...productEnv, WORKER: 'off', TRUST_PROXY: '1', PORT: String(port) });
  }
  // The balancer opens once both instances are ready, so the tests never meet a half-started pair.
  for (const port of E2E.instancePorts) {
    for (let ready = false; !ready;) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 250));
    }
  }
  await startBalancer(E2E.port, E2E.instancePorts);
  console.log(`Balanceador em ${E2E.baseUrl} → instâncias ${E2E.instancePorts.join(', ')}; worker à parte.`);
}

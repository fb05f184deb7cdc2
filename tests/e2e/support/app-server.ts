// Prepares a fresh embedded database with the demo company and the e2e fixtures, then
// hands over to the product's own start script (build if needed, migrate, serve).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { connectFromEnv } from '../../../db/connect';
import { installConnection } from '../../../db/client';
import { accounts, contacts } from '../../../db/schema';
import { seedDemo } from '../../../db/seed';
import { findOrCreateAccount, setPassword } from '../../../lib/auth/accounts';
import { cpfFromBase } from '../../../lib/br/cpf';
import { createCompany } from '../../../lib/companies/mutations';
import { issueToken } from '../../../lib/auth/tokens';
import { enqueueMail } from '../../../lib/mail/outbox';
import { invitationMail } from '../../../lib/mail/templates';
import { E2E } from './env';

const dataDir = path.resolve(E2E.dataDir);
rmSync(dataDir, { recursive: true, force: true });
process.env.PORTARIA_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.APP_URL = E2E.baseUrl;

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
const other = await createCompany({ code: 'OUTRA', name: 'Outra Empresa S.A.', adminEmail: E2E.otherAdmin, adminName: 'Otto Administrador' }, { invite: false });
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
  const token = await issueToken(tx, { accountId: invited.id, purpose: 'invite', companyId: demo!.companyId });
  await enqueueMail(tx, invitationMail({ companyId: demo!.companyId, companyName: 'Empresa Demonstração Ltda', name: 'Convidada Teste', email: E2E.invited, token }));
});
await conn.close();

const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/start.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(E2E.port),
    DEMO_ADMIN_PASSWORD: E2E.password,
    SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    NEXT_TELEMETRY_DISABLED: '1',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

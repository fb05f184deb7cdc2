import { randomBytes } from 'node:crypto';
import { db } from '@/db/client';
import { contactPermissions, contacts, type PermissionKey } from '@/db/schema';
import { cpfFromBase } from '@/lib/br/cpf';
import { findOrCreateAccount, setPassword } from '@/lib/auth/accounts';
import { createSession } from '@/lib/auth/sessions';
import { createCompany } from '@/lib/companies/mutations';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();

export function randomCpf(): string {
  let base: string;
  do base = String(Math.floor(Math.random() * 999_999_998) + 1).padStart(9, '0');
  while (/^(\d)\1{8}$/.test(base));
  return cpfFromBase(base);
}

/** A company of its own for each test: no test sees another's data. */
export async function makeCompany(opts: { name?: string; adminPassword?: string } = {}) {
  const code = `T${unique()}`.slice(0, 20);
  const email = `admin.${code.toLowerCase()}@example.test`;
  const result = await createCompany({ code, name: opts.name ?? `Empresa ${code}`, adminEmail: email, adminName: `Admin ${code}` }, { invite: false });
  if (opts.adminPassword) await setPassword(db, result.accountId, opts.adminPassword);
  return { company: result.company, admin: result.admin, adminAccountId: result.accountId, adminEmail: email };
}

export async function makeContact(
  companyId: string,
  opts: { name?: string; email?: string; document?: string; password?: string; permissions?: PermissionKey[]; country?: string } = {},
) {
  const email = opts.email ?? `contato.${unique().toLowerCase()}@example.test`;
  const account = await findOrCreateAccount(db, email);
  if (opts.password) await setPassword(db, account.id, opts.password);
  const [contact] = await db
    .insert(contacts)
    .values({
      companyId,
      accountId: account.id,
      name: opts.name ?? `Contato ${unique()}`,
      email,
      country: opts.country ?? 'BR',
      document: opts.document ?? randomCpf(),
      areaCode: '11',
      phone: '987654321',
    })
    .returning();
  if (opts.permissions?.length) {
    await db.insert(contactPermissions).values(opts.permissions.map((permission) => ({ companyId, contactId: contact!.id, permission })));
  }
  return { ...contact!, accountId: account.id };
}

/** A signed-in browser of the account: the token its cookie would carry. */
export function sessionFor(accountId: string, origin: { ip?: string; userAgent?: string } = {}, now?: Date): Promise<string> {
  return createSession(db, accountId, origin, now);
}

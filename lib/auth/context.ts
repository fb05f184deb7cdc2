import { and, asc, eq } from 'drizzle-orm';
import { accounts, companies, contactPermissions, contacts, type PermissionKey } from '@/db/schema';
import type { Executor } from '@/db/connect';

export type Membership = { companyId: string; companyName: string; companyCode: string; contactId: string; isAdmin: boolean };

export type ContactContext = {
  accountId: string;
  email: string;
  companyId: string;
  companyName: string;
  contactId: string;
  contactName: string;
  isAdmin: boolean;
  permissions: ReadonlySet<PermissionKey>;
  memberships: Membership[];
};

export type ResolvedSession =
  | { status: 'signed-out' }
  | { status: 'no-company'; accountId: string; email: string }
  | { status: 'ok'; context: ContactContext };

/**
 * Reads who the person is, in which companies, with which role and permissions, from the
 * database on every request: the session token only names the account, so removing,
 * demoting or changing someone's permissions takes effect on their next request.
 */
export async function resolveSession(
  db: Executor,
  identity: { accountId: string; sessionVersion: number } | null,
  preferredCompanyId: string | undefined,
): Promise<ResolvedSession> {
  if (!identity) return { status: 'signed-out' };
  const [account] = await db.select().from(accounts).where(eq(accounts.id, identity.accountId));
  // A password change bumps the version: sessions opened before it end here.
  if (!account || account.sessionVersion !== identity.sessionVersion) return { status: 'signed-out' };

  const memberships = await db
    .select({
      companyId: companies.id,
      companyName: companies.name,
      companyCode: companies.code,
      contactId: contacts.id,
      contactName: contacts.name,
      isAdmin: contacts.isAdmin,
    })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.accountId, account.id), eq(contacts.status, 'active')))
    .orderBy(asc(companies.name));
  if (memberships.length === 0) return { status: 'no-company', accountId: account.id, email: account.email };

  // The chosen company if the person belongs to it; otherwise one they administer, since
  // administrators come to the portal mostly to administer.
  const current =
    memberships.find((m) => m.companyId === preferredCompanyId) ?? memberships.find((m) => m.isAdmin) ?? memberships[0]!;
  const permissionRows = await db
    .select({ permission: contactPermissions.permission })
    .from(contactPermissions)
    .where(and(eq(contactPermissions.companyId, current.companyId), eq(contactPermissions.contactId, current.contactId)));

  return {
    status: 'ok',
    context: {
      accountId: account.id,
      email: account.email,
      companyId: current.companyId,
      companyName: current.companyName,
      contactId: current.contactId,
      contactName: current.contactName,
      isAdmin: current.isAdmin,
      permissions: new Set(permissionRows.map((r) => r.permission)),
      memberships: memberships.map(({ contactName: _n, ...m }) => m),
    },
  };
}

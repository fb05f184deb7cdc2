import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { accounts, companies, contactPermissions, contacts, groupMembers, groups, sessions, type PermissionKey } from '@/db/schema';
import type { Executor } from '@/db/connect';
import { SESSION_IDLE_MS, touchSession } from './sessions';
import { hashToken } from './tokens';

export type Membership = { companyId: string; companyName: string; companyCode: string; contactId: string; isAdmin: boolean };

export type ContactContext = {
  accountId: string;
  // The server-side session of this request ("Esta sessão" on "Meu perfil").
  sessionId: string;
  email: string;
  companyId: string;
  companyName: string;
  contactId: string;
  contactName: string;
  isAdmin: boolean;
  permissions: ReadonlySet<PermissionKey>;
  inRestrictedGroup: boolean;
  /** Access requests waiting for this company's administrator (0 for a contact), counted up to PENDING_COUNT_LIMIT. */
  pendingRequests: number;
  memberships: Membership[];
};

/** The navigation shows "999+" past this: the count stops there, whatever the queue. */
export const PENDING_COUNT_LIMIT = 1000;

export type ResolvedSession =
  | { status: 'signed-out' }
  | { status: 'no-company'; accountId: string; sessionId: string; email: string; companySignIn?: boolean }
  | { status: 'ok'; context: ContactContext };

/** The company the switcher chose, kept for the person's next sign-in. */
export async function rememberCompany(db: Executor, accountId: string, companyId: string): Promise<void> {
  await db.update(accounts).set({ lastCompanyId: companyId }).where(eq(accounts.id, accountId));
}

// "Último acesso" is written at most this often per contact, not on every request.
export const LAST_ACCESS_EVERY_MS = 5 * 60_000;

/** Records that the person used this company now, if the last record is older than LAST_ACCESS_EVERY_MS. */
async function touchContact(db: Executor, companyId: string, contactId: string, lastAccessAt: Date | null, now: Date): Promise<void> {
  if (lastAccessAt && now.getTime() - new Date(lastAccessAt).getTime() < LAST_ACCESS_EVERY_MS) return;
  await db
    .update(contacts)
    .set({ lastAccessAt: now })
    .where(
      and(
        eq(contacts.companyId, companyId),
        eq(contacts.id, contactId),
        sql`(${contacts.lastAccessAt} is null or ${contacts.lastAccessAt} < ${new Date(now.getTime() - LAST_ACCESS_EVERY_MS)})`,
      ),
    );
}

/**
 * The one round trip of every request, through the session's unique index: the live session
 * (as sessionIsLive: before its end, used within the idle time), its account, the account's
 * active memberships, and each membership's permissions. Prepared once per connection: the
 * statement is neither rebuilt nor planned again on every request.
 */
function buildSessionLookup(db: Executor) {
  return db
    .select({
      sessionId: sessions.id,
      sessionStartedAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      sessionsEndedAt: contacts.sessionsEndedAt,
      lastAccessAt: contacts.lastAccessAt,
      ssoCompanyId: sessions.ssoCompanyId,
      // "Exigir login da empresa" covers this contact (its e-mail is of a sign-in domain).
      companySignInRequired: sql<boolean>`exists(select 1 from company_sign_in s join company_domains d on d.company_id = s.company_id and d.sign_in
        where s.company_id = ${contacts.companyId} and s.required and d.domain = split_part(lower(${contacts.email}), '@', 2))`,
      accountId: accounts.id,
      email: accounts.email,
      lastCompanyId: accounts.lastCompanyId,
      companyId: companies.id,
      companyName: companies.name,
      companyCode: companies.code,
      contactId: contacts.id,
      contactName: contacts.name,
      isAdmin: contacts.isAdmin,
      permissions: sql<PermissionKey[]>`array(select ${contactPermissions.permission} from ${contactPermissions}
        where ${contactPermissions.companyId} = ${contacts.companyId} and ${contactPermissions.contactId} = ${contacts.id})`,
      // Member of a restricted group in use: sees only own tickets and the groups' tickets.
      inRestrictedGroup: sql<boolean>`exists(select 1 from ${groupMembers} gm join ${groups} g on g.company_id = gm.company_id and g.id = gm.group_id
        where gm.company_id = ${contacts.companyId} and gm.contact_id = ${contacts.id} and g.restricted and not g.in_disuse)`,
      // The navigation's count of access requests waiting, for an administrator (an indexed count, bounded).
      pendingRequests: sql<number>`case when ${contacts.isAdmin} then (select count(*)::int from (select 1 from access_requests ar
        where ar.company_id = ${contacts.companyId} and ar.status = 'pending' limit ${sql.raw(String(PENDING_COUNT_LIMIT))}) pending) else 0 end`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(contacts, and(eq(contacts.accountId, accounts.id), eq(contacts.status, 'active')))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastUsedAt, sql.placeholder('idleSince')),
      ),
    )
    .orderBy(asc(companies.name))
    .prepare('portaria_session_lookup');
}

const lookups = new WeakMap<Executor, ReturnType<typeof buildSessionLookup>>();
function sessionLookup(db: Executor) {
  let found = lookups.get(db);
  if (!found) lookups.set(db, (found = buildSessionLookup(db)));
  return found;
}

/**
 * Reads who the person is, in which companies, with which role and permissions, from the
 * database on every request: the cookie only names a server-side session, so ending the
 * session, removing, demoting or changing someone's permissions takes effect on their next
 * request.
 */
export async function resolveSession(
  db: Executor,
  sessionToken: string | null | undefined,
  preferredCompanyId: string | undefined,
  now = new Date(),
): Promise<ResolvedSession> {
  if (!sessionToken) return { status: 'signed-out' };
  const rows = await sessionLookup(db).execute({
    tokenHash: hashToken(sessionToken),
    now,
    idleSince: new Date(now.getTime() - SESSION_IDLE_MS),
  });
  const account = rows[0];
  // Ended ("Sair", a password change, "Encerrar sessões"), or past its 12 hours or 2 idle hours.
  if (!account) return { status: 'signed-out' };
  // A company whose administrator ended this person's sessions after this one started is out
  // of its reach; the person's other companies are not.
  const endedHere = (r: (typeof rows)[number]) => r.sessionsEndedAt !== null && r.sessionsEndedAt >= r.sessionStartedAt;
  // A company that requires its own sign-in for this person is reached only by a session
  // opened through its provider; the person's other companies are not affected.
  const needsCompanySignIn = (r: (typeof rows)[number]) => Boolean(r.companySignInRequired) && r.ssoCompanyId !== r.companyId;
  const reachable = rows.filter((r) => r.companyId && r.contactId && !endedHere(r) && !needsCompanySignIn(r));
  if (reachable.length === 0 && rows.some(endedHere)) return { status: 'signed-out' };
  await touchSession(db, account.sessionId, account.lastUsedAt, now);
  const memberships = reachable as ((typeof rows)[number] & {
    companyId: string;
    companyName: string;
    companyCode: string;
    contactId: string;
    contactName: string;
    isAdmin: boolean;
  })[];
  if (memberships.length === 0) {
    return {
      status: 'no-company',
      accountId: account.accountId,
      sessionId: account.sessionId,
      email: account.email,
      companySignIn: rows.some(needsCompanySignIn),
    };
  }

  // The chosen company if the person belongs to it; otherwise one they administer, since
  // administrators come to the portal mostly to administer.
  // The company chosen in this browser, else the one last chosen anywhere (the switcher
  // remembers it on the account), else one the person administers.
  const current =
    memberships.find((m) => m.companyId === preferredCompanyId) ??
    memberships.find((m) => m.companyId === account.lastCompanyId) ??
    memberships.find((m) => m.isAdmin) ??
    memberships[0]!;
  await touchContact(db, current.companyId, current.contactId, current.lastAccessAt, now);

  return {
    status: 'ok',
    context: {
      accountId: account.accountId,
      sessionId: account.sessionId,
      email: account.email,
      companyId: current.companyId,
      companyName: current.companyName,
      contactId: current.contactId,
      contactName: current.contactName,
      isAdmin: current.isAdmin,
      permissions: new Set(current.permissions ?? []),
      inRestrictedGroup: Boolean(current.inRestrictedGroup),
      pendingRequests: Number(current.pendingRequests ?? 0),
      memberships: memberships.map((m) => ({
        companyId: m.companyId,
        companyName: m.companyName,
        companyCode: m.companyCode,
        contactId: m.contactId,
        isAdmin: m.isAdmin,
      })),
    },
  };
}

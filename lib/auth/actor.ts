import type { PermissionKey } from '@/db/schema/permission-keys';

// Who is acting, in which company: always taken from the session (lib/auth/session.ts),
// never from a form. Every domain's mutations take one of these as their first argument.

/** An administrator acting on their company (contacts, groups, imports, forwarding). */
export type AdminContext = { companyId: string; companyName: string; contactId: string; email: string; sessionId?: string };

/** Who is looking at tickets: what they may see follows from role and permissions. */
export type Viewer = { contactId: string; isAdmin: boolean; permissions: ReadonlySet<PermissionKey>; inRestrictedGroup?: boolean };

/** A contact acting in their company (opening tickets, changing a ticket's status). */
export type ContactActor = Viewer & { companyId: string; email: string };

/** The author of a history entry: a contact, or the vendor's operator (both null). */
export type Actor = { contactId: string | null; email: string | null };

export const OPERATOR: Actor = { contactId: null, email: null };

export const actorOf = (ctx: { contactId: string; email: string }): Actor => ({ contactId: ctx.contactId, email: ctx.email });

/** What a mutation answers: done (with data), or refused with a reason or field errors (catalog keys). */
export type Result<T = object, E extends string = string> =
  ({ ok: true } & T) | { ok: false; error?: E; fieldErrors?: Record<string, string>; currentVersion?: number };

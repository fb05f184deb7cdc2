import { auditEvents } from '@/db/schema';
import type { Executor } from '@/db/connect';

import type { Actor } from '@/lib/auth/actor';

/** Every kind of history entry; the history page's filter and labels follow this list. */
export const AUDIT_ACTIONS = [
  'company.created',
  'contact.created',
  'contact.updated',
  'contact.permissions_changed',
  'contact.admin_transferred',
  'contact.tickets_transferred',
  'contact.sessions_ended',
  'contact.removed',
  'contact.deactivated',
  'contact.reactivated',
  'contact.restored',
  'contact.invitation_resent',
  'contact.erased',
  'contacts.bulk',
  'ticket.created',
  'ticket.status_changed',
  'ticket.forwarded',
  'group.created',
  'group.updated',
  'group.members_added',
  'group.member_removed',
  'group.email_added',
  'group.email_removed',
  'contacts.imported',
  'import.undone',
  'request.submitted',
  'request.approved',
  'request.rejected',
  'requests.decided',
  'domain.added',
  'domain.policy_changed',
  'domain.removed',
  'sign_in.company',
  'sign_in.settings_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  companyId: string;
  actor: Actor;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  subjectContactId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Always called with the transaction that makes the change: no change without its entry. */
export async function recordAudit(tx: Executor, input: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) return;
  await tx.insert(auditEvents).values(
    list.map((e) => ({
      companyId: e.companyId,
      actorContactId: e.actor.contactId,
      actorEmail: e.actor.email,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      subjectContactId: e.subjectContactId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

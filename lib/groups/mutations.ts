import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { uniqueViolation } from '@/db/errors';
import { contacts, groupEmails, groupMembers, groups, type Group } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext, type Result } from '@/lib/auth/actor';
import { isUuid } from '@/db/sql-helpers';
import type { GroupInput, UpdateGroupInput } from './schema';

export type GroupResult<T = object> = Result<T, 'notFound' | 'stale'>;

const AUDITED = ['name', 'type', 'responsibleId', 'inDisuse', 'restricted', 'mailbox'] as const;
const snapshot = (g: Pick<Group, (typeof AUDITED)[number]>) => Object.fromEntries(AUDITED.map((k) => [k, g[k]]));

function values(input: GroupInput) {
  return {
    name: input.name,
    type: input.type,
    responsibleId: input.responsibleId || null,
    inDisuse: input.inDisuse,
    restricted: input.restricted,
    mailbox: input.mailbox || null,
  };
}

/** A responsible must be an active contact of the same company (the composite key checks the company too). */
async function responsibleOk(tx: Executor, companyId: string, id: string | null): Promise<boolean> {
  if (!id) return true;
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id), eq(contacts.status, 'active')))
    // Waits for a removal in progress, which would otherwise leave a removed responsible.
    .for('share');
  return Boolean(row);
}

function nameTaken(err: unknown) {
  return uniqueViolation(err) === 'groups_name_key' ? { name: 'groupNameTaken' } : null;
}

export async function createGroup(ctx: AdminContext, input: GroupInput, executor: Executor = db): Promise<GroupResult<{ groupId: string }>> {
  const data = values(input);
  try {
    return await executor.transaction(async (tx) => {
      if (!(await responsibleOk(tx, ctx.companyId, data.responsibleId))) return { ok: false as const, fieldErrors: { responsibleId: 'responsibleInvalid' } };
      const [group] = await tx
        .insert(groups)
        .values({ companyId: ctx.companyId, ...data })
        .returning();
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'group.created',
        entityType: 'group',
        entityId: group!.id,
        after: snapshot(group!),
      });
      return { ok: true as const, groupId: group!.id };
    });
  } catch (err) {
    const fieldErrors = nameTaken(err);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw err;
  }
}

export async function updateGroup(ctx: AdminContext, input: UpdateGroupInput, executor: Executor = db): Promise<GroupResult> {
  const data = values(input);
  try {
    return await executor.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(groups)
        .where(and(eq(groups.companyId, ctx.companyId), eq(groups.id, input.id)));
      if (!current) return { ok: false as const, error: 'notFound' as const };
      if (current.version !== input.version) return { ok: false as const, error: 'stale' as const, currentVersion: current.version };
      if (!(await responsibleOk(tx, ctx.companyId, data.responsibleId))) return { ok: false as const, fieldErrors: { responsibleId: 'responsibleInvalid' } };
      const [updated] = await tx
        .update(groups)
        .set({ ...data, version: sql`${groups.version} + 1`, updatedAt: new Date() })
        .where(and(eq(groups.companyId, ctx.companyId), eq(groups.id, current.id), eq(groups.version, input.version)))
        .returning();
      if (!updated) return { ok: false as const, error: 'stale' as const, currentVersion: current.version + 1 };
      const before = snapshot(current);
      const after = snapshot(updated);
      const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
      if (changed.length) {
        await recordAudit(tx, {
          companyId: ctx.companyId,
          actor: actorOf(ctx),
          action: 'group.updated',
          entityType: 'group',
          entityId: current.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      }
      return { ok: true as const };
    });
  } catch (err) {
    const fieldErrors = nameTaken(err);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw err;
  }
}

async function groupExists(tx: Executor, companyId: string, groupId: string) {
  if (!isUuid(groupId)) return false;
  const [row] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.companyId, companyId), eq(groups.id, groupId)));
  return Boolean(row);
}

/** Links several active contacts of the company at once; ids from elsewhere are ignored. */
export async function addGroupMembers(
  ctx: AdminContext,
  groupId: string,
  contactIds: string[],
  executor: Executor = db,
): Promise<GroupResult<{ added: number }>> {
  return executor.transaction(async (tx) => {
    if (!(await groupExists(tx, ctx.companyId, groupId))) return { ok: false as const, error: 'notFound' as const };
    const wanted = [...new Set(contactIds.filter((id) => isUuid(id)))];
    if (wanted.length === 0) return { ok: true as const, added: 0 };
    const people = await tx
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.status, 'active'), inArray(contacts.id, wanted)))
      .for('share');
    if (people.length === 0) return { ok: true as const, added: 0 };
    const added = await tx
      .insert(groupMembers)
      .values(people.map((p) => ({ companyId: ctx.companyId, groupId, contactId: p.id })))
      .onConflictDoNothing()
      .returning({ contactId: groupMembers.contactId });
    if (added.length) {
      const names = new Map(people.map((p) => [p.id, p.name]));
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'group.members_added',
        entityType: 'group',
        entityId: groupId,
        after: { members: added.map((a) => names.get(a.contactId)) },
      });
    }
    return { ok: true as const, added: added.length };
  });
}

export async function removeGroupMember(ctx: AdminContext, groupId: string, contactId: string, executor: Executor = db): Promise<GroupResult> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    if (!(await groupExists(tx, ctx.companyId, groupId))) return { ok: false as const, error: 'notFound' as const };
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.companyId, ctx.companyId), eq(groupMembers.groupId, groupId), eq(groupMembers.contactId, contactId)))
      .returning({ contactId: groupMembers.contactId });
    if (removed.length === 0) return { ok: false as const, error: 'notFound' as const };
    const [person] = await tx
      .select({ name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, contactId)));
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'group.member_removed',
      entityType: 'group',
      entityId: groupId,
      before: { members: [person?.name] },
    });
    return { ok: true as const };
  });
}

export async function addGroupEmail(ctx: AdminContext, groupId: string, email: string, executor: Executor = db): Promise<GroupResult> {
  try {
    return await executor.transaction(async (tx) => {
      if (!(await groupExists(tx, ctx.companyId, groupId))) return { ok: false as const, error: 'notFound' as const };
      await tx.insert(groupEmails).values({ companyId: ctx.companyId, groupId, email });
      await recordAudit(tx, {
        companyId: ctx.companyId,
        actor: actorOf(ctx),
        action: 'group.email_added',
        entityType: 'group',
        entityId: groupId,
        after: { email },
      });
      return { ok: true as const };
    });
  } catch (err) {
    if (uniqueViolation(err) === 'group_emails_email_key') return { ok: false, fieldErrors: { email: 'groupEmailTaken' } };
    throw err;
  }
}

export async function removeGroupEmail(ctx: AdminContext, groupId: string, emailId: string, executor: Executor = db): Promise<GroupResult> {
  if (!isUuid(emailId) || !isUuid(groupId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const removed = await tx
      .delete(groupEmails)
      .where(and(eq(groupEmails.companyId, ctx.companyId), eq(groupEmails.groupId, groupId), eq(groupEmails.id, emailId)))
      .returning({ email: groupEmails.email });
    if (removed.length === 0) return { ok: false as const, error: 'notFound' as const };
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'group.email_removed',
      entityType: 'group',
      entityId: groupId,
      before: { email: removed[0]!.email },
    });
    return { ok: true as const };
  });
}

import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { uniqueViolation } from '@/db/errors';
import { contactPermissions, contacts, type Contact, type PermissionKey } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { actorOf, type AdminContext, type Result as ActionResult } from '@/lib/auth/actor';
import { findOrCreateAccount } from '@/lib/auth/accounts';
import { voidCompanyInvitations } from '@/lib/auth/tokens';
import { isUuid } from '@/db/sql-helpers';
import { phoneProblems } from '@/lib/br/phone';
import { normaliseContact, type CreateContactInput, type OwnProfileInput, type UpdateContactInput } from './schema';
import { compareEdits, OWN_PROFILE_UNITS, storedValues, type ContactValues, type EditComparison } from './edit-conflict';
import { takenKeys } from './taken';
import { queueWelcomes } from './welcome';
import { insertContacts } from './write';

export { DEFAULT_PERMISSIONS } from './write';

export type ContactError =
  'notFound' | 'stale' | 'isAdmin' | 'hasOpenTickets' | 'notAdminAnymore' | 'sameContact' | 'targetNotFound' | 'deactivated' | 'hasPassword';
export type Result<T = object> = ActionResult<T, ContactError>;

// The fields an administrator edits; history records them before and after.
const AUDITED = ['name', 'email', 'country', 'document', 'areaCode', 'phone', 'consultancy'] as const;
function snapshot(c: Pick<Contact, (typeof AUDITED)[number]>) {
  return Object.fromEntries(AUDITED.map((k) => [k, c[k]]));
}
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/** The history entry of an edited contact: the fields that changed, before and after; none when nothing did. */
async function recordContactUpdate(tx: Executor, ctx: { companyId: string; contactId: string; email: string }, before: Contact, after: Contact) {
  const diff = changes(snapshot(before), snapshot(after));
  if (Object.keys(diff.after).length === 0) return;
  await recordAudit(tx, {
    companyId: ctx.companyId,
    actor: actorOf(ctx),
    action: 'contact.updated',
    entityType: 'contact',
    entityId: before.id,
    subjectContactId: before.id,
    ...diff,
  });
}

/** E-mail and document must be free among the company's other active contacts. */
async function conflicts(tx: Executor, companyId: string, email: string, document: string, exceptId?: string) {
  const taken = await takenKeys(tx, companyId, [{ email, document }], exceptId);
  const errors: Record<string, string> = {};
  if (taken.emails.has(email.toLowerCase())) errors.email = 'emailTaken';
  if (taken.documents.has(document)) errors.document = 'documentTaken';
  return Object.keys(errors).length ? errors : null;
}

function conflictFromError(err: unknown): Record<string, string> | null {
  const constraint = uniqueViolation(err);
  if (constraint === 'contacts_active_email_key') return { email: 'emailTaken' };
  if (constraint === 'contacts_active_document_key') return { document: 'documentTaken' };
  return null;
}

/** Registered by someone else between the check and the insert: the transaction rolls back whole. */
class TakenMeanwhile extends Error {
  constructor() {
    super('e-mail or document registered concurrently');
  }
}

export async function createContact(ctx: AdminContext, input: CreateContactInput, executor: Executor = db): Promise<Result<{ contactId: string }>> {
  const data = { ...normaliseContact(input), name: input.name, email: input.email };
  try {
    return await executor.transaction(async (tx) => {
      const taken = await conflicts(tx, ctx.companyId, data.email, data.document);
      if (taken) return { ok: false as const, fieldErrors: taken };
      const account = await findOrCreateAccount(tx, data.email);
      const { ids, written } = await insertContacts(tx, ctx.companyId, actorOf(ctx), [{ accountId: account.id, ...data }]);
      const contactId = ids[0]!;
      if (!written.has(contactId)) throw new TakenMeanwhile();
      await queueWelcomes(tx, ctx, [{ accountId: account.id, contactId, name: data.name, email: data.email, newAccount: false }]);
      return { ok: true as const, contactId };
    });
  } catch (err) {
    if (err instanceof TakenMeanwhile)
      return { ok: false, fieldErrors: (await conflicts(executor, ctx.companyId, data.email, data.document)) ?? { email: 'emailTaken' } };
    const fieldErrors = conflictFromError(err);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw err;
  }
}

/**
 * A save that started from an older version, refused: what is stored now (as the form shows
 * it), and which fields both saves changed (`choose`) or only the other one did (`informed`).
 */
export type EditConflict<V = ContactValues> = { ok: false; error: 'stale'; currentVersion: number; stored: V } & EditComparison;

export async function updateContact(ctx: AdminContext, input: UpdateContactInput, executor: Executor = db): Promise<Result | EditConflict> {
  const data = { ...normaliseContact(input), name: input.name, email: input.email };
  try {
    return await executor.transaction(async (tx) => {
      // Locked, so that the comparison below and the write see the same version.
      const [current] = await tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, input.id), ne(contacts.status, 'removed')))
        .for('update');
      if (!current) return { ok: false as const, error: 'notFound' as const };
      if (current.version !== input.version) {
        // Saved by someone else since this form was loaded. Refused when a field they changed
        // is involved (never reverted silently); saved as it is when none is (a deactivation,
        // or a change to other fields, moved the version).
        const stored = storedValues(current);
        const edits = compareEdits(input.original, stored, input);
        if (edits.choose.length || edits.informed.length)
          return { ok: false as const, error: 'stale' as const, currentVersion: current.version, stored, ...edits };
      }
      const taken = await conflicts(tx, ctx.companyId, data.email, data.document, current.id);
      if (taken) return { ok: false as const, fieldErrors: taken };

      // The e-mail is the person's identity: a new address is a new sign-in.
      let accountId = current.accountId;
      const emailChanged = current.email.toLowerCase() !== data.email.toLowerCase();
      if (emailChanged) accountId = (await findOrCreateAccount(tx, data.email)).id;

      const [updated] = await tx
        .update(contacts)
        .set({ ...data, accountId, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, current.id), eq(contacts.version, current.version)))
        .returning();
      if (!updated) throw new Error('locked contact changed under the transaction');
      // The entry compares with what was stored, so it holds exactly what this save changed.
      await recordContactUpdate(tx, ctx, current, updated);
      if (emailChanged) {
        // The old address's invitation for this contact stops working: it was for someone else.
        await voidCompanyInvitations(tx, ctx.companyId, [current.accountId]);
        // A deactivated contact is welcomed when access comes back ("Reativar acesso"): a link
        // now would not work (invitations need an active contact).
        if (current.status === 'active') await queueWelcomes(tx, ctx, [{ accountId, contactId: current.id, name: updated.name, email: updated.email }]);
      }
      return { ok: true as const };
    });
  } catch (err) {
    const fieldErrors = conflictFromError(err);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw err;
  }
}

export async function setPermissions(ctx: AdminContext, contactId: string, permissions: PermissionKey[], executor: Executor = db): Promise<Result> {
  if (!isUuid(contactId)) return { ok: false, error: 'notFound' };
  return executor.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, contactId), ne(contacts.status, 'removed')))
      .for('update');
    if (!contact) return { ok: false as const, error: 'notFound' as const };
    const before = (
      await tx
        .select({ p: contactPermissions.permission })
        .from(contactPermissions)
        .where(and(eq(contactPermissions.companyId, ctx.companyId), eq(contactPermissions.contactId, contactId)))
    )
      .map((r) => r.p)
      .sort();
    const after = [...new Set(permissions)].sort();
    if (before.join() === after.join()) return { ok: true as const };
    await tx.delete(contactPermissions).where(and(eq(contactPermissions.companyId, ctx.companyId), eq(contactPermissions.contactId, contactId)));
    if (after.length) await tx.insert(contactPermissions).values(after.map((permission) => ({ companyId: ctx.companyId, contactId, permission })));
    await recordAudit(tx, {
      companyId: ctx.companyId,
      actor: actorOf(ctx),
      action: 'contact.permissions_changed',
      entityType: 'contact',
      entityId: contactId,
      subjectContactId: contactId,
      before: { permissions: before },
      after: { permissions: after },
    });
    return { ok: true as const };
  });
}

// "Excluir perfil" lives with the rest of a contact's lifecycle (one set of rules for one or many).
export { removeContact } from './lifecycle';

/**
 * "Meu perfil" → "Seus dados": the person's own name and phone in the company they are in
 * (their e-mail and CPF stay with the administrator). The phone follows the contact's country
 * rules, as on "Adicionar usuário"; a save over a newer version in which the administrator
 * changed the name or the phone is refused, never overwriting it (lib/contacts/edit-conflict.ts).
 * History entry with the person as the author.
 */
export async function updateOwnProfile(
  ctx: { companyId: string; contactId: string; email: string },
  input: Pick<OwnProfileInput, 'name' | 'areaCode' | 'phone' | 'version'> & { original?: OwnProfileInput['original'] },
  executor: Executor = db,
): Promise<Result | EditConflict<Pick<ContactValues, 'name' | 'areaCode' | 'phone'>>> {
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, ctx.contactId), eq(contacts.status, 'active')))
      .for('update');
    if (!current) return { ok: false as const, error: 'notFound' as const };
    if (current.version !== input.version) {
      // The administrator (or the person in another tab) saved in between: refused when it
      // changed the name or the phone, which the form then reloads; saved otherwise.
      const stored = { name: current.name, areaCode: current.areaCode ?? '', phone: current.phone ?? '' };
      const edits = compareEdits(input.original ?? null, { ...stored, country: current.country }, { ...input, country: current.country }, OWN_PROFILE_UNITS);
      if (edits.choose.length || edits.informed.length)
        return { ok: false as const, error: 'stale' as const, currentVersion: current.version, stored, ...edits };
    }
    const problems = phoneProblems(current.country, input.areaCode, input.phone);
    if (problems.length) return { ok: false as const, fieldErrors: Object.fromEntries(problems.map((p) => [p.field, `phone_${p.problem}`])) };
    const { areaCode, phone } = normaliseContact({
      country: current.country,
      document: current.document ?? '',
      areaCode: input.areaCode,
      phone: input.phone,
      consultancy: 'no',
    });
    const [updated] = await tx
      .update(contacts)
      .set({ name: input.name, areaCode, phone, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contacts.companyId, ctx.companyId), eq(contacts.id, current.id)))
      .returning();
    await recordContactUpdate(tx, ctx, current, updated!);
    return { ok: true as const };
  });
}

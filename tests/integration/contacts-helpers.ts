import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditEvents, contactPermissions, contacts, mailOutbox, tickets } from '@/db/schema';
import type { AdminContext } from '@/lib/auth/actor';
import { CreateContactSchema, UpdateContactSchema } from '@/lib/contacts/schema';
import { storedValues } from '@/lib/contacts/edit-conflict';
import { randomCpf, type makeCompany } from '../support/fixtures';

// Shared by the contacts integration tests; not a test file itself.

export type MadeCompany = Awaited<ReturnType<typeof makeCompany>>;

/** The administrator's context, as requireAdmin() would build it from the session. */
export function adminContext(made: MadeCompany): AdminContext {
  return { companyId: made.company.id, companyName: made.company.name, contactId: made.admin.id, email: made.adminEmail };
}

let seq = 0;
export function uniqueEmail(prefix = 'pessoa'): string {
  return `${prefix}.${Date.now().toString(36)}${(seq++).toString(36)}@exemplo.test`;
}

/** A valid "Adicionar usuário" form, through the same schema the server action uses. */
export function createInput(overrides: Record<string, string> = {}) {
  const email = overrides.email ?? uniqueEmail();
  return CreateContactSchema.parse({
    country: 'BR',
    name: 'Maria da Silva',
    document: randomCpf(),
    areaCode: '11',
    phone: '987654321',
    consultancy: 'no',
    email,
    emailConfirmation: overrides.emailConfirmation ?? email,
    ...overrides,
  });
}

/** A valid "Editar perfil" form for a stored contact, with some fields changed; it carries the contact's values as the originals (orig_*), as the page does. */
export function updateInput(
  contact: {
    id: string;
    version: number;
    name: string;
    email: string;
    country: string;
    document: string | null;
    areaCode: string | null;
    phone: string | null;
    consultancy: boolean;
  },
  overrides: Record<string, string | number> = {},
) {
  return UpdateContactSchema.parse({
    ...Object.fromEntries(Object.entries(storedValues(contact)).map(([k, v]) => [`orig_${k}`, v])),
    id: contact.id,
    version: contact.version,
    country: contact.country,
    name: contact.name,
    document: contact.document ?? '',
    areaCode: contact.areaCode ?? '',
    phone: contact.phone ?? '',
    email: contact.email,
    consultancy: contact.consultancy ? 'yes' : 'no',
    ...overrides,
  });
}

export async function contactRow(companyId: string, id: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.id, id)));
  if (!row) throw new Error(`contact ${id} not found`);
  return row;
}

export async function companyContacts(companyId: string) {
  return db.select().from(contacts).where(eq(contacts.companyId, companyId)).orderBy(asc(contacts.createdAt), asc(contacts.id));
}

export async function permissionsOf(companyId: string, contactId: string) {
  const rows = await db
    .select({ p: contactPermissions.permission })
    .from(contactPermissions)
    .where(and(eq(contactPermissions.companyId, companyId), eq(contactPermissions.contactId, contactId)));
  return rows.map((r) => r.p).sort();
}

export async function auditOf(companyId: string, action?: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.companyId, companyId), action ? eq(auditEvents.action, action) : undefined))
    .orderBy(asc(auditEvents.id));
}

export async function mailOf(companyId: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.companyId, companyId)).orderBy(asc(mailOutbox.createdAt));
}

const ticketNumbers = new Map<string, number>();

/** A ticket inserted directly: the ticket module is not under test here. */
export async function insertTicket(companyId: string, requesterId: string, status: 'open' | 'in_progress' | 'closed') {
  const number = (ticketNumbers.get(companyId) ?? 1000) + 1;
  ticketNumbers.set(companyId, number);
  const [row] = await db
    .insert(tickets)
    .values({
      companyId,
      number,
      subject: `Chamado ${number}`,
      description: 'Não consigo emitir a nota fiscal.',
      requesterId,
      status,
      closedAt: status === 'closed' ? new Date() : null,
    })
    .returning();
  return row!;
}

export async function ticketsOf(companyId: string) {
  return db.select().from(tickets).where(eq(tickets.companyId, companyId)).orderBy(asc(tickets.number));
}

/** The transaction that last wrote each matching row: rows written by one transaction share it. */
export async function xmins(table: 'contacts' | 'contact_permissions' | 'audit_events' | 'mail_outbox' | 'auth_tokens', where: SQL | undefined) {
  const result = await db.execute<{ x: string }>(sql`select xmin::text as x from ${sql.identifier(table)} where ${where}`);
  return result.rows.map((r) => r.x);
}

import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { accounts, companies, contacts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { OPERATOR } from '@/lib/auth/actor';
import { insertContacts } from '@/lib/contacts/write';
import { findOrCreateAccount } from '@/lib/auth/accounts';
import { issueToken } from '@/lib/auth/tokens';
import { enqueueMail } from '@/lib/mail/outbox';
import { accessGrantedMail, appUrl, invitationMail } from '@/lib/mail/templates';

export const CreateCompanySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'code: de 2 a 32 letras, dígitos, "-" ou "_"'),
  name: z.string().trim().min(2, 'name: pelo menos 2 caracteres').max(200),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email('admin-email: e-mail inválido')),
  adminName: z.string().trim().min(2, 'admin-name: pelo menos 2 caracteres').max(200),
});
export type CreateCompanyInput = z.input<typeof CreateCompanySchema>;

export class CompanyCodeTaken extends Error {
  constructor(code: string) {
    super(`a company with code ${code} already exists`);
  }
}

/**
 * The operator's way in: a company and its first administrator, who receives an invitation
 * to set a password. Company, account, contact, invitation and history commit together.
 */
export async function createCompany(input: CreateCompanyInput, opts: { invite?: boolean } = {}, executor: Executor = db) {
  const data = CreateCompanySchema.parse(input);
  return executor.transaction(async (tx) => {
    const [existing] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.code, data.code));
    if (existing) throw new CompanyCodeTaken(data.code);
    const [company] = await tx.insert(companies).values({ code: data.code, name: data.name }).returning();
    await recordAudit(tx, {
      companyId: company!.id,
      actor: OPERATOR,
      action: 'company.created',
      entityType: 'company',
      entityId: company!.id,
      after: { code: data.code, name: data.name },
    });
    const account = await findOrCreateAccount(tx, data.adminEmail);
    // Like every new contact, the first administrator may open tickets (default permissions).
    const { ids } = await insertContacts(tx, company!.id, OPERATOR, [{ accountId: account.id, name: data.adminName, email: data.adminEmail, isAdmin: true }]);
    const [admin] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, company!.id), eq(contacts.id, ids[0]!)));
    let inviteLink: string | null = null;
    // A person who already has a password (set through their own mailbox) keeps it: they are
    // told they administer the new company, and no link is printed that could replace it.
    const [held] = await tx.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, account.id));
    const hasPassword = Boolean(held?.passwordHash);
    if (opts.invite ?? true) {
      const mail = { companyId: company!.id, companyName: company!.name, name: admin!.name, email: admin!.email };
      if (hasPassword) {
        await enqueueMail(tx, accessGrantedMail(mail));
      } else {
        const token = await issueToken(tx, { accountId: account.id, purpose: 'invite', companyId: company!.id, contactId: admin!.id });
        await enqueueMail(tx, invitationMail({ ...mail, token }));
        inviteLink = appUrl(`/invite/${token}`);
      }
    }
    return { company: company!, admin: admin!, accountId: account.id, inviteLink, hasPassword };
  });
}

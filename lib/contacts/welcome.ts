import { sql } from 'drizzle-orm';
import { uuidArray } from '@/db/sql-helpers';
import type { Executor } from '@/db/connect';
import { issueTokens } from '@/lib/auth/tokens';
import { enqueueMail, type MailMessage } from '@/lib/mail/outbox';
import { accessGrantedMail, invitationMail } from '@/lib/mail/templates';
import type { AdminContext } from '@/lib/auth/actor';

/** `newAccount`: the account was created by the caller's own transaction (it holds no link yet). */
export type Newcomer = { accountId: string; contactId: string; name: string; email: string; newAccount?: boolean };

/**
 * The welcome of people just made contacts, in the caller's transaction: one without a
 * password gets a link to set one, bound to this contact (it stops working if the contact is
 * removed or the person sets a password some other way); one who already has a password is
 * told they have access here too, without a link. Links reach only the person's mailbox (or,
 * without SMTP, the server's log), never an administrator's page, and both messages look the
 * same on "E-mails enviados" (docs/decisions/003). A new link voids only this company's earlier
 * unused invitation of that person. One person or an import's thousand, in a fixed number of
 * statements; `bulk` messages are sent after other mail.
 */
export async function queueWelcomes(
  tx: Executor,
  ctx: Pick<AdminContext, 'companyId' | 'companyName'>,
  people: Newcomer[],
  opts: { bulk?: boolean } = {},
): Promise<void> {
  const unique = [...new Map(people.map((p) => [p.accountId, p])).values()];
  if (unique.length === 0) return;
  // Accounts created in this transaction have no password: no need to ask.
  const existing = unique.filter((p) => !p.newAccount).map((p) => p.accountId);
  const withPassword = new Set<string>();
  if (existing.length) {
    const found = await tx.execute<{ id: string }>(sql`
      select id from accounts where id = any(${uuidArray(existing)}::uuid[]) and password_hash is not null`);
    for (const r of found.rows) withPassword.add(r.id);
  }
  const invited = unique.filter((p) => !withPassword.has(p.accountId));
  const tokens = await issueTokens(tx, { purpose: 'invite', companyId: ctx.companyId, holders: invited });
  const link = new Map(invited.map((p, i) => [p.accountId, tokens[i]!]));
  const mails: MailMessage[] = unique.map((p) => {
    const contact = { companyId: ctx.companyId, companyName: ctx.companyName, name: p.name, email: p.email };
    const token = link.get(p.accountId);
    return token ? invitationMail({ ...contact, token }) : accessGrantedMail(contact);
  });
  await enqueueMail(
    tx,
    mails.map((m) => ({ ...m, bulk: opts.bulk })),
  );
}

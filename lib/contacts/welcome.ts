import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';
import { hashToken, TOKEN_TTL_MS } from '@/lib/auth/tokens';
import { enqueueMail, type MailMessage } from '@/lib/mail/outbox';
import { accessGrantedMail, invitationMail } from '@/lib/mail/templates';
import type { AdminContext } from './mutations';

export type Newcomer = { accountId: string; name: string; email: string };

/**
 * The welcome of people just made contacts, in the caller's transaction: one new to the
 * portal gets a link to set a password; one who already has a password, or belongs to
 * another company, is told they have access here too, without a link (a company never
 * issues a password link to a person of another company: the link could reach this
 * administrator through the outbox and open the other company's portal). A new link voids
 * only this company's earlier unused invitation of that person. One person or an import's
 * thousand, in a fixed number of statements; `bulk` messages are sent after other mail.
 */
export async function queueWelcomes(tx: Executor, ctx: AdminContext, people: Newcomer[], opts: { bulk?: boolean } = {}): Promise<void> {
  const unique = [...new Map(people.map((p) => [p.accountId, p])).values()];
  if (unique.length === 0) return;
  const ids = JSON.stringify(unique.map((p) => p.accountId));
  const found = await tx.execute<{ id: string; welcomed_elsewhere: boolean }>(sql`
    select a.id, a.password_hash is not null
           or exists (select 1 from contacts c where c.account_id = a.id and c.company_id <> ${ctx.companyId}) as welcomed_elsewhere
    from accounts a where a.id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid)`);
  const known = new Set(found.rows.filter((r) => r.welcomed_elsewhere).map((r) => r.id));
  const mails: MailMessage[] = [];
  const tokens: Array<{ account_id: string; token_hash: string }> = [];
  for (const p of unique) {
    const contact = { companyId: ctx.companyId, companyName: ctx.companyName, name: p.name, email: p.email };
    if (known.has(p.accountId)) {
      mails.push(accessGrantedMail(contact));
      continue;
    }
    const token = randomBytes(32).toString('base64url');
    tokens.push({ account_id: p.accountId, token_hash: hashToken(token) });
    mails.push(invitationMail({ ...contact, token }));
  }
  if (tokens.length) {
    const invited = JSON.stringify(tokens.map((t) => t.account_id));
    await tx.execute(sql`
      update auth_tokens set used_at = now()
      where purpose = 'invite' and used_at is null and company_id = ${ctx.companyId}
        and account_id in (select (jsonb_array_elements_text(${invited}::jsonb))::uuid)`);
    await tx.execute(sql`
      insert into auth_tokens (account_id, purpose, token_hash, company_id, expires_at)
      select t.account_id, 'invite', t.token_hash, ${ctx.companyId}, ${new Date(Date.now() + TOKEN_TTL_MS.invite)}
      from jsonb_to_recordset(${JSON.stringify(tokens)}::jsonb) as t(account_id uuid, token_hash text)`);
  }
  await enqueueMail(
    tx,
    mails.map((m) => ({ ...m, bulk: opts.bulk })),
  );
}

import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/connect';

export type Taken = { emails: Set<string>; documents: Set<string> };

/**
 * Which of these e-mails (any case) and documents already belong to a contact (active or deactivated) of the
 * company, other than `exceptId`: the rule of the unique indexes, asked for one person
 * ("Adicionar usuário", "Editar perfil") or a few thousand (an import) in one query.
 */
export async function takenKeys(tx: Executor, companyId: string, people: Array<{ email: string; document: string }>, exceptId?: string): Promise<Taken> {
  if (people.length === 0) return { emails: new Set(), documents: new Set() };
  const found = await tx.execute<{ email: string; document: string | null }>(sql`
    select lower(email) as email, document from contacts
    where company_id = ${companyId} and status <> 'removed' ${exceptId ? sql`and id <> ${exceptId}` : sql``}
      and (lower(email) in (select jsonb_array_elements_text(${JSON.stringify(people.map((p) => p.email.toLowerCase()))}::jsonb))
           or document in (select jsonb_array_elements_text(${JSON.stringify(people.map((p) => p.document))}::jsonb)))`);
  return { emails: new Set(found.rows.map((r) => r.email)), documents: new Set(found.rows.flatMap((r) => (r.document ? [r.document] : []))) };
}

/** The field a taken person is refused on: the e-mail first, as the form reports it. */
export function takenField(taken: Taken, person: { email: string; document: string }): 'email' | 'document' | null {
  if (taken.emails.has(person.email.toLowerCase())) return 'email';
  return taken.documents.has(person.document) ? 'document' : null;
}

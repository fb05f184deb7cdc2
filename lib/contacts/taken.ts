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
  // Two lookups through the unique indexes (company, lower(email)) and (company, document),
  // one per key: linear in the people asked about, never a scan of the company's contacts.
  const emails = JSON.stringify(people.map((p) => p.email.toLowerCase()));
  const documents = JSON.stringify(people.map((p) => p.document).filter(Boolean));
  const except = exceptId ? sql`and id <> ${exceptId}` : sql``;
  const found = await tx.execute<{ email: string; document: string | null }>(sql`
    select lower(email) as email, document from contacts
    where company_id = ${companyId} and status <> 'removed' ${except} and lower(email) = any(array(select jsonb_array_elements_text(${emails}::jsonb)))
    union
    select lower(email) as email, document from contacts
    where company_id = ${companyId} and status <> 'removed' ${except} and document = any(array(select jsonb_array_elements_text(${documents}::jsonb)))`);
  return { emails: new Set(found.rows.map((r) => r.email)), documents: new Set(found.rows.flatMap((r) => (r.document ? [r.document] : []))) };
}

/** The field a taken person is refused on: the e-mail first, as the form reports it. */
export function takenField(taken: Taken, person: { email: string; document: string }): 'email' | 'document' | null {
  if (taken.emails.has(person.email.toLowerCase())) return 'email';
  return taken.documents.has(person.document) ? 'document' : null;
}

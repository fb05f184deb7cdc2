import 'server-only';
import { and, asc, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { contacts } from '@/db/schema';

export const CONTACT_SORTS = ['name', 'email', 'document'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export type ContactListParams = { q?: string; sort?: ContactSort; dir?: 'asc' | 'desc'; page?: number; pageSize?: number };

export type ContactListRow = {
  id: string;
  name: string;
  email: string;
  country: string;
  document: string | null;
  areaCode: string | null;
  phone: string | null;
  isAdmin: boolean;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function contactSearchCondition(q: string): SQL | undefined {
  const term = q.trim().slice(0, 100);
  if (!term) return undefined;
  const pattern = `%${escapeLike(term)}%`;
  const digits = term.replace(/\D/g, '');
  const parts: SQL[] = [ilike(contacts.name, pattern), ilike(contacts.email, pattern)];
  // A CPF is searched by its digits, typed with or without the mask.
  if (digits.length >= 3) parts.push(like(contacts.document, `%${digits}%`));
  if (digits.length === 0 || /[a-z]/i.test(term)) parts.push(ilike(contacts.document, pattern));
  return or(...parts);
}

/** The company's active contacts, one page; tenant-scoped by companyId. */
export async function listContacts(companyId: string, params: ContactListParams, executor: Executor = db) {
  const pageSize = PAGE_SIZES.includes(params.pageSize as never) ? params.pageSize! : PAGE_SIZES[0];
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const where = and(eq(contacts.companyId, companyId), eq(contacts.status, 'active'), contactSearchCondition(params.q ?? ''));
  const sortColumn = {
    name: sql`lower(${contacts.name})`,
    email: sql`lower(${contacts.email})`,
    document: contacts.document,
  }[params.sort ?? 'name'];
  const order = params.dir === 'desc' ? desc : asc;
  const [rows, [count]] = await Promise.all([
    executor
      .select({
        id: contacts.id,
        name: contacts.name,
        email: contacts.email,
        country: contacts.country,
        document: contacts.document,
        areaCode: contacts.areaCode,
        phone: contacts.phone,
        isAdmin: contacts.isAdmin,
      })
      .from(contacts)
      .where(where)
      .orderBy(order(sortColumn), order(contacts.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where),
  ]);
  return { rows: rows as ContactListRow[], total: count?.n ?? 0, page, pageSize };
}

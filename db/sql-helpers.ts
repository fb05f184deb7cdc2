import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from forms and URLs are checked before they reach a uuid column (else Postgres errors). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `expr` contains `term`, without regard to case or accents (portaria_fold, migration 0002).
 * `expr` must already be folded (a folded column, or portaria_fold(...)).
 */
export function containsFolded(expr: SQLWrapper, term: string): SQL {
  return sql`${expr} like '%' || portaria_fold(${escapeLike(term)}) || '%'`;
}

/** A PostgreSQL array literal of uuids, for `= any(${uuidArray(ids)}::uuid[])`: one parameter however many ids. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

// Both drivers surface Postgres errors with a SQLSTATE code and the constraint's name;
// drizzle wraps them, so look at the cause too.
type PgLikeError = { code?: string; constraint?: string; cause?: unknown };

function pgError(err: unknown): PgLikeError | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return null;
}

/** The name of the unique constraint a write broke, or null for any other error. */
export function uniqueViolation(err: unknown): string | null {
  const e = pgError(err);
  return e?.code === '23505' ? (e.constraint ?? '') : null;
}

/** True when the statement failed on a constraint (check, foreign key, exclusion, our triggers). */
export function constraintViolation(err: unknown, name?: string): boolean {
  const e = pgError(err);
  if (!e?.code?.startsWith('23')) return false;
  return name ? e.constraint === name : true;
}

/** Serialization failures and deadlocks: the transaction may simply be retried. */
export function isRetryable(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40001' || code === '40P01';
}

// What "/readyz" and the worker check before they take traffic or jobs: the database answers,
// and every migration of this build is applied. Nothing about sessions or companies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type Executor } from '@/db/connect';

export type Readiness = { ready: boolean; database: 'ok' | 'unreachable'; migrations: 'ok' | 'pending' | 'unknown' };

/** How long the database may take to answer before the instance is reported not ready. */
const CHECK_TIMEOUT_MS = 2000;

let expected: number | undefined;
/** The `when` of this build's newest migration (drizzle records it as the applied migration's created_at). */
function newestMigration(): number {
  expected ??= Math.max(
    ...(JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> }).entries.map(
      (e) => e.when,
    ),
  );
  return expected;
}

export async function readiness(db: Executor): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    const check = async (): Promise<boolean> => {
      const table = await db.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
      if (!table.rows[0]?.present) return false;
      const last = await db.execute<{ last: string | null }>(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
      return Number(last.rows[0]?.last ?? 0) >= newestMigration();
    };
    const migrations = (await Promise.race([check(), timeout])) ? 'ok' : 'pending';
    return { ready: migrations === 'ok', database: 'ok', migrations };
  } catch {
    return { ready: false, database: 'unreachable', migrations: 'unknown' };
  } finally {
    clearTimeout(timer);
  }
}

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';

// The schema stays ready to be distributed by company on Citus (docs/decisions/013): every
// table is classified, and a distributed (tenant) table keeps company_id NOT NULL and leading
// in its primary key, in every unique index, and in every foreign key to another tenant table.
// A new table fails here until it is classified.

/** Replicated to every node: small, rarely written, read with any company's rows. */
const REFERENCE = ['companies', 'accounts', 'company_domains'];
/**
 * Kept on the coordinator, not distributed: queues and sign-in state that belong to an account
 * or to nobody yet, looked up by a token or taken across companies with SKIP LOCKED.
 */
const COORDINATOR = [
  'sessions',
  'auth_tokens',
  'sign_in_throttle',
  'sign_in_attempts',
  'sign_in_tickets',
  'password_reset_requests',
  'signup_submissions',
  'mail_outbox',
];

type Column = { table: string; column: string; notnull: boolean; attnum: number };
type Key = { table: string; name: string; kind: 'p' | 'u' | 'f'; first: number; refTable: string | null; refFirst: number | null };

async function catalog(ex: Executor) {
  const tables = (
    await ex.execute<{ table: string }>(sql`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`)
  ).rows.map((r) => r.table);
  const columns = (
    await ex.execute<Column>(sql`
      select c.relname as table, a.attname as column, a.attnotnull as notnull, a.attnum::int as attnum
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`)
  ).rows;
  // Primary keys, unique indexes (constraints or not, partial or not) and foreign keys, with the
  // first column of each (0 when it is an expression).
  const keys = (
    await ex.execute<Key>(sql`
      select c.relname as table, ic.relname as name, case when i.indisprimary then 'p' else 'u' end as kind,
        i.indkey[0]::int as first, null as "refTable", null::int as "refFirst"
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and i.indisunique
      union all
      select c.relname, con.conname, 'f', con.conkey[1]::int, rc.relname, con.confkey[1]::int
      from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class rc on rc.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and con.contype = 'f'`)
  ).rows;
  return { tables, columns, keys };
}

/** Everything that would stop the schema from being distributed by company, in words. */
async function distributionProblems(ex: Executor): Promise<string[]> {
  const { tables, columns, keys } = await catalog(ex);
  const problems: string[] = [];
  for (const name of [...REFERENCE, ...COORDINATOR]) if (!tables.includes(name)) problems.push(`${name}: listed, but there is no such table`);
  const distributed = new Set(tables.filter((t) => !REFERENCE.includes(t) && !COORDINATOR.includes(t)));
  const companyColumn = (table: string) => columns.find((c) => c.table === table && c.column === 'company_id');
  for (const table of distributed) {
    const company = companyColumn(table);
    if (!company) problems.push(`${table}: no company_id (a new table? distribute it by company, or list it as reference or coordinator)`);
    else if (!company.notnull) problems.push(`${table}: company_id may be null`);
  }
  for (const key of keys) {
    const from = distributed.has(key.table);
    if (key.kind !== 'f') {
      if (from && key.first !== companyColumn(key.table)?.attnum) problems.push(`${key.table}: ${key.name} does not lead with company_id`);
      continue;
    }
    const to = key.refTable!;
    if (from && distributed.has(to)) {
      if (key.first !== companyColumn(key.table)?.attnum || key.refFirst !== companyColumn(to)?.attnum) {
        problems.push(`${key.table}: ${key.name} does not lead with company_id on both sides`);
      }
    } else if (from && COORDINATOR.includes(to)) {
      problems.push(`${key.table}: ${key.name} points from a distributed table to a coordinator table (${to})`);
    } else if (!from && distributed.has(to)) {
      problems.push(`${key.table}: ${key.name} points to the distributed table ${to} from a table that is not distributed`);
    }
  }
  return problems;
}

/** Runs `body` in a transaction that is always rolled back. */
async function inRolledBack(body: (tx: Executor) => Promise<void>): Promise<void> {
  const undo = new Error('rolled back on purpose');
  await db
    .transaction(async (tx) => {
      await body(tx);
      throw undo;
    })
    .catch((err: unknown) => {
      if (err !== undo) throw err;
    });
}

describe('the schema, ready to distribute by company', () => {
  it('classifies every table, and every key of a distributed table leads with company_id', async () => {
    const { tables } = await catalog(db);
    expect(tables.filter((t) => !REFERENCE.includes(t) && !COORDINATOR.includes(t)).length).toBeGreaterThan(10);
    expect(await distributionProblems(db)).toEqual([]);
  });

  it('names each kind of mistake (the check itself can fail)', async () => {
    await inRolledBack(async (tx) => {
      await tx.execute(sql`create table probe_unclassified (id uuid primary key)`);
      await tx.execute(sql`create table probe_nullable (company_id uuid, id uuid, primary key (id))`);
      await tx.execute(sql`create table probe_keys (company_id uuid not null, id uuid not null, code text, contact_id uuid,
        primary key (company_id, id), unique (code), foreign key (contact_id, company_id) references contacts (id, company_id))`);
      await tx.execute(sql`create unique index probe_keys_lower on probe_keys (lower(code))`);
      await tx.execute(
        sql`create table probe_to_session (company_id uuid not null, session_id uuid references sessions (id), primary key (company_id, session_id))`,
      );
      const problems = await distributionProblems(tx);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^probe_unclassified: no company_id/),
          'probe_nullable: company_id may be null',
          'probe_nullable: probe_nullable_pkey does not lead with company_id',
          'probe_keys: probe_keys_code_key does not lead with company_id',
          'probe_keys: probe_keys_lower does not lead with company_id',
          expect.stringMatching(/^probe_keys: probe_keys_contact_id_company_id_fkey does not lead with company_id on both sides/),
          expect.stringMatching(/^probe_to_session: .* points from a distributed table to a coordinator table \(sessions\)/),
        ]),
      );
    });
  });
});

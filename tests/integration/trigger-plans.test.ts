import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { makeCompany, makeContact } from '../support/fixtures';
import type { MadeCompany } from './contacts-helpers';

// The triggers' statements look rows up by key whatever the planner believes (migration 0017):
// a connection that kept a plan made while a table was small scanned it whole for every row of
// every later import batch (bench/README.md, "CSV import").

let made: MadeCompany;

beforeAll(async () => {
  made = await makeCompany({ name: 'Empresa Planos' });
});

/** Sequential scans of a table started by this transaction so far. */
async function seqScans(tx: Executor, table: string): Promise<number> {
  const rows = await tx.execute<{ n: string | number }>(sql`select coalesce(seq_scan, 0) as n from pg_stat_xact_user_tables where relname = ${table}`);
  return Number(rows.rows[0]?.n ?? 0);
}

class RolledBack extends Error {}

describe("the triggers' plans", () => {
  it('every trigger function reads by key, with sequential scans only where no index answers', async () => {
    const functions = await db.execute<{ name: string; config: string[] | null }>(sql`
      select p.proname as name, p.proconfig as config
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prorettype = 'trigger'::regtype
      order by p.proname`);
    expect(functions.rows.map((f) => f.name)).toEqual([
      'portaria_check_company_admin',
      'portaria_copy_invitation_from_account',
      'portaria_copy_invitation_on_move',
      'portaria_copy_invitation_to_contacts',
      'portaria_copy_permissions',
      'portaria_count_contacts',
    ]);
    // The functions that run per row take the row's values as parameters: planned for each
    // call's values. The others (statement-level) plan their joins through EXECUTE.
    const perRow = new Set(['portaria_check_company_admin', 'portaria_copy_invitation_from_account', 'portaria_copy_invitation_on_move']);
    for (const f of functions.rows) {
      expect({ name: f.name, config: [...(f.config ?? [])].sort() }).toEqual({
        name: f.name,
        config: perRow.has(f.name) ? ['enable_seqscan=off', 'plan_cache_mode=force_custom_plan'] : ['enable_seqscan=off'],
      });
    }
  });

  it("the copies that join a statement's rows to the tables plan them on every call (EXECUTE), never with a plan kept from another call's sizes", async () => {
    const bodies = await db.execute<{ name: string; body: string }>(sql`
      select proname as name, prosrc as body from pg_proc
      where proname in ('portaria_copy_permissions', 'portaria_copy_invitation_to_contacts') order by proname`);
    expect(bodies.rows.map((f) => f.name)).toEqual(['portaria_copy_invitation_to_contacts', 'portaria_copy_permissions']);
    for (const f of bodies.rows) {
      // Every UPDATE of the body is the text of an EXECUTE, none a statement of its own.
      const statements = f.body.match(/\bUPDATE contacts\b/g) ?? [];
      const executed = f.body.match(/EXECUTE \$sql\$\s*UPDATE contacts\b/g) ?? [];
      expect(statements.length, f.name).toBeGreaterThan(0);
      expect(executed.length, f.name).toBe(statements.length);
    }
  });

  it("the permissions' copy reads contact_permissions by its index even when the planner would rather scan it", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => makeContact(made.company.id)));
    await db
      .transaction(async (tx) => {
        // The plans this connection holds dropped (an earlier test ran the trigger, and its plan
        // would be reused), and index reads made to look a thousand times dearer than they are:
        // before migration 0017 the trigger then scanned the table for every contact.
        await tx.execute(sql`discard plans`);
        await tx.execute(sql`set local random_page_cost = 4000`);
        const before = await seqScans(tx, 'contact_permissions');
        for (const p of people) {
          await tx.execute(sql`insert into contact_permissions (company_id, contact_id, permission) values (${made.company.id}, ${p.id}, 'it_admin')`);
        }
        expect((await seqScans(tx, 'contact_permissions')) - before).toBe(0);
        const copied = await tx.execute<{ n: number }>(sql`
          select count(*)::int as n from contacts
          where company_id = ${made.company.id} and 'it_admin' = any(permissions) and id = any(${`{${people.map((p) => p.id).join(',')}}`}::uuid[])`);
        expect(copied.rows[0]!.n).toBe(people.length);
        // The counter does count this transaction's scans: a scan asked for shows.
        await tx.execute(sql`set local enable_indexscan = off`);
        await tx.execute(sql`set local enable_indexonlyscan = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        await tx.execute(sql`select count(*) from contact_permissions where company_id = ${made.company.id}`);
        expect((await seqScans(tx, 'contact_permissions')) - before).toBeGreaterThan(0);
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
  });
});

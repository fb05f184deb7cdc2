import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import type { Executor } from '@/db/connect';
import { makeCompany, makeContact } from '../support/fixtures';
import { ensureAccounts } from '@/lib/auth/accounts';
import { insertContacts } from '@/lib/contacts/write';
import { uniqueEmail, type MadeCompany } from './contacts-helpers';

// The triggers' statements look rows up by key whatever the planner believes (migration 0017):
// a connection that kept a plan made while a table was small scanned it whole for every row of
// every later import batch (bench/README.md, "CSV import").

let made: MadeCompany;
/** What every trigger function sets: no sequential scan where an index answers, no hash or merge join. */
const BY_KEY = ['enable_hashjoin=off', 'enable_mergejoin=off', 'enable_seqscan=off'];

beforeAll(async () => {
  made = await makeCompany({ name: 'Empresa Planos' });
});

/** Index entries of contacts' primary key read by this transaction so far. */
async function keyEntriesRead(tx: Executor): Promise<number> {
  const rows = await tx.execute<{ n: string | number }>(sql`select pg_stat_get_xact_tuples_returned('contacts_pkey'::regclass) as n`);
  return Number(rows.rows[0]?.n ?? 0);
}

/** Sequential scans of a table started by this transaction so far. */
async function seqScans(tx: Executor, table: string): Promise<number> {
  const rows = await tx.execute<{ n: string | number }>(sql`select coalesce(seq_scan, 0) as n from pg_stat_xact_user_tables where relname = ${table}`);
  return Number(rows.rows[0]?.n ?? 0);
}

class RolledBack extends Error {}

describe("the triggers' plans", () => {
  it('every trigger function reads by key: no sequential scan where an index answers, no hash or merge join', async () => {
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
        config: [...BY_KEY, ...(perRow.has(f.name) ? ['plan_cache_mode=force_custom_plan'] : [])].sort(),
      });
    }
  });

  it("the copies that join a statement's rows to the tables plan them on every call (EXECUTE), never with a plan kept from another call's sizes", async () => {
    const bodies = await db.execute<{ name: string; body: string }>(sql`
      select proname as name, prosrc as body from pg_proc
      where proname in ('portaria_copy_permissions', 'portaria_copy_invitation_to_contacts') order by proname`);
    expect(bodies.rows.map((f) => f.name)).toEqual(['portaria_copy_invitation_to_contacts', 'portaria_copy_permissions']);
    for (const f of bodies.rows) {
      // Every UPDATE of the body is in the text of an EXECUTE ($sql$ … $sql$), none a
      // statement of its own.
      const parts = f.body.split('$sql$');
      const quoted = parts.filter((_, i) => i % 2 === 1);
      const plain = parts.filter((_, i) => i % 2 === 0).join('\n');
      expect(quoted.length, f.name).toBeGreaterThan(0);
      expect(f.body.match(/EXECUTE (?:format\()?\$sql\$/gi)?.length, f.name).toBe(quoted.length);
      expect(plain, f.name).not.toMatch(/\bUPDATE contacts\b/i);
      for (const text of quoted) expect(text, f.name).toMatch(/\bUPDATE contacts\b/i);
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

  it("a statement's new contacts are joined to their accounts by key, not by reading the whole primary key", async () => {
    // A company large enough that reading its key would show: 600 contacts.
    const emails = Array.from({ length: 600 }, () => uniqueEmail('chave'));
    const accounts = await ensureAccounts(db, emails);
    const actor = { contactId: made.admin.id, email: made.adminEmail };
    await db.transaction((tx) =>
      insertContacts(
        tx,
        made.company.id,
        actor,
        emails.map((email, i) => ({ accountId: accounts.get(email)!.id, name: `Chave ${i}`, email })),
      ),
    );
    const later = Array.from({ length: 40 }, () => uniqueEmail('depois'));
    const laterAccounts = await ensureAccounts(db, later);
    await db
      .transaction(async (tx) => {
        // Index probes made to look a thousand times dearer: a planner free to join otherwise
        // read the whole primary key of contacts to join 40 rows (before migration 0017).
        await tx.execute(sql`discard plans`);
        await tx.execute(sql`set local random_page_cost = 4000`);
        const before = await keyEntriesRead(tx);
        await insertContacts(
          tx,
          made.company.id,
          actor,
          later.map((email, i) => ({ accountId: laterAccounts.get(email)!.id, name: `Depois ${i}`, email })),
        );
        const read = (await keyEntriesRead(tx)) - before;
        // A few per new contact (693 before migration 0017).
        expect(read).toBeLessThan(200);
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
  });
  it("the invitation's copy reads no contact for new rows written with the right copy", async () => {
    // Migration 0019: the statement's rows are compared with their accounts first. The same
    // insert with the trigger off and on reads contacts' primary key as often (before 0019, once
    // more per new contact).
    const actor = { contactId: made.admin.id, email: made.adminEmail };
    const [first, second] = [0, 1].map((k) => Array.from({ length: 20 }, () => uniqueEmail(`copia${k}`)));
    const accounts = await ensureAccounts(db, [...first!, ...second!]);
    const add = (tx: Executor, emails: string[]) =>
      insertContacts(
        tx,
        made.company.id,
        actor,
        emails.map((email, i) => ({ accountId: accounts.get(email)!.id, name: `Cópia ${email} ${i}`, email })),
      );
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`discard plans`);
        await tx.execute(sql`alter table contacts disable trigger contacts_copy_invitation_insert`);
        let before = await keyEntriesRead(tx);
        await add(tx, first!);
        const without = (await keyEntriesRead(tx)) - before;
        await tx.execute(sql`alter table contacts enable trigger contacts_copy_invitation_insert`);
        before = await keyEntriesRead(tx);
        await add(tx, second!);
        const withTrigger = (await keyEntriesRead(tx)) - before;
        expect(without).toBeGreaterThan(0);
        expect(withTrigger).toBe(without);
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
  });
});

// Transfer of 10,000 open tickets in one transaction, and 100 concurrent administration
// transfers (exactly one administrator afterwards), through the product's own mutations.
// Last line: one JSON object.
// The product's own log lines (a line per import batch) are not what a benchmark measures.
process.env.LOG_LEVEL ??= 'warn';
import { and, eq, sql } from 'drizzle-orm';
import { installConnection } from '../db/client';
import { contacts } from '../db/schema';
import { transferAdministration, transferTickets } from '../lib/contacts/transfers';
import { createCompany } from '../lib/companies/mutations';
import { findOrCreateAccount } from '../lib/auth/accounts';
import { cpfFromBase } from '../lib/br/cpf';
import { requireQuietMachine, freshDatabase } from './support';

const loadAtStart = requireQuietMachine();

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const RACERS = Number(process.env.BENCH_RACERS ?? 100);

const bench = await freshDatabase('bench_transfers', 25);
installConnection(bench.conn);
const db = bench.conn.db;
try {
  const { company, admin } = await createCompany(
    { code: 'BENCHT', name: 'Empresa Transferências', adminEmail: 'admin@transfer.example', adminName: 'Admin' },
    { invite: false },
  );
  const ctx = { companyId: company.id, companyName: company.name, contactId: admin.id, email: 'admin@transfer.example' };

  const people: string[] = [];
  for (let i = 1; i <= RACERS + 2; i++) {
    const email = `pessoa${i}@transfer.example`;
    const account = await findOrCreateAccount(db, email);
    const [row] = await db
      .insert(contacts)
      .values({
        companyId: company.id,
        accountId: account.id,
        name: `Pessoa ${i}`,
        email,
        document: cpfFromBase(String(i).padStart(9, '0')),
        areaCode: '11',
        phone: '987654321',
      })
      .returning({ id: contacts.id });
    people.push(row!.id);
  }
  const [from, to] = people as [string, string];
  await db.execute(sql`
    insert into tickets (company_id, number, subject, description, category, status, requester_id)
    select ${company.id}, 1000 + g, 'Chamado ' || g, 'Descrição', case when g % 5 = 0 then 'bpo' else 'support' end,
           case when g % 10 = 0 then 'closed' else 'open' end, ${from}
    from generate_series(1, ${Math.round(TICKETS / 0.9)}) g`);
  await db.execute(sql`vacuum analyze tickets`);
  const [{ open }] = (await db.execute<{ open: number }>(sql`select count(*)::int as open from tickets where requester_id = ${from} and status <> 'closed'`))
    .rows as [{ open: number }];

  const runs: number[] = [];
  let moved = 0;
  for (const [a, b] of [
    [from, to],
    [to, from],
    [from, to],
  ] as const) {
    const t0 = performance.now();
    const r = await transferTickets(ctx, a, b);
    runs.push(performance.now() - t0);
    if (!r.ok) throw new Error(`transfer refused: ${r.error}`);
    moved = r.moved;
  }
  runs.sort((x, y) => x - y);
  console.error(`moved ${moved} of ${open} open tickets; runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);

  const targets = people.slice(2, 2 + RACERS);
  const t0 = performance.now();
  const results = await Promise.all(targets.map((id) => transferAdministration(ctx, id)));
  const raceMs = performance.now() - t0;
  const ok = results.filter((r) => r.ok).length;
  const refused = results.filter((r) => !r.ok && r.error === 'notAdminAnymore').length;
  const [admins] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(and(eq(contacts.companyId, company.id), eq(contacts.isAdmin, true), eq(contacts.status, 'active')));
  console.error(`${RACERS} concurrent administration transfers in ${raceMs.toFixed(0)} ms: ${ok} succeeded, ${refused} refused cleanly`);
  console.log(
    JSON.stringify({
      load_average_at_start: loadAtStart,
      tickets_moved: moved,
      ticket_transfer_ms: Number(runs[1]!.toFixed(1)),
      ticket_transfer_max_ms: Number(runs[runs.length - 1]!.toFixed(1)),
      racers: RACERS,
      race_succeeded: ok,
      race_refused_cleanly: refused,
      admins_after_race: admins?.n ?? 0,
    }),
  );
} finally {
  await bench.drop();
}

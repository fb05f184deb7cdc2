import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, contacts, groups, tickets } from '@/db/schema';
import { authenticate } from '@/lib/auth/accounts';
import { DEMO_ADMIN, DEMO_COMPANY, seedDemo } from '@/db/seed';

// This file starts on an empty database (one per test file).
describe('seedDemo', () => {
  it('seeds the demo company on an empty database, and only then', async () => {
    expect(await seedDemo(db, 'senha-demo-123')).toEqual({ adminEmail: DEMO_ADMIN.email });
    const [company] = await db.select().from(companies).where(eq(companies.code, DEMO_COMPANY.code));
    expect(company!.name).toBe('Empresa Demonstração Ltda');
    const count = async (table: typeof contacts | typeof groups | typeof tickets) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
          .where(eq(table.companyId, company!.id))
      )[0]!.n;
    expect(await count(contacts)).toBeGreaterThanOrEqual(5);
    expect(await count(groups)).toBe(2);
    expect(await count(tickets)).toBeGreaterThanOrEqual(3);
    expect(await authenticate(db, DEMO_ADMIN.email, 'senha-demo-123')).toMatchObject({ ok: true });

    expect(await seedDemo(db, 'outra-senha-456')).toBeNull();
    expect(await authenticate(db, DEMO_ADMIN.email, 'senha-demo-123')).toMatchObject({ ok: true });
  });
});

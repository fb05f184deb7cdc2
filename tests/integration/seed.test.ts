import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, contacts, groups, tickets } from '@/db/schema';
import { authenticate } from '@/lib/auth/accounts';
import { DEMO_ADMIN, DEMO_COMPANY, demoSignIn, seedDemo } from '@/db/seed';
import { transferAdministration } from '@/lib/contacts/transfers';
import { appUrl } from '@/lib/mail/templates';
import { rememberPort, applyServerAddress } from '../../scripts/runtime';

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

  it('`npm start` prints the demo sign-in only while that account administers the demo company', async () => {
    expect(await demoSignIn(db, 'senha-demo-123')).toBe(`Entre com ${DEMO_ADMIN.email} e a senha senha-demo-123`);
    expect(await demoSignIn(db, 'outra-senha-456')).toBe(`Entre com ${DEMO_ADMIN.email} (a senha foi alterada no portal)`);
    const [company] = await db.select().from(companies).where(eq(companies.code, DEMO_COMPANY.code));
    const [admin] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, company!.id), eq(contacts.isAdmin, true)));
    const [heir] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, company!.id), eq(contacts.isAdmin, false)))
      .limit(1);
    const done = await transferAdministration({ companyId: company!.id, companyName: company!.name, contactId: admin!.id, email: admin!.email }, heir!.id);
    expect(done.ok).toBe(true);
    expect(await demoSignIn(db, 'senha-demo-123')).toBe('');
  });
});

describe("the address in the command line's links", () => {
  it('is APP_URL, else PORT, else the port `npm start` last served on', async () => {
    const saved = { ...process.env };
    process.env.PORTARIA_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'portaria-port-'));
    try {
      delete process.env.APP_URL;
      delete process.env.PORT;
      applyServerAddress();
      expect(appUrl('/x')).toBe('http://localhost:3000/x');
      rememberPort(3456);
      applyServerAddress();
      expect(appUrl('/x')).toBe('http://localhost:3456/x');
      process.env.PORT = '4000';
      applyServerAddress();
      expect(appUrl('/x')).toBe('http://localhost:4000/x');
      process.env.APP_URL = 'https://portal.example.com.br/';
      expect(appUrl('/x')).toBe('https://portal.example.com.br/x');
    } finally {
      process.env = saved;
    }
  });
});

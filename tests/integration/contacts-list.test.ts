import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import { listContacts, SEARCH_COUNT_CAP } from '@/lib/contacts/queries';
import { makeCompany, makeContact } from '../support/fixtures';

let companyA: string;
let companyB: string;

beforeAll(async () => {
  companyA = (await makeCompany({ name: 'Empresa A' })).company.id;
  companyB = (await makeCompany({ name: 'Empresa B' })).company.id;
  await makeContact(companyA, { name: 'Ana Beatriz Souza', email: 'ana.souza@a.example', document: '52998224725' });
  await makeContact(companyA, { name: 'Bruno Lima', email: 'bruno@a.example', document: '11144477735' });
  await makeContact(companyA, { name: 'Carla 100% Dias', email: 'carla@a.example' });
  const removed = await makeContact(companyA, { name: 'Removido da Silva', email: 'removido@a.example' });
  await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, removed.id));
  for (let i = 0; i < 30; i++) await makeContact(companyB, { name: `Pessoa da Outra ${String(i).padStart(2, '0')}`, email: `p${i}@b.example` });
  await makeContact(companyB, { name: 'Ana Souza Homônima', email: 'ana.souza@b.example' });
});

describe('listContacts', () => {
  it("lists only the company's active contacts", async () => {
    const { rows, total } = await listContacts(companyA, {});
    expect(total).toBe(4); // the administrator and three contacts
    expect(rows.every((r) => !r.email.endsWith('@b.example'))).toBe(true);
    expect(rows.map((r) => r.name)).not.toContain('Removido da Silva');
  });

  it("never finds another company's contacts, whatever the search", async () => {
    for (const q of ['Outra', 'b.example', 'Homônima', 'Pessoa']) {
      const { rows, total } = await listContacts(companyA, { q });
      expect(total, q).toBe(0);
      expect(rows, q).toEqual([]);
    }
  });

  it('searches name, e-mail and CPF (masked or not)', async () => {
    expect((await listContacts(companyA, { q: 'beatriz' })).rows.map((r) => r.name)).toEqual(['Ana Beatriz Souza']);
    expect((await listContacts(companyA, { q: 'BRUNO@A' })).rows.map((r) => r.name)).toEqual(['Bruno Lima']);
    expect((await listContacts(companyA, { q: '529.982' })).rows.map((r) => r.name)).toEqual(['Ana Beatriz Souza']);
    expect((await listContacts(companyA, { q: '11144477735' })).rows.map((r) => r.name)).toEqual(['Bruno Lima']);
  });

  it('ignores case and accents when searching and sorting', async () => {
    const c = (await makeCompany({ name: 'Empresa Acentos' })).company.id;
    await makeContact(c, { name: 'João Gonçalves', email: 'jg@acentos.example' });
    await makeContact(c, { name: 'Íris Souza', email: 'is@acentos.example' });
    await makeContact(c, { name: 'Ivo Lima', email: 'il@acentos.example' });
    await makeContact(c, { name: 'Hélio Dias', email: 'hd@acentos.example' });
    expect((await listContacts(c, { q: 'joao goncalves' })).rows.map((r) => r.name)).toEqual(['João Gonçalves']);
    expect((await listContacts(c, { q: 'ÍRIS' })).rows.map((r) => r.name)).toEqual(['Íris Souza']);
    const names = (await listContacts(c, { sort: 'name' })).rows.map((r) => r.name).filter((n) => !n.startsWith('Admin'));
    expect(names).toEqual(['Hélio Dias', 'Íris Souza', 'Ivo Lima', 'João Gonçalves']);
  });

  it('treats % and _ as plain characters', async () => {
    expect((await listContacts(companyA, { q: '100%' })).rows.map((r) => r.name)).toEqual(['Carla 100% Dias']);
    expect((await listContacts(companyA, { q: '%' })).rows.map((r) => r.name)).toEqual(['Carla 100% Dias']);
    expect((await listContacts(companyA, { q: '_' })).total).toBe(0);
  });

  it('pages and sorts', async () => {
    const first = await listContacts(companyB, { page: 1, pageSize: 25 });
    const second = await listContacts(companyB, { page: 2, pageSize: 25 });
    expect(first.total).toBe(32);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(7);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(32);
    const desc = await listContacts(companyB, { sort: 'email', dir: 'desc', pageSize: 100 });
    const emails = desc.rows.map((r) => r.email.toLowerCase());
    expect(emails).toEqual([...emails].sort().reverse());
  });

  it('falls back to sane paging for odd input', async () => {
    const r = await listContacts(companyB, { page: -3, pageSize: 7 });
    expect(r.page).toBe(1);
    expect(r.pageSize).toBe(25);
  });
});

describe('the active-contacts counter', () => {
  it('follows inserts, removals, restores and deletes, per company', async () => {
    const { company } = await makeCompany();
    const other = await makeCompany();
    const count = async (c: string) => (await listContacts(c, {})).total;
    const exact = async (c: string) => (await db.select().from(contacts).where(eq(contacts.companyId, c))).filter((r) => r.status === 'active').length;
    expect(await count(company.id)).toBe(1);
    const a = await makeContact(company.id);
    const b = await makeContact(company.id);
    await makeContact(other.company.id);
    expect(await count(company.id)).toBe(3);
    await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, a.id));
    expect(await count(company.id)).toBe(2);
    await db.update(contacts).set({ name: 'Só o nome mudou' }).where(eq(contacts.id, b.id));
    expect(await count(company.id)).toBe(2);
    await db.delete(contacts).where(eq(contacts.id, b.id));
    expect(await count(company.id)).toBe(1);
    expect(await count(company.id)).toBe(await exact(company.id));
    expect(await count(other.company.id)).toBe(await exact(other.company.id));
  });
});

describe('search counts', () => {
  it('stop at the cap and say there are more', async () => {
    const { company } = await makeCompany();
    await db.execute(sql`insert into accounts (email) select 'cap' || g || '@cap.example' from generate_series(1, ${SEARCH_COUNT_CAP + 5}) g`);
    await db.execute(sql`
      insert into contacts (company_id, account_id, name, email, document, area_code, phone)
      select ${company.id}, a.id, 'Pessoa Cap ' || a.email, a.email, a.email, '11', '987654321'
      from accounts a where a.email like 'cap%@cap.example'`);
    const capped = await listContacts(company.id, { q: 'pessoa cap' });
    expect(capped).toMatchObject({ total: SEARCH_COUNT_CAP, moreThanTotal: true });
    expect(capped.rows).toHaveLength(25);
    const few = await listContacts(company.id, { q: 'cap1000@' });
    expect(few).toMatchObject({ total: 1, moreThanTotal: false });
    expect((await listContacts(company.id, {})).total).toBe(SEARCH_COUNT_CAP + 6);
  });
});

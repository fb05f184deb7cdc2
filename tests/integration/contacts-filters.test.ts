import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import { listContacts, pickableContacts, selectedContacts } from '@/lib/contacts/queries';
import { addGroupMembers, createGroup } from '@/lib/groups/mutations';
import { responsibleOptions } from '@/lib/groups/queries';
import { adminContext } from './contacts-helpers';
import { ContactListQuery, NO_FILTERS, filterParams, filtersOf, type ContactFilters } from '@/lib/contacts/schema';
import { makeCompany, makeContact } from '../support/fixtures';

// "Usuários do Sistema"'s filters: role, consultancy, invitation, permissions; combined with
// the search, the views, the order and the page size, never reaching another company.

let companyA: string;
let madeA: Awaited<ReturnType<typeof makeCompany>>;
let companyB: string;
const f = (over: Partial<ContactFilters>): ContactFilters => ({ ...NO_FILTERS, ...over });
const names = async (companyId: string, filters: ContactFilters, extra: Parameters<typeof listContacts>[1] = {}) =>
  (await listContacts(companyId, { ...extra, filters })).rows.map((r) => r.name);

beforeAll(async () => {
  const made = await makeCompany({ name: 'Empresa Filtros', adminPassword: 'senha-do-admin-123' });
  madeA = made;
  companyA = made.company.id;
  companyB = (await makeCompany({ name: 'Empresa Vizinha' })).company.id;
  // Ana: accepted (password), self_service + it_admin, consultancy.
  const ana = await makeContact(companyA, {
    name: 'Ana Lima',
    email: 'ana@filtros.example',
    password: 'senha-da-ana-123',
    permissions: ['self_service', 'it_admin'],
  });
  await db.update(contacts).set({ consultancy: true }).where(eq(contacts.id, ana.id));
  // Bruno: pending, self_service.
  await makeContact(companyA, { name: 'Bruno Souza', email: 'bruno@filtros.example', permissions: ['self_service'] });
  // Carla: pending, no permission; deactivated Dora with it_admin.
  await makeContact(companyA, { name: 'Carla Dias', email: 'carla@filtros.example' });
  const dora = await makeContact(companyA, { name: 'Dora Reis', email: 'dora@filtros.example', permissions: ['it_admin'] });
  await db.update(contacts).set({ status: 'deactivated', deactivatedAt: new Date() }).where(eq(contacts.id, dora.id));
  // The neighbour has people matching every filter.
  const other = await makeContact(companyB, { name: 'Ana Vizinha', email: 'ana@vizinha.example', permissions: ['self_service', 'it_admin'] });
  await db.update(contacts).set({ consultancy: true }).where(eq(contacts.id, other.id));
});

describe('the list filters', () => {
  it('by role', async () => {
    const admins = await names(companyA, f({ role: 'admin' }));
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatch(/^Admin /);
    expect(await names(companyA, f({ role: 'user' }))).toEqual(['Ana Lima', 'Bruno Souza', 'Carla Dias']);
  });

  it('by consultancy', async () => {
    expect(await names(companyA, f({ consultancy: 'yes' }))).toEqual(['Ana Lima']);
    expect(await names(companyA, f({ consultancy: 'no' }))).toHaveLength(3);
    expect(await names(companyA, f({ consultancy: 'no', role: 'user' }))).toEqual(['Bruno Souza', 'Carla Dias']);
  });

  it('by invitation: pending while no password was ever set', async () => {
    const pending = await listContacts(companyA, { filters: f({ invitation: 'pending' }) });
    expect(pending.rows.map((r) => r.name)).toEqual(['Bruno Souza', 'Carla Dias']);
    expect(pending.rows.every((r) => r.invitationPending)).toBe(true);
    const accepted = await names(companyA, f({ invitation: 'accepted', role: 'user' }));
    expect(accepted).toEqual(['Ana Lima']);
  });

  it('by last access: in the last 30 days, more than 90 days ago, never', async () => {
    const day = 86_400_000;
    const set = (name: string, at: Date | null) => db.update(contacts).set({ lastAccessAt: at }).where(eq(contacts.name, name));
    await set('Ana Lima', new Date(Date.now() - 5 * day));
    await set('Bruno Souza', new Date(Date.now() - 100 * day));
    await set('Carla Dias', null);
    try {
      expect(await names(companyA, f({ access: '30', role: 'user' }))).toEqual(['Ana Lima']);
      expect(await names(companyA, f({ access: '90', role: 'user' }))).toEqual(['Bruno Souza']);
      expect(await names(companyA, f({ access: 'never', role: 'user' }))).toEqual(['Carla Dias']);
    } finally {
      for (const n of ['Ana Lima', 'Bruno Souza']) await set(n, null);
    }
  });

  it('by permissions: every one ticked', async () => {
    // The administrator holds the default permissions: filtered out by role here.
    expect(await names(companyA, f({ perms: ['self_service'], role: 'user' }))).toEqual(['Ana Lima', 'Bruno Souza']);
    expect(await names(companyA, f({ perms: ['self_service', 'it_admin'], role: 'user' }))).toEqual(['Ana Lima']);
    expect(await names(companyA, f({ perms: ['cloud_control_center'], role: 'user' }))).toEqual([]);
  });

  it('combine with the search, the views, the order and the page size; the count is exact', async () => {
    expect(await names(companyA, f({ perms: ['self_service'] }), { q: 'souza' })).toEqual(['Bruno Souza']);
    expect(await names(companyA, f({ perms: ['it_admin'] }), { status: 'deactivated' })).toEqual(['Dora Reis']);
    expect(await names(companyA, f({ perms: ['self_service'], role: 'user' }), { sort: 'email', dir: 'desc' })).toEqual(['Bruno Souza', 'Ana Lima']);
    const paged = await listContacts(companyA, { filters: f({ role: 'user' }), pageSize: 25 });
    expect(paged.total).toBe(3);
    expect(paged.moreThanTotal).toBe(false);
    expect(paged.pageSize).toBe(25);
  });

  it("never reach another company's contacts", async () => {
    for (const filters of [f({ consultancy: 'yes' }), f({ perms: ['self_service', 'it_admin'] }), f({ invitation: 'pending' })]) {
      const { rows } = await listContacts(companyA, { filters, q: 'ana' });
      expect(rows.map((r) => r.email)).not.toContain('ana@vizinha.example');
    }
    expect(await names(companyB, f({ perms: ['self_service', 'it_admin'] }))).toEqual(['Ana Vizinha']);
  });

  it('select everyone a filtered list shows, and no one else, for an action over many', async () => {
    const chosen = await selectedContacts(companyA, { by: 'list', q: '', status: 'active', filters: f({ invitation: 'pending' }) }, 1000);
    expect(chosen.map((c) => c.name)).toEqual(['Bruno Souza', 'Carla Dias']);
  });
});

describe('the address of a filtered list', () => {
  it('reads repeated and comma-separated permissions, drops unknown ones, and writes them back', () => {
    const parsed = ContactListQuery.parse({
      perm: ['it_admin', 'nope,self_service'],
      role: 'admin',
      consultancy: 'talvez',
      invitation: ['pending', 'x'],
      size: '100',
      access: 'never',
    });
    const filters = filtersOf(parsed);
    expect(filters).toEqual({ role: 'admin', consultancy: '', invitation: 'pending', access: 'never', perms: ['self_service', 'it_admin'] });
    expect(parsed.size).toBe('100');
    expect(filterParams(filters)).toEqual({ role: 'admin', invitation: 'pending', access: 'never', perm: 'self_service,it_admin' });
    expect(ContactListQuery.parse({ size: '7', perm: { a: 1 } })).toMatchObject({ size: '25', perm: [] });
  });
});

describe("the pickers' people", () => {
  it("are the company's active contacts matching the search, leaving out one contact or a group's members", async () => {
    const names = async (opts: Parameters<typeof pickableContacts>[1]) => (await pickableContacts(companyA, opts)).map((p) => p.name);
    // Dora is deactivated; the neighbour's Ana is another company's.
    expect(await names({ q: 'a', limit: 20 })).toEqual(expect.arrayContaining(['Ana Lima', 'Bruno Souza', 'Carla Dias']));
    expect(await names({ q: 'dora', limit: 20 })).toEqual([]);
    expect(await names({ q: 'vizinha', limit: 20 })).toEqual([]);
    const ana = (await pickableContacts(companyA, { q: 'Ana Lima', limit: 20 }))[0]!;
    expect(await names({ q: 'lima', exceptId: ana.id, limit: 20 })).toEqual([]);
    // A group's members are not offered to it again; another company's group id leaves no one out.
    const ctx = adminContext(madeA);
    const group = await createGroup(ctx, { name: 'Plantão Filtros', responsibleId: '', type: 'service', inDisuse: false, restricted: false, mailbox: '' });
    expect(group.ok).toBe(true);
    const groupId = (group as { ok: true; groupId: string }).groupId;
    await addGroupMembers(ctx, groupId, [ana.id]);
    expect(await names({ q: 'lima', notInGroup: groupId, limit: 20 })).toEqual([]);
    expect(await names({ q: 'souza', notInGroup: groupId, limit: 20 })).toEqual(['Bruno Souza']);
    // "limit + 1" rows: the caller says "more".
    expect(await pickableContacts(companyA, { q: '', limit: 2 })).toHaveLength(3);
    // A responsible named by the address is offered only while active (Dora is deactivated);
    // the group's own stays shown whatever their state.
    const [dora] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.name, 'Dora Reis'));
    expect((await responsibleOptions(companyA, dora!.id, 'zzz', { activeOnly: true })).current).toBeNull();
    expect((await responsibleOptions(companyA, dora!.id, 'zzz', { activeOnly: true })).people).toEqual([]);
    expect((await responsibleOptions(companyA, dora!.id, 'zzz')).current?.name).toBe('Dora Reis');
    // Junk ids are ignored, never an error.
    expect(await names({ q: 'souza', exceptId: "x' or 1=1 --", notInGroup: 'nada', limit: 20 })).toEqual(['Bruno Souza']);
  });
});

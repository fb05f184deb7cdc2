// The group removal actions as the browser reaches them (issue finding 9): an id of another
// company changes nothing and the administrator is told "not found", never "removed".
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, groupEmails, groupMembers } from '@/db/schema';
import { flashMessageKey } from '@/lib/forms/flash';
import { addGroupEmail, addGroupMembers, createGroup } from '@/lib/groups/mutations';
import { GroupSchema } from '@/lib/groups/schema';
import { makeCompany, makeContact } from '../support/fixtures';

// The action's own first line reads the session; here it is the administrator under test.
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock('@/lib/auth/session', () => ({ requireAdmin: async () => session.ctx }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
// redirect() ends the action by throwing; the test reads where it was sent.
class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  RedirectType: { push: 'push', replace: 'replace' },
}));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => (key: string) => key }));

const { removeGroupEmailAction, removeGroupMemberAction } = await import('@/lib/groups/actions');

async function company() {
  const c = await makeCompany();
  return { ...c, ctx: { companyId: c.company.id, companyName: c.company.name, contactId: c.admin.id, email: c.adminEmail, isAdmin: true } };
}
const form = (v: Record<string, string>) => GroupSchema.parse({ responsibleId: '', type: 'service', mailbox: '', ...v });

/** Runs the action as `ctx` and returns where it sent the browser and the message it named. */
async function post(ctx: unknown, action: (fd: FormData) => Promise<void>, fields: Record<string, string>) {
  session.ctx = ctx;
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  const thrown = await action(fd).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(thrown instanceof Redirected)) throw thrown ?? new Error('the action did not redirect');
  const url = new URL(thrown.url, 'http://portal.test');
  return { path: url.pathname, notice: url.searchParams.get('notice'), message: flashMessageKey(url.searchParams.get('notice') ?? undefined) };
}

async function twoCompaniesWithAGroupEach() {
  const a = await company();
  const b = await company();
  const ga = await createGroup(a.ctx, form({ name: 'Grupo A' }));
  const gb = await createGroup(b.ctx, form({ name: 'Grupo B' }));
  if (!ga.ok || !gb.ok) throw new Error('not created');
  const ana = await makeContact(a.company.id, { name: 'Ana da A' });
  const bia = await makeContact(b.company.id, { name: 'Bia da B' });
  await addGroupMembers(a.ctx, ga.groupId, [ana.id]);
  await addGroupMembers(b.ctx, gb.groupId, [bia.id]);
  await addGroupEmail(a.ctx, ga.groupId, 'plantao@a.example');
  await addGroupEmail(b.ctx, gb.groupId, 'plantao@b.example');
  const [emailA] = await db.select().from(groupEmails).where(eq(groupEmails.groupId, ga.groupId));
  const [emailB] = await db.select().from(groupEmails).where(eq(groupEmails.groupId, gb.groupId));
  return { a, b, ga: ga.groupId, gb: gb.groupId, ana, bia, emailA: emailA!, emailB: emailB! };
}

const membersOf = (groupId: string) => db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId));
const emailsOf = (groupId: string) => db.select().from(groupEmails).where(eq(groupEmails.groupId, groupId));
const removalsIn = (companyId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.companyId, companyId), eq(auditEvents.entityType, 'group')))
    .then((rows) => rows.filter((r) => r.action.endsWith('_removed')));

describe('removing a group member by the action', () => {
  let w: Awaited<ReturnType<typeof twoCompaniesWithAGroupEach>>;
  beforeEach(async () => {
    w = await twoCompaniesWithAGroupEach();
  });

  it("says not found, and changes nothing, for another company's group or member", async () => {
    for (const fields of [
      { groupId: w.gb, contactId: w.bia.id }, // their group, their member
      { groupId: w.ga, contactId: w.bia.id }, // our group, their member
      { groupId: w.gb, contactId: w.ana.id }, // their group, our contact
      { groupId: w.ga, contactId: 'não-é-um-id' },
      { groupId: 'não-é-um-id', contactId: w.ana.id },
    ]) {
      const answer = await post(w.a.ctx, removeGroupMemberAction, fields);
      expect(answer.notice, JSON.stringify(fields)).toBe('not-found');
      expect(answer.message).toBe('flash.notFound');
    }
    expect((await membersOf(w.ga)).map((m) => m.contactId)).toEqual([w.ana.id]);
    expect((await membersOf(w.gb)).map((m) => m.contactId)).toEqual([w.bia.id]);
    expect(await removalsIn(w.a.company.id)).toEqual([]);
    expect(await removalsIn(w.b.company.id)).toEqual([]);
  });

  it('says removed when it removed', async () => {
    const answer = await post(w.a.ctx, removeGroupMemberAction, { groupId: w.ga, contactId: w.ana.id });
    expect(answer).toEqual({ path: `/groups/${w.ga}`, notice: 'removed', message: 'flash.removed' });
    expect(await membersOf(w.ga)).toEqual([]);
  });
});

describe('removing a group e-mail by the action', () => {
  let w: Awaited<ReturnType<typeof twoCompaniesWithAGroupEach>>;
  beforeEach(async () => {
    w = await twoCompaniesWithAGroupEach();
  });

  it("says not found, and changes nothing, for another company's group or e-mail", async () => {
    for (const fields of [
      { groupId: w.gb, emailId: w.emailB.id },
      { groupId: w.ga, emailId: w.emailB.id },
      { groupId: w.gb, emailId: w.emailA.id },
      { groupId: w.ga, emailId: '' },
    ]) {
      const answer = await post(w.a.ctx, removeGroupEmailAction, fields);
      expect(answer.notice, JSON.stringify(fields)).toBe('not-found');
      expect(answer.message).toBe('flash.notFound');
    }
    expect((await emailsOf(w.ga)).map((e) => e.email)).toEqual(['plantao@a.example']);
    expect((await emailsOf(w.gb)).map((e) => e.email)).toEqual(['plantao@b.example']);
    expect(await removalsIn(w.a.company.id)).toEqual([]);
  });

  it('says removed when it removed', async () => {
    const answer = await post(w.a.ctx, removeGroupEmailAction, { groupId: w.ga, emailId: w.emailA.id });
    expect(answer).toEqual({ path: `/groups/${w.ga}`, notice: 'removed', message: 'flash.removed' });
    expect(await emailsOf(w.ga)).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, groupMembers, groups, mailOutbox, tickets } from '@/db/schema';
import { removeContact } from '@/lib/contacts/mutations';
import { addGroupEmail, addGroupMembers, createGroup, removeGroupEmail, removeGroupMember, updateGroup } from '@/lib/groups/mutations';
import { forwardRecipients, getGroup, listGroupEmails, listGroupMembers, listGroups, selectableGroups } from '@/lib/groups/queries';
import { GroupSchema, UpdateGroupSchema } from '@/lib/groups/schema';
import { forwardTicket } from '@/lib/tickets/forward';
import { makeCompany, makeContact } from '../support/fixtures';

async function company(name?: string) {
  const c = await makeCompany({ name });
  return { ...c, ctx: { companyId: c.company.id, companyName: c.company.name, contactId: c.admin.id, email: c.adminEmail } };
}
const form = (v: Record<string, string>) => GroupSchema.parse({ responsibleId: '', type: 'service', mailbox: '', ...v });

describe('group registry', () => {
  it('creates, lists, edits with optimistic concurrency, and keeps names unique per company (case-insensitive)', async () => {
    const a = await company();
    const b = await company();
    const boss = await makeContact(a.company.id, { name: 'Rosa Responsável' });
    const created = await createGroup(
      a.ctx,
      form({ name: 'Suporte Fiscal', responsibleId: boss.id, type: 'supervision', mailbox: 'fiscal@a.example', restricted: 'on' }),
    );
    if (!created.ok) throw new Error('not created');
    expect(await createGroup(a.ctx, form({ name: 'SUPORTE FISCAL' }))).toEqual({ ok: false, fieldErrors: { name: 'groupNameTaken' } });
    expect((await createGroup(b.ctx, form({ name: 'Suporte Fiscal' }))).ok).toBe(true);

    const [row] = await listGroups(a.company.id);
    expect(row).toMatchObject({
      name: 'Suporte Fiscal',
      type: 'supervision',
      restricted: true,
      inDisuse: false,
      responsibleName: 'Rosa Responsável',
      members: 0,
    });

    const g = (await getGroup(a.company.id, created.groupId))!;
    const update = (v: Record<string, string>, version: number) =>
      updateGroup(a.ctx, UpdateGroupSchema.parse({ id: g.id, version, name: 'Suporte Fiscal', type: 'supervision', responsibleId: '', mailbox: '', ...v }));
    expect(await update({ inDisuse: 'on' }, g.version)).toEqual({ ok: true });
    expect(await update({ name: 'Outro nome' }, g.version)).toMatchObject({ ok: false, error: 'stale', currentVersion: g.version + 1 });
    expect((await getGroup(a.company.id, g.id))!.name).toBe('Suporte Fiscal');

    expect(await listGroups(a.company.id)).toEqual([]);
    expect((await listGroups(a.company.id, { show: 'disused' })).map((x) => x.name)).toEqual(['Suporte Fiscal']);
    expect(await selectableGroups(a.company.id)).toEqual([]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, g.id));
    expect(events.map((e) => e.action).sort()).toEqual(['group.created', 'group.updated']);
  });

  it("refuses a responsible from another company, by the action's check and by the database", async () => {
    const a = await company();
    const b = await company();
    const stranger = await makeContact(b.company.id);
    expect(await createGroup(a.ctx, form({ name: 'G', responsibleId: stranger.id }))).toEqual({
      ok: false,
      fieldErrors: { responsibleId: 'responsibleInvalid' },
    });
    await expect(db.insert(groups).values({ companyId: a.company.id, name: 'Direto', type: 'service', responsibleId: stranger.id })).rejects.toThrow();
  });

  it('links several members at once, ignores other companies and removed contacts, and unlinks', async () => {
    const a = await company();
    const b = await company();
    const created = await createGroup(a.ctx, form({ name: 'Retaguarda', type: 'back_office' }));
    if (!created.ok) throw new Error('not created');
    const ana = await makeContact(a.company.id, { name: 'Ana Membro' });
    const bia = await makeContact(a.company.id, { name: 'Bia Membro' });
    const stranger = await makeContact(b.company.id, { name: 'Estranha' });
    expect(await addGroupMembers(a.ctx, created.groupId, [ana.id, bia.id, stranger.id, ana.id])).toEqual({ ok: true, added: 2 });
    expect(await addGroupMembers(a.ctx, created.groupId, [ana.id])).toEqual({ ok: true, added: 0 });
    expect((await listGroupMembers(a.company.id, created.groupId)).map((m) => m.name)).toEqual(['Ana Membro', 'Bia Membro']);
    expect(await addGroupMembers(b.ctx, created.groupId, [stranger.id])).toEqual({ ok: false, error: 'notFound' });

    await removeContact(a.ctx, bia.id);
    expect((await listGroupMembers(a.company.id, created.groupId)).map((m) => m.name)).toEqual(['Ana Membro']);
    expect(await removeGroupMember(a.ctx, created.groupId, ana.id)).toEqual({ ok: true });
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, created.groupId))).toEqual([]);
  });

  it('links further e-mails, once each', async () => {
    const a = await company();
    const created = await createGroup(a.ctx, form({ name: 'Com e-mails' }));
    if (!created.ok) throw new Error('not created');
    expect(await addGroupEmail(a.ctx, created.groupId, 'plantao@a.example')).toEqual({ ok: true });
    expect(await addGroupEmail(a.ctx, created.groupId, 'PLANTAO@a.example')).toEqual({ ok: false, fieldErrors: { email: 'groupEmailTaken' } });
    const [email] = await listGroupEmails(a.company.id, created.groupId);
    expect(await removeGroupEmail(a.ctx, created.groupId, email!.id)).toEqual({ ok: true });
    expect(await listGroupEmails(a.company.id, created.groupId)).toEqual([]);
  });
});

describe('forwarding a ticket to a group', () => {
  it('notifies the mailbox, the linked e-mails and the members once each, never removed contacts', async () => {
    const a = await company();
    const ana = await makeContact(a.company.id, { name: 'Ana', email: 'ana@a.example', permissions: ['self_service'] });
    const bia = await makeContact(a.company.id, { name: 'Bia', email: 'bia@a.example' });
    const gone = await makeContact(a.company.id, { name: 'Caio', email: 'caio@a.example' });
    const created = await createGroup(a.ctx, form({ name: 'Financeiro', mailbox: 'Financeiro@a.example' }));
    if (!created.ok) throw new Error('not created');
    await addGroupMembers(a.ctx, created.groupId, [ana.id, bia.id, gone.id]);
    await addGroupEmail(a.ctx, created.groupId, 'financeiro@A.example'); // same as the mailbox
    await addGroupEmail(a.ctx, created.groupId, 'BIA@a.example'); // same as a member
    await addGroupEmail(a.ctx, created.groupId, 'gestor@a.example');
    await removeContact(a.ctx, gone.id);
    expect((await forwardRecipients(a.company.id, created.groupId)).map((e) => e.toLowerCase())).toEqual([
      'ana@a.example',
      'bia@a.example',
      'financeiro@a.example',
      'gestor@a.example',
    ]);

    const [ticket] = await db
      .insert(tickets)
      .values({ companyId: a.company.id, number: 5001, subject: 'Nota fiscal', description: 'x', requesterId: ana.id })
      .returning();
    expect(await forwardTicket(a.ctx, ticket!.id, created.groupId)).toEqual({ ok: true, notified: 4 });
    const [after] = await db.select().from(tickets).where(eq(tickets.id, ticket!.id));
    expect(after!.groupId).toBe(created.groupId);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'group_forward'));
    expect(mails.map((m) => m.toAddress.toLowerCase()).sort()).toEqual(['ana@a.example', 'bia@a.example', 'financeiro@a.example', 'gestor@a.example']);
    expect(mails[0]!.subject).toBe('Chamado #5001 encaminhado para o grupo Financeiro');
    expect(mails[0]!.textBody).toContain(`/tickets/${ticket!.id}`);
  });

  it('refuses a group in disuse and a group of another company', async () => {
    const a = await company();
    const b = await company();
    const ana = await makeContact(a.company.id);
    const [ticket] = await db.insert(tickets).values({ companyId: a.company.id, number: 1, subject: 's', description: 'd', requesterId: ana.id }).returning();
    const old = await createGroup(a.ctx, form({ name: 'Antigo', inDisuse: 'on' }));
    const theirs = await createGroup(b.ctx, form({ name: 'Deles' }));
    if (!old.ok || !theirs.ok) throw new Error('not created');
    expect(await forwardTicket(a.ctx, ticket!.id, old.groupId)).toEqual({ ok: false, error: 'groupInDisuse' });
    expect(await forwardTicket(a.ctx, ticket!.id, theirs.groupId)).toEqual({ ok: false, error: 'groupNotFound' });
    expect(await forwardTicket(b.ctx, ticket!.id, theirs.groupId)).toEqual({ ok: false, error: 'notFound' });
    const [unchanged] = await db.select().from(tickets).where(eq(tickets.id, ticket!.id));
    expect(unchanged!.groupId).toBeNull();
  });
});

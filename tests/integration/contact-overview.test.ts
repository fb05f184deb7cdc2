import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { groupMembers, groups } from '@/db/schema';
import { issueToken } from '@/lib/auth/tokens';
import { contactOverview, OVERVIEW_TICKETS } from '@/lib/contacts/overview';
import { makeCompany, makeContact } from '../support/fixtures';
import { insertTicket } from './contacts-helpers';

describe("a contact's page (contactOverview)", () => {
  it('shows their groups, their open and closed tickets with the counts, and their usable invitation', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    const other = await makeContact(company.id);
    const [g1, g2] = await db
      .insert(groups)
      .values([
        { companyId: company.id, name: 'Suporte N2', type: 'service', inDisuse: true },
        { companyId: company.id, name: 'Atendimento N1', type: 'service', restricted: true },
      ])
      .returning();
    await db.insert(groupMembers).values([
      { companyId: company.id, groupId: g1!.id, contactId: c.id },
      { companyId: company.id, groupId: g2!.id, contactId: c.id },
      { companyId: company.id, groupId: g2!.id, contactId: other.id },
    ]);
    for (let i = 0; i < OVERVIEW_TICKETS + 2; i++) await insertTicket(company.id, c.id, i % 2 ? 'open' : 'in_progress');
    const closed = await insertTicket(company.id, c.id, 'closed');
    await insertTicket(company.id, other.id, 'open');

    const before = await contactOverview(company.id, c.id);
    expect(before.groups.map((g) => [g.name, g.inDisuse, g.restricted])).toEqual([
      ['Atendimento N1', false, true],
      ['Suporte N2', true, false],
    ]);
    expect(before.openCount).toBe(OVERVIEW_TICKETS + 2);
    expect(before.openTickets).toHaveLength(OVERVIEW_TICKETS);
    expect(before.closedCount).toBe(1);
    expect(before.closedTickets.map((t) => t.id)).toEqual([closed.id]);
    expect(before.invitation).toBeNull();

    const sent = new Date(Date.now() - 60_000);
    await issueToken(db, { accountId: c.accountId, purpose: 'invite', companyId: company.id, contactId: c.id }, sent);
    const after = await contactOverview(company.id, c.id);
    expect(after.invitation?.sentAt.getTime()).toBe(sent.getTime());
    expect(after.invitation!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    // Past its expiry the link is not shown as usable.
    expect((await contactOverview(company.id, c.id, db, new Date(after.invitation!.expiresAt.getTime() + 1))).invitation).toBeNull();
  });

  it("reads nothing of another company's contact", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await makeContact(b.company.id);
    await insertTicket(b.company.id, theirs.id, 'open');
    await issueToken(db, { accountId: theirs.accountId, purpose: 'invite', companyId: b.company.id, contactId: theirs.id });
    const seen = await contactOverview(a.company.id, theirs.id);
    expect(seen).toEqual({ deactivatedAt: null, groups: [], openTickets: [], closedTickets: [], openCount: 0, closedCount: 0, invitation: null });
  });
});

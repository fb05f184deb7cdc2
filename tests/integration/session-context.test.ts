import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import { changeOwnPassword } from '@/lib/auth/accounts';
import { rememberCompany, resolveSession } from '@/lib/auth/context';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';

describe('resolveSession', () => {
  it('is signed out without a session or for an unknown one', async () => {
    expect(await resolveSession(db, null, undefined)).toEqual({ status: 'signed-out' });
    expect(await resolveSession(db, 'no-such-session-token', undefined)).toEqual({ status: 'signed-out' });
  });

  it('reads role and permissions from the database', async () => {
    const { company, admin, adminAccountId } = await makeCompany();
    const c = await makeContact(company.id, { permissions: ['self_service', 'bpo_full_access'] });
    const asAdmin = await resolveSession(db, await sessionFor(adminAccountId), undefined);
    expect(asAdmin).toMatchObject({ status: 'ok', context: { companyId: company.id, contactId: admin.id, isAdmin: true } });
    const asContact = await resolveSession(db, await sessionFor(c.accountId), undefined);
    if (asContact.status !== 'ok') throw new Error('expected a context');
    expect(asContact.context.isAdmin).toBe(false);
    expect([...asContact.context.permissions].sort()).toEqual(['bpo_full_access', 'self_service']);
  });

  it('ends the other sessions at a password change and keeps the one that changed it', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id, { password: 'senha-inicial-1' });
    const here = await sessionFor(c.accountId);
    const elsewhere = await sessionFor(c.accountId);
    const current = await resolveSession(db, here, undefined);
    if (current.status !== 'ok') throw new Error('expected a context');
    await changeOwnPassword(db, c.accountId, current.context.sessionId, 'senha-inicial-1', 'senha-seguinte-2');
    expect(await resolveSession(db, elsewhere, undefined)).toEqual({ status: 'signed-out' });
    expect((await resolveSession(db, here, undefined)).status).toBe('ok');
  });

  it('takes away a removed contact at the next request', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    await db.update(contacts).set({ status: 'removed', removedAt: new Date() }).where(eq(contacts.id, c.id));
    expect(await resolveSession(db, await sessionFor(c.accountId), undefined)).toMatchObject({ status: 'no-company' });
  });

  it('lets a person of several companies choose one, and only one of theirs', async () => {
    const a = await makeCompany({ name: 'Alfa Ltda' });
    const b = await makeCompany({ name: 'Beta Ltda' });
    const stranger = await makeCompany({ name: 'Gama Ltda' });
    const inA = await makeContact(a.company.id, { email: 'duas.empresas@example.test' });
    await makeContact(b.company.id, { email: 'duas.empresas@example.test' });
    const identity = await sessionFor(inA.accountId);

    const byDefault = await resolveSession(db, identity, undefined);
    if (byDefault.status !== 'ok') throw new Error('expected a context');
    expect(byDefault.context.memberships.map((m) => m.companyName)).toEqual(['Alfa Ltda', 'Beta Ltda']);
    expect(byDefault.context.companyId).toBe(a.company.id);

    expect(await resolveSession(db, identity, b.company.id)).toMatchObject({ context: { companyId: b.company.id } });
    // A company the person does not belong to is ignored, never granted.
    expect(await resolveSession(db, identity, stranger.company.id)).toMatchObject({ context: { companyId: a.company.id } });
  });
});

describe('default company', () => {
  it('prefers a company the person administers when none was chosen', async () => {
    const a = await makeCompany({ name: 'Aaa Primeira' });
    const b = await makeCompany({ name: 'Zzz Administrada' });
    await makeContact(a.company.id, { email: b.adminEmail });
    const session = await resolveSession(db, await sessionFor(b.adminAccountId), undefined);
    expect(session).toMatchObject({ status: 'ok', context: { companyId: b.company.id, isAdmin: true } });
    const chosen = await resolveSession(db, await sessionFor(b.adminAccountId), a.company.id);
    expect(chosen).toMatchObject({ status: 'ok', context: { companyId: a.company.id, isAdmin: false } });
  });
});

describe('the company last chosen', () => {
  it('opens at the next sign-in in any browser, while the person still belongs to it', async () => {
    const a = await makeCompany({ name: 'Aaa Administrada' });
    const b = await makeCompany({ name: 'Bbb Escolhida' });
    const stranger = await makeCompany({ name: 'Ccc Alheia' });
    const inB = await makeContact(b.company.id, { email: a.adminEmail });
    // Administers A: opens A when nothing was chosen.
    expect(await resolveSession(db, await sessionFor(a.adminAccountId), undefined)).toMatchObject({ context: { companyId: a.company.id } });

    await rememberCompany(db, a.adminAccountId, b.company.id);
    // A new sign-in, with no cookie of this browser: the company last chosen.
    expect(await resolveSession(db, await sessionFor(a.adminAccountId), undefined)).toMatchObject({ context: { companyId: b.company.id } });
    // This browser's own choice still wins.
    expect(await resolveSession(db, await sessionFor(a.adminAccountId), a.company.id)).toMatchObject({ context: { companyId: a.company.id } });
    // A remembered company the person does not belong to grants nothing.
    await rememberCompany(db, a.adminAccountId, stranger.company.id);
    expect(await resolveSession(db, await sessionFor(a.adminAccountId), undefined)).toMatchObject({ context: { companyId: a.company.id } });
    // Nor one they left.
    await rememberCompany(db, a.adminAccountId, b.company.id);
    await db.update(contacts).set({ status: 'deactivated' }).where(eq(contacts.id, inB.id));
    expect(await resolveSession(db, await sessionFor(a.adminAccountId), undefined)).toMatchObject({ context: { companyId: a.company.id } });
  });
});

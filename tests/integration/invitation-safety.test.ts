import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { authenticate, setPasswordWithToken } from '@/lib/auth/accounts';
import { findValidToken } from '@/lib/auth/tokens';
import { createCompany } from '@/lib/companies/mutations';
import { createContact, removeContact, updateContact } from '@/lib/contacts/mutations';
import { CreateContactSchema, UpdateContactSchema } from '@/lib/contacts/schema';
import { deliverDue, listCompanyOutbox } from '@/lib/mail/outbox';
import { logSender } from '@/lib/mail/transport';
import { makeCompany, randomCpf } from '../support/fixtures';

// Replays of a review's account-takeover findings: nothing an administrator can see or do
// lets them set or learn another person's password, in any mail mode.

type Made = Awaited<ReturnType<typeof makeCompany>>;
const adminOf = (m: Made) => ({ companyId: m.company.id, companyName: m.company.name, contactId: m.admin.id, email: m.adminEmail });

function personInput(email: string, name = 'Vítima Teste') {
  return CreateContactSchema.parse({
    country: 'BR',
    name,
    document: randomCpf(),
    areaCode: '11',
    phone: '987654321',
    email,
    emailConfirmation: email,
    consultancy: 'no',
  });
}

async function add(m: Made, email: string) {
  const result = await createContact(adminOf(m), personInput(email));
  if (!result.ok) throw new Error(`not added: ${JSON.stringify(result)}`);
  return result.contactId;
}

/** The link as only the mailbox (or, without SMTP, the server's log) receives it. */
async function linkInMailbox(companyId: string | null, to: string): Promise<string | null> {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(companyId ? eq(mailOutbox.companyId, companyId) : undefined, eq(mailOutbox.toAddress, to)));
  const last = rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
  return /\/invite\/([\w-]+)/.exec(last?.textBody ?? '')?.[1] ?? null;
}

describe('what an administrator sees of the mail', () => {
  it('"E-mails enviados" carries no message text, so no link', async () => {
    const a = await makeCompany();
    await add(a, 'visto@vitima.test');
    const { rows } = await listCompanyOutbox(db, a.company.id, { limit: 25, offset: 0 });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/\/invite\//);
    expect(rows[0]).not.toHaveProperty('textBody');
  });

  it('without SMTP, mail goes to the server log (for the operator) and is marked so', async () => {
    const a = await makeCompany();
    await add(a, 'no-log@vitima.test');
    const logged: string[] = [];
    await deliverDue(
      db,
      logSender((text) => logged.push(text)),
      { batch: 1000 },
    );
    expect(logged.some((t) => t.includes('no-log@vitima.test') && /\/invite\/[\w-]{20,}/.test(t))).toBe(true);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'no-log@vitima.test'));
    expect(row!.status).toBe('logged');
  });

  it('an invitation and an "access granted" look the same on the page: nothing tells of other companies', async () => {
    const a = await makeCompany({ adminPassword: 'senha-do-admin-a' });
    const b = await makeCompany();
    await add(b, a.adminEmail); // has a password (company A's administrator)
    await add(b, 'novo@vitima.test'); // new to the portal
    const { rows } = await listCompanyOutbox(db, b.company.id, { limit: 25, offset: 0 });
    const subjects = new Set(rows.map((r) => r.subject));
    expect(rows).toHaveLength(2);
    expect(subjects.size).toBe(1);
  });
});

describe('an invitation never replaces a password', () => {
  it('dies with its contact: removed in A, then added by B, the old link of A does nothing', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const inA = await add(a, 'removida@vitima.test');
    const linkA = (await linkInMailbox(a.company.id, 'removida@vitima.test'))!;
    expect(linkA).toBeTruthy();
    expect((await removeContact(adminOf(a), inA)).ok).toBe(true);
    expect(await findValidToken(db, linkA, 'invite')).toBeNull();
    expect(await setPasswordWithToken(db, linkA, 'invite', 'senha-do-atacante')).toEqual({ ok: false });
    await add(b, 'removida@vitima.test');
    expect((await authenticate(db, 'removida@vitima.test', 'senha-do-atacante')).ok).toBe(false);
  });

  it("is void once the person sets a password through another company's link", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    await add(a, 'guardada@vitima.test');
    const kept = (await linkInMailbox(a.company.id, 'guardada@vitima.test'))!;
    await add(b, 'guardada@vitima.test');
    const fromB = (await linkInMailbox(b.company.id, 'guardada@vitima.test'))!;
    expect(await setPasswordWithToken(db, fromB, 'invite', 'senha-da-pessoa-1')).toMatchObject({ ok: true });
    expect(await setPasswordWithToken(db, kept, 'invite', 'senha-do-atacante')).toEqual({ ok: false });
    expect((await authenticate(db, 'guardada@vitima.test', 'senha-da-pessoa-1')).ok).toBe(true);
  });

  it("is void for the old address when the contact's e-mail changes", async () => {
    const a = await makeCompany();
    const id = await add(a, 'antigo@vitima.test');
    const old = (await linkInMailbox(a.company.id, 'antigo@vitima.test'))!;
    const input = UpdateContactSchema.parse({ ...personInput('novo.endereco@vitima.test'), id, version: '1', emailConfirmation: 'novo.endereco@vitima.test' });
    expect((await updateContact(adminOf(a), input)).ok).toBe(true);
    expect(await findValidToken(db, old, 'invite')).toBeNull();
  });

  it('a company created for a person who already has a password prints no link and keeps the password', async () => {
    const a = await makeCompany();
    await add(a, 'futura.cliente@vitima.test');
    const link = (await linkInMailbox(a.company.id, 'futura.cliente@vitima.test'))!;
    // The person (and only the person: the link reached their mailbox) sets a password.
    expect(await setPasswordWithToken(db, link, 'invite', 'senha-da-cliente-1')).toMatchObject({ ok: true });
    const created = await createCompany({
      code: `FUT${Date.now().toString(36)}`.toUpperCase(),
      name: 'Futura',
      adminEmail: 'futura.cliente@vitima.test',
      adminName: 'Futura',
    });
    expect(created.inviteLink).toBeNull();
    expect(created.hasPassword).toBe(true);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.companyId, created.company.id));
    expect(mail!.kind).toBe('access_granted');
    expect(mail!.textBody).not.toMatch(/\/invite\//);
    expect((await authenticate(db, 'futura.cliente@vitima.test', 'senha-da-cliente-1')).ok).toBe(true);
  });

  it("another company adding a person voids nothing of the first company's invitation", async () => {
    const acme = await createCompany({ code: 'ACMESAFE', name: 'ACME', adminEmail: 'ana@acme-safe.test', adminName: 'Ana' });
    const acmeToken = acme.inviteLink!.split('/invite/')[1]!;
    const evil = await makeCompany({ name: 'Evil' });
    await add(evil, 'ANA@acme-safe.test');
    expect(await findValidToken(db, acmeToken, 'invite')).toMatchObject({ companyId: acme.company.id });
  });
});

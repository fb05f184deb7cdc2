import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessRequests, accounts, auditEvents, contactPermissions, contacts, mailOutbox, signupSubmissions } from '@/db/schema';
import { setPassword } from '@/lib/auth/accounts';
import { findValidToken } from '@/lib/auth/tokens';
import { addDomain, listDomains, removeDomain, setDomainPolicy } from '@/lib/domains/mutations';
import { confirmRequest, findUnconfirmedRequest } from '@/lib/requests/confirm';
import { approveRequests, decideRequests, rejectRequests } from '@/lib/requests/decisions';
import { processRequestNotifications } from '@/lib/requests/notify';
import { decisionSummary, pendingRequestCount, requestsPage } from '@/lib/requests/queries';
import { SignupSchema } from '@/lib/requests/schema';
import { processSignupSubmissions, submitSignup } from '@/lib/requests/submissions';
import { resolveSession } from '@/lib/auth/context';
import { makeCompany, makeContact, randomCpf, sessionFor } from '../support/fixtures';

// "Quero me cadastrar" → confirmation link → "Solicitações de acesso" → decision (PRODUCT.md §2.8).

type Made = Awaited<ReturnType<typeof makeCompany>>;
const adminOf = (m: Made) => ({ companyId: m.company.id, companyName: m.company.name, contactId: m.admin.id, email: m.adminEmail });

let seq = 0;
function signup(code: string, email: string, extra: Partial<Record<string, string>> = {}) {
  return SignupSchema.parse({
    companyCode: code,
    country: 'BR',
    name: `Pessoa ${++seq}`,
    document: randomCpf(),
    areaCode: '11',
    phone: '987654321',
    email,
    emailConfirmation: email,
    consultancy: 'no',
    reason: 'Preciso abrir chamados.',
    ...extra,
  });
}

async function mailsTo(to: string) {
  const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

const tokenIn = (text: string) => /\/signup\/([\w-]{20,})/.exec(text)?.[1] ?? null;

/** Submits, lets the worker run, and returns the confirmation link's token from the mailbox. */
async function requestAccess(m: Made, email: string, extra: Partial<Record<string, string>> = {}): Promise<string> {
  await submitSignup(db, signup(m.company.code, email, extra), { source: `src-${email}` });
  await processSignupSubmissions(db);
  const token = tokenIn((await mailsTo(email)).at(-1)?.textBody ?? '');
  if (!token) throw new Error(`no confirmation link for ${email}`);
  return token;
}

async function pendingRequestOf(m: Made, email: string) {
  const [row] = await db
    .select()
    .from(accessRequests)
    .where(and(eq(accessRequests.companyId, m.company.id), eq(accessRequests.status, 'pending'), eq(accessRequests.email, email)));
  return row;
}

async function confirmedRequest(m: Made, email: string, extra: Partial<Record<string, string>> = {}) {
  const token = await requestAccess(m, email, extra);
  const confirmed = await confirmRequest(db, token);
  expect(confirmed).toMatchObject({ ok: true, outcome: 'pending' });
  return (await pendingRequestOf(m, email))!;
}

describe('asking ("Quero me cadastrar")', () => {
  it('the page only queues what was typed: the same work whether or not the company exists', async () => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(signupSubmissions))[0]!.n;
    await submitSignup(db, signup('NAOEXISTE', 'a@qualquer.test'), { source: 's1' });
    const m = await makeCompany();
    await submitSignup(db, signup(m.company.code, 'b@qualquer.test'), { source: 's1' });
    const after = (await db.select({ n: sql<number>`count(*)::int` }).from(signupSubmissions))[0]!.n;
    expect(after - before).toBe(2);
    expect(await mailsTo('a@qualquer.test')).toHaveLength(0);
  });

  it('an unknown company code is told to the mailbox only; no request exists anywhere', async () => {
    await submitSignup(db, signup('SEMEMPRESA', 'perdido@qualquer.test'), { source: 's2' });
    await processSignupSubmissions(db);
    const [mail] = await mailsTo('perdido@qualquer.test');
    expect(mail).toMatchObject({ kind: 'signup_unknown', companyId: null });
    expect(mail!.textBody).toContain('SEMEMPRESA');
    expect(await db.select().from(accessRequests).where(eq(accessRequests.email, 'perdido@qualquer.test'))).toHaveLength(0);
  });

  it('a known company gets an unconfirmed request; the link goes to the mailbox, never to the company', async () => {
    const m = await makeCompany();
    const token = await requestAccess(m, 'nova@pessoa.test');
    const [mail] = await mailsTo('nova@pessoa.test');
    expect(mail).toMatchObject({ kind: 'signup_confirm', companyId: null });
    const [row] = await db.select().from(accessRequests).where(eq(accessRequests.email, 'nova@pessoa.test'));
    expect(row).toMatchObject({ companyId: m.company.id, status: 'unconfirmed' });
    expect(row!.tokenHash).not.toContain(token);
    // Not in the administrator's inbox until confirmed.
    expect(await pendingRequestCount(m.company.id)).toBe(0);
  });

  it('someone already a contact is told so by e-mail, and no request is made', async () => {
    const m = await makeCompany();
    await makeContact(m.company.id, { email: 'ja.sou@pessoa.test' });
    await submitSignup(db, signup(m.company.code, 'Ja.Sou@Pessoa.test'), { source: 's3' });
    await processSignupSubmissions(db);
    const [mail] = await mailsTo('Ja.Sou@Pessoa.test');
    expect(mail).toMatchObject({ kind: 'signup_member', companyId: null });
    expect(await db.select().from(accessRequests).where(eq(accessRequests.companyId, m.company.id))).toHaveLength(0);
  });

  it('at most 3 e-mails an hour reach one address, and at most 10 requests an hour count from one source', async () => {
    const m = await makeCompany();
    for (let i = 0; i < 5; i++) await submitSignup(db, signup(m.company.code, 'muito@pessoa.test'), { source: `varias-${i}` });
    await processSignupSubmissions(db);
    expect(await mailsTo('muito@pessoa.test')).toHaveLength(3);

    for (let i = 0; i < 12; i++) await submitSignup(db, signup(m.company.code, `fonte${i}@pessoa.test`), { source: 'uma-fonte' });
    await processSignupSubmissions(db);
    let mailed = 0;
    for (let i = 0; i < 12; i++) mailed += (await mailsTo(`fonte${i}@pessoa.test`)).length;
    expect(mailed).toBe(10);
  });
});

describe('confirming (/signup/[token])', () => {
  it('the link works once: the request reaches the company, with a history entry', async () => {
    const m = await makeCompany();
    const token = await requestAccess(m, 'confirma@pessoa.test');
    expect(await findUnconfirmedRequest(db, token)).toMatchObject({ companyId: m.company.id, email: 'confirma@pessoa.test' });
    expect(await confirmRequest(db, token)).toEqual({ ok: true, companyName: m.company.name, outcome: 'pending' });
    expect(await confirmRequest(db, token)).toEqual({ ok: false });
    expect(await findUnconfirmedRequest(db, token)).toBeNull();
    expect(await pendingRequestCount(m.company.id)).toBe(1);
    const entries = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, m.company.id), eq(auditEvents.action, 'request.submitted')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorContactId: null, actorEmail: 'confirma@pessoa.test' });
  });

  it('expires after 24 hours', async () => {
    const m = await makeCompany();
    const token = await requestAccess(m, 'atrasada@pessoa.test');
    const later = new Date(Date.now() + 24 * 60 * 60_000 + 1000);
    expect(await findUnconfirmedRequest(db, token, later)).toBeNull();
    expect(await confirmRequest(db, token, later)).toEqual({ ok: false });
  });

  it('a newer request of the same person voids the earlier link, and a confirmed one replaces the pending one', async () => {
    const m = await makeCompany();
    const first = await requestAccess(m, 'repete@pessoa.test');
    const second = await requestAccess(m, 'repete@pessoa.test');
    expect(await confirmRequest(db, first)).toEqual({ ok: false });
    expect(await confirmRequest(db, second)).toMatchObject({ ok: true });
    const third = await requestAccess(m, 'REPETE@pessoa.test', { reason: 'Agora com outro motivo.' });
    expect(await confirmRequest(db, third)).toMatchObject({ ok: true });
    const rows = await db.select().from(accessRequests).where(eq(accessRequests.companyId, m.company.id));
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(1);
    expect(rows.find((r) => r.status === 'pending')!.reason).toBe('Agora com outro motivo.');
    expect(rows.filter((r) => r.status === 'replaced')).toHaveLength(1);
  });

  it('the same person may ask two companies: each gets its own request', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    await confirmedRequest(a, 'duas@pessoa.test');
    await confirmedRequest(b, 'duas@pessoa.test');
    expect(await pendingRequestCount(a.company.id)).toBe(1);
    expect(await pendingRequestCount(b.company.id)).toBe(1);
    // The navigation's count comes with each administrator's session check, of their company only.
    for (const m of [a, b]) {
      const session = await resolveSession(db, await sessionFor(m.adminAccountId), undefined);
      expect(session.status === 'ok' && session.context.pendingRequests).toBe(1);
    }
    const contact = await makeContact(a.company.id);
    const asContact = await resolveSession(db, await sessionFor(contact.accountId), undefined);
    expect(asContact.status === 'ok' && asContact.context.pendingRequests).toBe(0);
  });
});

describe('deciding ("Solicitações de acesso")', () => {
  it('"Aprovar" makes a contact with the default permissions and sends the invitation', async () => {
    const m = await makeCompany();
    const request = await confirmedRequest(m, 'aprovada@pessoa.test');
    const [outcome] = await approveRequests(db, adminOf(m), [request.id]);
    expect(outcome).toMatchObject({ outcome: 'approved' });
    const contactId = (outcome as { contactId: string }).contactId;
    const [contact] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, m.company.id), eq(contacts.id, contactId)));
    expect(contact).toMatchObject({ email: 'aprovada@pessoa.test', name: request.name, document: request.document, status: 'active', isAdmin: false });
    const permissions = await db.select().from(contactPermissions).where(eq(contactPermissions.contactId, contactId));
    expect(permissions.map((p) => p.permission)).toEqual(['self_service']);
    const invite = (await mailsTo('aprovada@pessoa.test')).find((x) => x.kind === 'invite');
    const link = /\/invite\/([\w-]+)/.exec(invite!.textBody)![1]!;
    expect(await findValidToken(db, link, 'invite')).toMatchObject({ companyId: m.company.id });
    const [after] = await db.select().from(accessRequests).where(eq(accessRequests.id, request.id));
    expect(after).toMatchObject({ status: 'approved', decidedByContactId: m.admin.id, contactId });
    const history = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, m.company.id), eq(auditEvents.subjectContactId, contactId)));
    expect(history.map((h) => h.action).sort()).toEqual(['contact.created', 'request.approved']);
  });

  it('someone who already has a password gets "Acesso liberado", without a link', async () => {
    const m = await makeCompany();
    const other = await makeCompany({ adminPassword: 'senha-do-outro-admin' });
    const request = await confirmedRequest(m, other.adminEmail);
    await approveRequests(db, adminOf(m), [request.id]);
    const mails = await mailsTo(other.adminEmail);
    expect(mails.map((x) => x.kind)).toContain('access_granted');
    expect(mails.some((x) => x.kind === 'invite')).toBe(false);
  });

  it('the rules of "Adicionar usuário" apply at approval time: an e-mail or CPF registered meanwhile is refused, nothing written', async () => {
    const m = await makeCompany();
    const byEmail = await confirmedRequest(m, 'depois@pessoa.test');
    const byDocument = await confirmedRequest(m, 'cpf@pessoa.test');
    await makeContact(m.company.id, { email: 'depois@pessoa.test' });
    await makeContact(m.company.id, { document: byDocument.document! });
    const page = await requestsPage(m.company.id, 'pending', 1);
    expect(page.rows.every((r) => r.alreadyContact)).toBe(true);
    const outcomes = await approveRequests(db, adminOf(m), [byEmail.id, byDocument.id]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['documentTaken', 'emailTaken']);
    expect(await pendingRequestCount(m.company.id)).toBe(2);
    expect(await db.select().from(accounts).where(eq(accounts.email, 'cpf@pessoa.test'))).toHaveLength(0);
    expect((await mailsTo('cpf@pessoa.test')).some((x) => x.kind === 'invite')).toBe(false);
  });

  it('two administrators deciding the same request at once: one wins, the other is told', async () => {
    const m = await makeCompany();
    const request = await confirmedRequest(m, 'disputada@pessoa.test');
    const [approved, rejected] = await Promise.all([
      approveRequests(db, adminOf(m), [request.id]),
      rejectRequests(db, adminOf(m), [request.id], 'Não conheço.'),
    ]);
    const outcomes = [approved[0]!.outcome, rejected[0]!.outcome].sort();
    expect(outcomes.filter((o) => o === 'decided')).toHaveLength(1);
    expect(
      await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.companyId, m.company.id), eq(contacts.email, 'disputada@pessoa.test'))),
    ).toHaveLength(outcomes.includes('approved') ? 1 : 0);
  });

  it('"Recusar" closes the request and e-mails the reason to the requester', async () => {
    const m = await makeCompany();
    const request = await confirmedRequest(m, 'recusada@pessoa.test');
    const [outcome] = await rejectRequests(db, adminOf(m), [request.id], 'Use o e-mail corporativo.');
    expect(outcome).toMatchObject({ outcome: 'rejected' });
    const mail = (await mailsTo('recusada@pessoa.test')).find((x) => x.kind === 'access_rejected');
    expect(mail!.companyId).toBe(m.company.id);
    expect(mail!.textBody).toContain('Use o e-mail corporativo.');
    const [after] = await db.select().from(accessRequests).where(eq(accessRequests.id, request.id));
    expect(after).toMatchObject({ status: 'rejected', decisionReason: 'Use o e-mail corporativo.' });
    expect(await pendingRequestCount(m.company.id)).toBe(0);
  });

  it('several at once: one summary with what happened to each, shown only to whoever decided', async () => {
    const m = await makeCompany();
    const ok1 = await confirmedRequest(m, 'lote1@pessoa.test');
    const ok2 = await confirmedRequest(m, 'lote2@pessoa.test');
    const taken = await confirmedRequest(m, 'lote3@pessoa.test');
    await makeContact(m.company.id, { email: 'lote3@pessoa.test' });
    const { summaryId, outcomes } = await decideRequests(db, adminOf(m), 'approve', [ok1.id, ok2.id, taken.id, ok1.id]);
    expect(outcomes).toHaveLength(3);
    const summary = await decisionSummary(m.company.id, m.admin.id, String(summaryId));
    expect(summary).toMatchObject({ decision: 'approve', approved: 2, rejected: 0, refused: 1 });
    expect(summary!.lines.find((l) => l.id === taken.id)).toMatchObject({ outcome: 'emailTaken', email: 'lote3@pessoa.test' });
    const other = await makeCompany();
    expect(await decisionSummary(other.company.id, other.admin.id, String(summaryId))).toBeNull();
  });

  it('ids of another company change nothing there', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await confirmedRequest(b, 'deles@pessoa.test');
    expect(await approveRequests(db, adminOf(a), [theirs.id])).toEqual([{ id: theirs.id, outcome: 'notFound' }]);
    expect(await rejectRequests(db, adminOf(a), [theirs.id], '')).toEqual([{ id: theirs.id, outcome: 'notFound' }]);
    expect((await pendingRequestOf(b, 'deles@pessoa.test'))!.status).toBe('pending');
    expect(await db.select().from(contacts).where(eq(contacts.email, 'deles@pessoa.test'))).toHaveLength(0);
  });

  it('an unconfirmed request cannot be decided', async () => {
    const m = await makeCompany();
    await requestAccess(m, 'sem.confirmar@pessoa.test');
    const [row] = await db.select().from(accessRequests).where(eq(accessRequests.email, 'sem.confirmar@pessoa.test'));
    expect(await approveRequests(db, adminOf(m), [row!.id])).toEqual([{ id: row!.id, outcome: 'notFound' }]);
  });
});

describe('company domains and "Aprovar automaticamente"', () => {
  it('flags requests from inside and outside the company domains', async () => {
    const m = await makeCompany();
    await addDomain(adminOf(m), { domain: 'acme-flags.com.br', policy: 'approval' });
    await confirmedRequest(m, 'dentro@acme-flags.com.br');
    await confirmedRequest(m, 'fora@outra.test');
    const { rows, hasDomains } = await requestsPage(m.company.id, 'pending', 1);
    expect(hasDomains).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.email, r.inCompanyDomain]))).toEqual({ 'dentro@acme-flags.com.br': true, 'fora@outra.test': false });
  });

  it('a confirmed request from an automatic domain becomes a contact at once; the history names the policy', async () => {
    const m = await makeCompany();
    await addDomain(adminOf(m), { domain: 'auto-aprova.example.test', policy: 'auto' });
    const token = await requestAccess(m, 'ana@auto-aprova.example.test');
    expect(await confirmRequest(db, token)).toEqual({ ok: true, companyName: m.company.name, outcome: 'approved' });
    const [contact] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.companyId, m.company.id), eq(contacts.email, 'ana@auto-aprova.example.test')));
    expect(contact).toBeTruthy();
    const [entry] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, m.company.id), eq(auditEvents.action, 'request.approved')));
    expect(entry!.after).toMatchObject({ policy: 'auto', domain: 'auto-aprova.example.test' });
    expect((await mailsTo('ana@auto-aprova.example.test')).some((x) => x.kind === 'invite')).toBe(true);
    expect(await pendingRequestCount(m.company.id)).toBe(0);
  });

  it('under the automatic policy, a request the rules refuse waits for the administrator', async () => {
    const m = await makeCompany();
    await addDomain(adminOf(m), { domain: 'auto-recusa.example.test', policy: 'auto' });
    const token = await requestAccess(m, 'beto@auto-recusa.example.test');
    const [row] = await db.select().from(accessRequests).where(eq(accessRequests.email, 'beto@auto-recusa.example.test'));
    await makeContact(m.company.id, { document: row!.document! });
    expect(await confirmRequest(db, token)).toMatchObject({ ok: true, outcome: 'pending' });
    expect(await pendingRequestCount(m.company.id)).toBe(1);
  });

  it('a domain approves automatically in one company only (the database decides)', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    expect(await addDomain(adminOf(a), { domain: 'disputado.example.test', policy: 'auto' })).toMatchObject({ ok: true });
    expect(await addDomain(adminOf(b), { domain: 'Disputado.example.test', policy: 'auto' })).toEqual({
      ok: false,
      fieldErrors: { policy: 'domainAutoTaken' },
    });
    // As "Exigir aprovação" it may be listed by both.
    expect(await addDomain(adminOf(b), { domain: 'disputado.example.test', policy: 'approval' })).toMatchObject({ ok: true });
    await expect(
      db.execute(
        sql`insert into company_domains (company_id, domain, policy) values (${b.company.id}, 'outro-auto.com.br', 'auto'), (${a.company.id}, 'outro-auto.com.br', 'auto')`,
      ),
    ).rejects.toThrow();
  });
});

describe('"Aprovar automaticamente" only for the administrator\'s own mail domain', () => {
  it("another company's domain may be listed, never approve automatically, so it cannot be claimed first", async () => {
    const m = await makeCompany(); // its administrator is admin.<code>@example.test
    const ctx = adminOf(m);
    expect(await addDomain(ctx, { domain: 'concorrente.com.br', policy: 'auto' })).toEqual({ ok: false, fieldErrors: { policy: 'domainAutoNotYours' } });
    expect(await addDomain(ctx, { domain: 'test', policy: 'auto' })).toMatchObject({ ok: false });
    const listed = await addDomain(ctx, { domain: 'concorrente.com.br', policy: 'approval' });
    expect(listed).toMatchObject({ ok: true });
    expect(await setDomainPolicy(ctx, (listed as { id: string }).id, 'auto')).toEqual({ ok: false, error: 'autoNotYours' });
    expect(await addDomain(ctx, { domain: 'rh.example.test', policy: 'auto' })).toMatchObject({ ok: true });
    expect((await listDomains(m.company.id)).map((d) => [d.domain, d.policy])).toEqual([
      ['concorrente.com.br', 'approval'],
      ['rh.example.test', 'auto'],
    ]);
  });

  it('ids of another company change nothing there', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const theirs = await addDomain(adminOf(b), { domain: 'deles.example.test', policy: 'approval' });
    const id = (theirs as { id: string }).id;
    expect(await setDomainPolicy(adminOf(a), id, 'auto')).toEqual({ ok: false, error: 'notFound' });
    expect(await removeDomain(adminOf(a), id)).toEqual({ ok: false, error: 'notFound' });
    expect((await listDomains(b.company.id)).map((d) => d.policy)).toEqual(['approval']);
  });
});

describe('the administrator hears of waiting requests at most once an hour', () => {
  it('one e-mail listing them, then nothing more until an hour has passed', async () => {
    const m = await makeCompany();
    await confirmedRequest(m, 'aviso1@pessoa.test');
    await confirmedRequest(m, 'aviso2@pessoa.test');
    const now = new Date();
    await processRequestNotifications(db, now);
    let notices = (await mailsTo(m.adminEmail)).filter((x) => x.kind === 'requests_waiting');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textBody).toContain('aviso1@pessoa.test');
    expect(notices[0]!.textBody).toContain('aviso2@pessoa.test');

    await confirmedRequest(m, 'aviso3@pessoa.test');
    await processRequestNotifications(db, new Date(now.getTime() + 30 * 60_000));
    notices = (await mailsTo(m.adminEmail)).filter((x) => x.kind === 'requests_waiting');
    expect(notices).toHaveLength(1);

    await processRequestNotifications(db, new Date(now.getTime() + 61 * 60_000));
    notices = (await mailsTo(m.adminEmail)).filter((x) => x.kind === 'requests_waiting');
    expect(notices).toHaveLength(2);
    expect(notices[1]!.textBody).toContain('aviso3@pessoa.test');
    expect(notices[1]!.textBody).not.toContain('aviso1@pessoa.test');
  });
});

describe('passwords set meanwhile', () => {
  it('an invitation from an approval stops working once the person sets a password elsewhere', async () => {
    const m = await makeCompany();
    const request = await confirmedRequest(m, 'convite@pessoa.test');
    await approveRequests(db, adminOf(m), [request.id]);
    const invite = (await mailsTo('convite@pessoa.test')).find((x) => x.kind === 'invite')!;
    const link = /\/invite\/([\w-]+)/.exec(invite.textBody)![1]!;
    const [account] = await db.select().from(accounts).where(eq(accounts.email, 'convite@pessoa.test'));
    await setPassword(db, account!.id, 'uma-senha-qualquer-123');
    expect(await findValidToken(db, link, 'invite')).toBeNull();
  });
});

import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from './connect';
import { accessRequests, accounts, companies, companyDomains, contacts, groupMembers, groups, tickets, type PermissionKey } from './schema';
import { recordAudit } from '@/lib/audit/record';
import { cpfFromBase } from '@/lib/br/cpf';
import { createCompany } from '@/lib/companies/mutations';
import { findOrCreateAccount, setPassword } from '@/lib/auth/accounts';
import { verifyPassword } from '@/lib/auth/password';
import { insertContacts } from '@/lib/contacts/write';

export const DEMO_COMPANY = { code: 'DEMO', name: 'Empresa Demonstração Ltda' };
export const DEMO_ADMIN = { email: 'admin@demo.test', name: 'Marina Albuquerque' };

const DEMO_CONTACTS: { name: string; email: string; cpfBase: string; ddd: string; phone: string; consultancy: boolean; permissions: PermissionKey[] }[] = [
  {
    name: 'João Batista Pereira',
    email: 'joao.pereira@demo.test',
    cpfBase: '529982247',
    ddd: '11',
    phone: '987654321',
    consultancy: true,
    permissions: ['self_service'],
  },
  {
    name: 'Luíza Gonçalves',
    email: 'luiza.goncalves@demo.test',
    cpfBase: '111444777',
    ddd: '21',
    phone: '34567890',
    consultancy: false,
    permissions: ['self_service', 'bpo_full_access'],
  },
  {
    name: 'Sérgio Magalhães',
    email: 'sergio.magalhaes@demo.test',
    cpfBase: '390533447',
    ddd: '31',
    phone: '991234567',
    consultancy: false,
    permissions: ['self_service', 'it_admin'],
  },
  {
    name: 'Conceição Araújo',
    email: 'conceicao.araujo@demo.test',
    cpfBase: '714602380',
    ddd: '51',
    phone: '32104567',
    consultancy: true,
    permissions: ['self_service', 'education_manager'],
  },
  {
    name: 'Otávio Brandão',
    email: 'otavio.brandao@demo.test',
    cpfBase: '048222136',
    ddd: '61',
    phone: '998887766',
    consultancy: false,
    permissions: ['restrict_tickets'],
  },
  {
    name: 'Íris Falcão',
    email: 'iris.falcao@demo.test',
    cpfBase: '862713204',
    ddd: '85',
    phone: '987001234',
    consultancy: false,
    permissions: ['self_service', 'cloud_control_center'],
  },
];

const DEMO_REQUESTS = [
  {
    name: 'Renata Moreira',
    email: 'renata.moreira@demo.test',
    cpfBase: '275484389',
    ddd: '41',
    phone: '991112233',
    reason: 'Entrei no time financeiro e preciso abrir chamados sobre notas fiscais.',
  },
  {
    name: 'Paulo Henrique Dias',
    email: 'paulo.dias@consultoria-exemplo.com.br',
    cpfBase: '153746290',
    ddd: '11',
    phone: '976543210',
    reason: 'Sou consultor externo e vou acompanhar a implantação do módulo contábil.',
  },
];

/** Seeds the demo company when the database has no company at all. Returns null otherwise. */
export async function seedDemo(db: Database, adminPassword: string): Promise<{ adminEmail: string } | null> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(companies)) as [{ n: number }];
  if (n > 0) return null;
  const { company, admin } = await createCompany(
    { code: DEMO_COMPANY.code, name: DEMO_COMPANY.name, adminEmail: DEMO_ADMIN.email, adminName: DEMO_ADMIN.name },
    { invite: false },
    db,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(contacts)
      .set({ document: cpfFromBase('123456789'), areaCode: '11', phone: '912345678' })
      .where(eq(contacts.id, admin.id));
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, DEMO_ADMIN.email));
    await setPassword(tx, account!.id, adminPassword);

    const people = [];
    for (const c of DEMO_CONTACTS) {
      const acc = await findOrCreateAccount(tx, c.email);
      people.push({
        accountId: acc.id,
        name: c.name,
        email: c.email,
        document: cpfFromBase(c.cpfBase),
        areaCode: c.ddd,
        phone: c.phone,
        consultancy: c.consultancy,
        permissions: c.permissions,
      });
    }
    const { ids } = await insertContacts(tx, company.id, { contactId: admin.id, email: DEMO_ADMIN.email }, people);
    const created = ids.map((id) => ({ id }));
    // "Revisão de acessos" has something to show: one person who has not signed in for four
    // months, one invited more than three months ago who never did.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    await tx
      .update(contacts)
      .set({ createdAt: daysAgo(400), lastAccessAt: daysAgo(120) })
      .where(eq(contacts.id, ids[4]!));
    await tx
      .update(contacts)
      .set({ createdAt: daysAgo(100) })
      .where(eq(contacts.id, ids[5]!));

    const [support, supervision] = await tx
      .insert(groups)
      .values([
        { companyId: company.id, name: 'Atendimento Financeiro', type: 'service', responsibleId: created[0]!.id, mailbox: 'financeiro@demo.test' },
        { companyId: company.id, name: 'Supervisão de TI', type: 'supervision', responsibleId: created[2]!.id },
      ])
      .returning();
    await tx.insert(groupMembers).values([
      { companyId: company.id, groupId: support!.id, contactId: created[0]!.id },
      { companyId: company.id, groupId: support!.id, contactId: created[1]!.id },
      { companyId: company.id, groupId: supervision!.id, contactId: created[2]!.id },
    ]);

    const ticketRows = [
      { subject: 'Erro ao emitir nota fiscal', category: 'support', status: 'open', requester: 0, group: support },
      { subject: 'Dúvida sobre fechamento contábil', category: 'bpo', status: 'in_progress', requester: 1, group: support },
      { subject: 'Lentidão no acesso ao sistema', category: 'support', status: 'open', requester: 2, group: supervision },
      { subject: 'Ajuste na folha de pagamento', category: 'bpo', status: 'closed', requester: 1, group: undefined },
      { subject: 'Liberação de acesso para novo colaborador', category: 'support', status: 'closed', requester: 3, group: undefined },
      { subject: 'Relatório de vendas sem dados', category: 'support', status: 'open', requester: 5, group: undefined },
    ] as const;
    await tx.insert(tickets).values(
      ticketRows.map((t, i) => ({
        companyId: company.id,
        number: 1001 + i,
        subject: t.subject,
        description: `${t.subject}. Descrição registrada pelo solicitante.`,
        category: t.category,
        status: t.status,
        requesterId: created[t.requester]!.id,
        groupId: t.group?.id ?? null,
        closedAt: t.status === 'closed' ? new Date() : null,
      })),
    );

    // "Domínios da empresa" and two requests waiting in "Solicitações de acesso": one from
    // the company's domain, one from outside it.
    const adminActor = { contactId: admin.id, email: DEMO_ADMIN.email };
    const [domain] = await tx.insert(companyDomains).values({ companyId: company.id, domain: 'demo.test', policy: 'approval' }).returning();
    await recordAudit(tx, {
      companyId: company.id,
      actor: adminActor,
      action: 'domain.added',
      entityType: 'company_domain',
      entityId: domain!.id,
      after: { domain: 'demo.test', policy: 'approval' },
    });
    const now = Date.now();
    const requests = await tx
      .insert(accessRequests)
      .values(
        DEMO_REQUESTS.map((r, i) => ({
          companyId: company.id,
          status: 'pending' as const,
          name: r.name,
          email: r.email,
          document: cpfFromBase(r.cpfBase),
          areaCode: r.ddd,
          phone: r.phone,
          reason: r.reason,
          createdAt: new Date(now - (i + 1) * 3_600_000),
          confirmedAt: new Date(now - (i + 1) * 3_600_000 + 300_000),
          notifiedAt: new Date(now),
        })),
      )
      .returning();
    await recordAudit(
      tx,
      requests.map((r) => ({
        companyId: company.id,
        actor: { contactId: null, email: r.email },
        action: 'request.submitted' as const,
        entityType: 'access_request',
        entityId: r.id,
        after: { name: r.name, email: r.email, country: r.country, document: r.document, areaCode: r.areaCode, phone: r.phone, reason: r.reason },
      })),
    );
  });
  return { adminEmail: DEMO_ADMIN.email };
}

/**
 * What `npm start` prints for signing in to the demo: only while the demo's administrator
 * account still administers the demo company (after "Transferir administração" it is an
 * ordinary contact, and the line would lead to the wrong place), with the password while it
 * is still the one given.
 */
export async function demoSignIn(db: Executor, password: string): Promise<string> {
  const [admin] = await db
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .innerJoin(contacts, and(eq(contacts.accountId, accounts.id), eq(contacts.isAdmin, true), eq(contacts.status, 'active')))
    .innerJoin(companies, and(eq(companies.id, contacts.companyId), eq(companies.code, DEMO_COMPANY.code)))
    .where(eq(accounts.email, DEMO_ADMIN.email));
  if (!admin) return '';
  if (admin.passwordHash && (await verifyPassword(admin.passwordHash, password))) return `Entre com ${DEMO_ADMIN.email} e a senha ${password}`;
  return `Entre com ${DEMO_ADMIN.email} (a senha foi alterada no portal)`;
}

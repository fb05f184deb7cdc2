// Ports and fixture people shared by the e2e servers and the specs. E2E_PORT_OFFSET moves
// every port, so two checkouts can run their browser tests on one machine at once.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
export const E2E = {
  port: 3111 + offset,
  baseUrl: `http://127.0.0.1:${3111 + offset}`,
  // On PostgreSQL, the two `next start` instances behind the balancer at `port`.
  instancePorts: [3112 + offset, 3113 + offset],
  // quick-start.spec.ts: `npm start` of its own, on a fresh embedded database.
  quickStartPort: 3114 + offset,
  // server-processes.spec.ts: scripts/serve.mjs, a server process per core on one port.
  clusterPort: 3115 + offset,
  smtpPort: 2626 + offset,
  sinkUrl: `http://127.0.0.1:${4626 + offset}`,
  // company-sign-in.spec.ts: a real OpenID Connect provider on loopback (tests/support/oidc-provider.ts).
  // Far from the sink's 4626 + offset: a checkout at offset 100 must not take this one's port.
  providerPort: 5726 + offset,
  provider: {
    clientId: 'portaria-e2e',
    clientSecret: 'segredo-do-cliente-e2e',
    // A company whose people of sso-e2e.test sign in through the provider.
    company: { code: 'SSOE2E', name: 'Entrada Única Ltda', domain: 'sso-e2e.test', admin: 'admin@sso-e2e.test' },
    member: { name: 'Marta Membro', email: 'marta@sso-e2e.test' },
    memberNoJs: { name: 'Mauro Membro', email: 'mauro@sso-e2e.test' },
    newcomer: { name: 'Nádia Nova', email: 'nadia@sso-e2e.test' },
    unverified: { name: 'Ulisses Sem Verificar', email: 'ulisses@sso-e2e.test' },
    // A company requiring its own sign-in, whose person is also a contact of the demo company.
    strict: { code: 'EXIGEE2E', name: 'Exige Login S.A.', domain: 'exige-e2e.test', admin: 'admin@exige-e2e.test' },
    twoCompanies: { name: 'Dora Duas Empresas', email: 'dora@exige-e2e.test' },
  },
  // contacts-filters.spec.ts and the pickers: a company of 100,000 people ("Cliente 90000 Escala").
  large: { code: 'GRANDE', name: 'Grande Escala S.A.', admin: 'admin@grande.test', contacts: 100_000 },
  dataDir: '.data/e2e',
  password: 'senha-de-teste-123',
  demoAdmin: 'admin@demo.test',
  demoContact: 'joao.pereira@demo.test',
  otherAdmin: 'admin@outra.test',
  otherContactName: 'Beatriz Exclusiva da Outra',
  invited: 'convidada@demo.test',
  resetter: 'luiza.goncalves@demo.test',
  locked: 'sergio.magalhaes@demo.test',
  passwordChanger: 'conceicao.araujo@demo.test',
  // sessions.spec.ts: people whose sessions the tests end (each test its own).
  sessions: {
    signOut: { name: 'Sônia Saída', email: 'sonia.saida@demo.test' },
    own: { name: 'Sílvia Sessões', email: 'silvia.sessoes@demo.test' },
    ownNoJs: { name: 'Simão Sessões', email: 'simao.sessoes@demo.test' },
    endedJs: { name: 'Saulo Sessões', email: 'saulo.sessoes@demo.test' },
    endedNoJs: { name: 'Sara Sessões', email: 'sara.sessoes@demo.test' },
    throttled: { name: 'Tiago Tentativas', email: 'tiago.tentativas@demo.test' },
    // instances.spec.ts: signed in on one instance, signed out on the other.
    instances: { name: 'Ivo Instâncias', email: 'ivo.instancias@demo.test' },
  },
  // access-requests.spec.ts: people who ask through "Quero me cadastrar", and requests already
  // waiting in the demo company's "Solicitações de acesso" for the decisions in bulk.
  requests: {
    signupJs: { name: 'Fabiana Cadastro', email: 'fabiana.cadastro@cliente-e2e.test', cpfBase: '501602703' },
    signupNoJs: { name: 'Fernando Cadastro', email: 'fernando.cadastro@cliente-e2e.test', cpfBase: '502603704' },
    auto: { name: 'Alice Automática', email: 'alice@filial.demo.test', cpfBase: '503604705' },
    bulkJs: [
      { name: 'Bianca Lote', email: 'bianca.lote@cliente-e2e.test', cpfBase: '504605706' },
      { name: 'Bruno Lote', email: 'bruno.lote@cliente-e2e.test', cpfBase: '505606707' },
    ],
    // Asked while already a contact (the demo's João Batista Pereira): approval is refused.
    bulkTaken: { name: 'João Pereira Repetido', email: 'joao.pereira@demo.test', cpfBase: '506607708' },
    bulkNoJs: [
      { name: 'Carla Recusa', email: 'carla.recusa@cliente-e2e.test', cpfBase: '507608709' },
      { name: 'Caio Recusa', email: 'caio.recusa@cliente-e2e.test', cpfBase: '508609700' },
    ],
  },
  // contacts-admin.spec.ts: every test has its own people (names sort after "Marina", so the
  // first page of the demo list that other specs look at keeps its rows).
  admin: {
    editJs: { name: 'Patrícia Edição', email: 'patricia.edicao@demo.test' },
    editNoJs: { name: 'Paulo Edição', email: 'paulo.edicao@demo.test' },
    concurrentJs: { name: 'Raquel Concorrente', email: 'raquel.concorrente@demo.test' },
    concurrentNoJs: { name: 'Ricardo Concorrente', email: 'ricardo.concorrente@demo.test' },
    permissionsJs: { name: 'Pedro Permissões', email: 'pedro.permissoes@demo.test' },
    permissionsNoJs: { name: 'Priscila Permissões', email: 'priscila.permissoes@demo.test' },
    ticketsFrom: { name: 'Tomás Transferência', email: 'tomas.transferencia@demo.test' },
    ticketsTo: { name: 'Rita Recebedora', email: 'rita.recebedora@demo.test' },
    pendingTickets: { name: 'Valéria Pendências', email: 'valeria.pendencias@demo.test' },
    removeJs: { name: 'Renata Removida', email: 'renata.removida@demo.test' },
    removeNoJs: { name: 'Rogério Removido', email: 'rogerio.removido@demo.test' },
    accessible: { name: 'Nair Acessível', email: 'nair.acessivel@demo.test' },
    // Companies of their own, so the demo administrator stays administrator.
    transferJs: {
      company: 'Transfere Com Script Ltda',
      admin: { name: 'Tânia Titular', email: 'admin@transfere-js.test' },
      heir: { name: 'Hugo Herdeiro', email: 'herdeiro@transfere-js.test' },
    },
    transferNoJs: {
      company: 'Transfere Sem Script Ltda',
      admin: { name: 'Teodoro Titular', email: 'admin@transfere-nojs.test' },
      heir: { name: 'Helena Herdeira', email: 'herdeira@transfere-nojs.test' },
    },
  },
  // contacts-lifecycle.spec.ts: people deactivated, removed and restored, changed in bulk and
  // reviewed (names after "Marina": the first page of the demo list keeps its rows).
  lifecycle: {
    deactivateJs: { name: 'Vera Desativação', email: 'vera.desativacao@demo.test' },
    deactivateNoJs: { name: 'Vitor Desativação', email: 'vitor.desativacao@demo.test' },
    restoreJs: { name: 'Wagner Restauração', email: 'wagner.restauracao@demo.test' },
    restoreNoJs: { name: 'Wanda Restauração', email: 'wanda.restauracao@demo.test' },
    bulkJs: [
      { name: 'Yara Lote', email: 'yara.lotey@demo.test' },
      { name: 'Yuri Lote', email: 'yuri.lotey@demo.test' },
    ],
    bulkNoJs: [
      { name: 'Zélia Lote', email: 'zelia.lotez@demo.test' },
      { name: 'Zeca Lote', email: 'zeca.lotez@demo.test' },
    ],
    // Invited 100 days ago, never signed in: on "Revisão de acessos" at 30, 60 and 90 days.
    neverJs: { name: 'Xavier Revisão', email: 'xavier.revisao@demo.test' },
    neverNoJs: { name: 'Xênia Revisão', email: 'xenia.revisao@demo.test' },
  },
} as const;

/**
 * The database of the browser tests on PostgreSQL (TEST_DATABASE_URL, as in CI): then the
 * product runs as two instances and a worker. Without it, on the embedded database.
 */
export function e2eDatabaseUrl(): string | undefined {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  const url = new URL(base);
  url.pathname = `/portaria_e2e_${offset}`;
  return url.toString();
}

export const twoInstances = (): boolean => Boolean(e2eDatabaseUrl());

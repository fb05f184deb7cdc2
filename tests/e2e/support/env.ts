// Ports and fixture people shared by the e2e servers and the specs.
export const E2E = {
  port: 3111,
  baseUrl: 'http://127.0.0.1:3111',
  smtpPort: 2626,
  sinkUrl: 'http://127.0.0.1:4626',
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
} as const;

import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { connectFromEnv } from '../db/connect';
import { installConnection } from '../db/client';
import { CompanyCodeTaken, createCompany } from '../lib/companies/mutations';
import { assertEmbeddedDatabaseFree, applyServerAddress } from './runtime';

const usage = 'npm run company:create -- --code ACME --name "ACME Ltda" --admin-email a@acme.com.br --admin-name "Ana Souza"';

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { code: { type: 'string' }, name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\nUso: ${usage}`);
  process.exit(2);
}

assertEmbeddedDatabaseFree();
applyServerAddress();
const conn = connectFromEnv();
installConnection(conn);
try {
  await conn.migrate();
  const result = await createCompany({
    code: values.code ?? '',
    name: values.name ?? '',
    adminEmail: values['admin-email'] ?? '',
    adminName: values['admin-name'] ?? '',
  });
  console.log(`Empresa criada: ${result.company.name} (${result.company.code})`);
  console.log(`Administrador: ${result.admin.name} <${result.admin.email}>`);
  if (result.inviteLink) {
    console.log(`Link de convite (vale 7 dias, uso único): ${result.inviteLink}`);
    console.log(
      process.env.SMTP_URL
        ? 'O convite também foi para a fila de e-mail.'
        : 'SMTP não configurado: o servidor também escreve o convite no seu registro (log) ao enviá-lo.',
    );
  } else {
    console.log('Esta pessoa já tem senha no portal: ela entra com a senha que já usa, e foi avisada por e-mail do novo acesso.');
  }
} catch (err) {
  if (err instanceof ZodError) {
    console.error(`Dados inválidos:\n${err.issues.map((i) => `  - ${i.message}`).join('\n')}\nUso: ${usage}`);
    process.exitCode = 2;
  } else if (err instanceof CompanyCodeTaken) {
    console.error(`Já existe uma empresa com o código ${values.code?.toUpperCase()}.`);
    process.exitCode = 1;
  } else {
    throw err;
  }
} finally {
  await conn.close();
}

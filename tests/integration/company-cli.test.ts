import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const dataDir = mkdtempSync(path.join(tmpdir(), 'portaria-cli-'));

// The operator's command, run as the operator runs it, on an embedded database of its own.
async function companyCreate(args: string[]) {
  const env = { ...process.env, PORTARIA_DATA_DIR: dataDir, DATABASE_URL: '', APP_URL: 'https://portal.example' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  try {
    const { stdout, stderr } = await run(tsx, ['--conditions=react-server', 'scripts/company-create.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run company:create', () => {
  it('creates a company and prints the invitation link; refuses the same code twice', async () => {
    const args = ['--code', 'acme', '--name', 'ACME Ltda', '--admin-email', 'a@acme.com.br', '--admin-name', 'Ana Souza'];
    const first = await companyCreate(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Empresa criada: ACME Ltda (ACME)');
    expect(first.stdout).toMatch(/Link de convite \(vale 7 dias, uso único\): https:\/\/portal\.example\/invite\/[\w-]{20,}/);
    const again = await companyCreate(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Já existe uma empresa com o código ACME.');
  });

  it('explains what is wrong with the arguments', async () => {
    const bad = await companyCreate(['--code', 'x', '--name', 'A', '--admin-email', 'nope', '--admin-name', 'Ana']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Dados inválidos');
    expect(bad.stderr).toContain('admin-email: e-mail inválido');
    const unknown = await companyCreate(['--cnpj', '123']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Uso: npm run company:create');
  });
});

import { eq } from 'drizzle-orm';
import { createTranslator } from 'use-intl/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import { resolveSession } from '@/lib/auth/context';
import { catalogs, TIME_ZONE } from '@/lib/i18n/config';
import { makeCompany, makeContact, randomCpf, sessionFor } from '../support/fixtures';

// The action shape (lib/forms/action.ts) against the real database and the real mutations.
// Only Next's request plumbing is stood in for: the session comes from a token the test
// holds (resolved by the real resolveSession), and redirect()/forbidden() throw what they
// would make Next answer.

class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
class Forbidden extends Error {}

const request = vi.hoisted(() => ({ token: null as string | null }));

vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  forbidden: () => {
    throw new Forbidden('forbidden');
  },
  RedirectType: { push: 'push', replace: 'replace' },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/i18n/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'pt-BR', messages: catalogs['pt-BR'], namespace: namespace as never, timeZone: TIME_ZONE }),
}));
vi.mock('@/lib/auth/session', async () => {
  const { db: database } = await import('@/db/client');
  const requireContact = async () => {
    const session = await resolveSession(database, request.token, undefined);
    if (session.status === 'signed-out') throw new Redirected('/login');
    if (session.status === 'no-company') throw new Redirected('/no-company');
    return session.context;
  };
  const requireAdmin = async () => {
    const ctx = await requireContact();
    if (!ctx.isAdmin) throw new Forbidden('forbidden');
    return ctx;
  };
  return { requireContact, requireAdmin, currentSessionToken: async () => request.token, COMPANY_COOKIE: 'company' };
});
vi.mock('@/lib/mail/worker', () => ({ kickMailDelivery: () => undefined }));

const { bulkContactsAction, createContactAction, deactivateContactAction, removeContactAction, restoreContactAction, savePermissionsAction, undoImportAction } =
  await import('@/lib/contacts/actions');

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

const idle = { status: 'idle' as const };

function newPerson(email: string) {
  return {
    country: 'BR',
    name: 'Pessoa do Formulário',
    document: randomCpf(),
    areaCode: '11',
    phone: '987654321',
    email,
    emailConfirmation: email,
    consultancy: 'no',
  };
}

beforeEach(() => {
  request.token = null;
});

describe('adminAction', () => {
  it('sends a request without a session to sign-in, and changes nothing', async () => {
    const { company } = await makeCompany();
    await expect(createContactAction(idle, form(newPerson('sem.sessao@forms.test')))).rejects.toMatchObject({ to: '/login' });
    expect(await db.select().from(contacts).where(eq(contacts.email, 'sem.sessao@forms.test'))).toEqual([]);
    expect(company.id).toBeTruthy();
  });

  it('refuses a contact who is not the administrator, and changes nothing', async () => {
    const { company } = await makeCompany();
    const c = await makeContact(company.id);
    request.token = await sessionFor(c.accountId);
    await expect(createContactAction(idle, form(newPerson('intrusa@forms.test')))).rejects.toBeInstanceOf(Forbidden);
    expect(await db.select().from(contacts).where(eq(contacts.email, 'intrusa@forms.test'))).toEqual([]);
  });

  it('answers an id that is not one, or of another company, with "not found"', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const inB = await makeContact(b.company.id);
    request.token = await sessionFor(a.adminAccountId);
    const malformed = await removeContactAction(idle, form({ id: "1' or '1'='1" }));
    expect(malformed).toMatchObject({ status: 'error', message: expect.stringContaining('não') });
    const foreign = await removeContactAction(idle, form({ id: inB.id }));
    expect(foreign).toEqual({ ...malformed, values: { id: inB.id } });
    const [still] = await db.select().from(contacts).where(eq(contacts.id, inB.id));
    expect(still!.status).toBe('active');
    const permissions = await savePermissionsAction(idle, form({ id: 'nope', permissions: ['it_admin'] }));
    expect(permissions.status).toBe('error');
  });

  it('echoes what was typed with each error next to its field, and redirects with the flash on success', async () => {
    const made = await makeCompany();
    request.token = await sessionFor(made.adminAccountId);
    const typed = { ...newPerson('ecoada@forms.test'), document: '111.111.111-11' };
    const refused = await createContactAction(idle, form(typed));
    expect(refused.status).toBe('error');
    expect(refused.message).toBe('Corrija os campos indicados abaixo.');
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['document']);
    expect(refused.values).toMatchObject({ name: typed.name, document: '111.111.111-11', email: typed.email });

    // Without JavaScript, "Atualizar campos" only re-renders the form with what was typed.
    expect(await createContactAction(idle, form({ ...typed, intent: 'refresh' }))).toEqual({
      status: 'idle',
      values: expect.objectContaining({ name: typed.name }),
    });

    await expect(createContactAction(idle, form(newPerson('ecoada@forms.test')))).rejects.toMatchObject({ to: '/contacts?notice=saved' });
    expect(await db.select().from(contacts).where(eq(contacts.email, 'ecoada@forms.test'))).toHaveLength(1);
  });
});

describe('the lifecycle actions', () => {
  it('bulk: bad input answers in Portuguese, never a crash, and changes nothing', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    request.token = await sessionFor(made.adminAccountId);
    const answer = (fields: Record<string, string | string[]>) => bulkContactsAction(idle, form(fields));
    expect(await answer({ kind: 'drop table', ids: person.id })).toMatchObject({ status: 'error', message: expect.stringMatching(/\S/) });
    expect(await answer({ kind: 'deactivate', ids: 'nope' })).toMatchObject({ message: 'Registro não encontrado.' });
    expect(await answer({ kind: 'deactivate', ids: '' })).toMatchObject({ message: 'Selecione ao menos um usuário.' });
    const many = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
    expect(await answer({ kind: 'deactivate', ids: many })).toMatchObject({
      message: 'Selecione no máximo 1.000 usuários por vez: refine a pesquisa ou o filtro.',
    });
    const none = await answer({ kind: 'permissions', ids: person.id, perm_it_admin: 'keep' });
    expect(none).toMatchObject({ message: 'Escolha ao menos uma permissão para ativar ou desativar.', values: { perm_it_admin: 'keep' } });
    expect(await answer({ kind: 'group', ids: person.id, groupId: '' })).toMatchObject({ fieldErrors: { groupId: 'Escolha um grupo.' } });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, person.id));
    expect(row!.status).toBe('active');
  });

  it('bulk: runs and shows its summary at ?batch=; single actions answer with their reason', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    request.token = await sessionFor(made.adminAccountId);
    await expect(bulkContactsAction(idle, form({ kind: 'deactivate', ids: `${person.id},${made.admin.id}`, from: 'review' }))).rejects.toMatchObject({
      to: expect.stringMatching(/^\/contacts\/review\?batch=\d+$/),
    });
    expect(await deactivateContactAction(idle, form({ id: made.admin.id }))).toMatchObject({
      message: 'O administrador não pode ser desativado. Transfira a administração para outro usuário antes.',
    });
    expect(await restoreContactAction(idle, form({ id: person.id }))).toMatchObject({ message: 'Este usuário não existe mais ou não pode ser restaurado.' });
    expect(await undoImportAction(idle, form({ jobId: person.id }))).toMatchObject({ message: 'Importação não encontrada.' });
    expect(await undoImportAction(idle, form({ jobId: '../../etc' }))).toMatchObject({ message: 'Importação não encontrada.' });
  });

  it('refuses a contact who is not the administrator', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    request.token = await sessionFor(person.accountId);
    await expect(bulkContactsAction(idle, form({ kind: 'deactivate', ids: made.admin.id }))).rejects.toBeInstanceOf(Forbidden);
    await expect(deactivateContactAction(idle, form({ id: person.id }))).rejects.toBeInstanceOf(Forbidden);
  });
});

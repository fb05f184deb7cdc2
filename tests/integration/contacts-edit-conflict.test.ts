import { createTranslator } from 'use-intl/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deactivateContact } from '@/lib/contacts/lifecycle';
import { storedValues } from '@/lib/contacts/edit-conflict';
import { updateContact, updateOwnProfile } from '@/lib/contacts/mutations';
import { UpdateContactSchema } from '@/lib/contacts/schema';
import { catalogs, TIME_ZONE } from '@/lib/i18n/config';
import { resolveSession } from '@/lib/auth/context';
import { makeCompany, makeContact, sessionFor } from '../support/fixtures';
import { adminContext, auditOf, contactRow, uniqueEmail, updateInput } from './contacts-helpers';

// Issue 16, "Edit conflict": a save over a version someone else saved in between shows what
// they changed, never reverts it silently, and asks which value stays where both changed a
// field. The whole round trip of the form, through the real action and database: each answer's
// `values` is what the page renders into the form (hidden fields included), so the next submit
// sends them back, as a browser without JavaScript does.

class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}

const request = vi.hoisted(() => ({ token: null as string | null }));

vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  RedirectType: { push: 'push', replace: 'replace' },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ cookies: async () => ({ set: () => undefined, get: () => undefined }), headers: async () => new Headers() }));
vi.mock('@/lib/i18n/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'pt-BR', messages: catalogs['pt-BR'], namespace: namespace as never, timeZone: TIME_ZONE }),
}));
// "Seus dados" lives with the sign-in actions: Auth.js itself is not under test here.
vi.mock('next-auth', () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock('@/lib/auth/config', () => ({ signIn: async () => undefined, signOut: async () => undefined }));
vi.mock('@/lib/auth/session', async () => {
  const { db: database } = await import('@/db/client');
  const requireContact = async () => {
    const session = await resolveSession(database, request.token, undefined);
    if (session.status !== 'ok') throw new Redirected('/login');
    return session.context;
  };
  const requireAdmin = async () => {
    const ctx = await requireContact();
    if (!ctx.isAdmin) throw new Error('forbidden');
    return ctx;
  };
  return { requireContact, requireAdmin, currentSessionToken: async () => request.token, COMPANY_COOKIE: 'company' };
});
vi.mock('@/lib/mail/worker', () => ({ kickMailDelivery: () => undefined }));

const { updateContactAction } = await import('@/lib/contacts/actions');
const { updateOwnProfileAction } = await import('@/lib/auth/actions');

const pt = catalogs['pt-BR'] as unknown as { contactForm: Record<string, string>; profile: Record<string, string> };
const idle = { status: 'idle' as const };
type Fields = Record<string, string>;

function form(fields: Fields): FormData {
  const data = new FormData();
  // Unchecked radios are not sent: a choice left blank never reaches the server.
  for (const [k, v] of Object.entries(fields)) if (!(k.startsWith('keep_') && v === '')) data.append(k, v);
  return data;
}

type Stored = Parameters<typeof storedValues>[0] & { id: string; version: number };

/** "Editar perfil" as the page renders it for a stored contact: its values, and the same as the version's originals. */
function editForm(c: Stored): Fields {
  const values = storedValues(c);
  return {
    id: c.id,
    version: String(c.version),
    ...values,
    ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`orig_${k}`, v])),
    conflicts: '',
    informed: '',
  };
}

/** Submits the form: the answer's state, or where a success redirected. */
async function submit(fields: Fields): Promise<Awaited<ReturnType<typeof updateContactAction>> | { redirected: string }> {
  try {
    return await updateContactAction(idle, form(fields));
  } catch (err) {
    if (err instanceof Redirected) return { redirected: err.to };
    throw err;
  }
}

/** The form as the answer renders it again (everything it echoed), with what the person does next. */
function next(answer: Awaited<ReturnType<typeof submit>>, changes: Fields = {}): Fields {
  if ('redirected' in answer) throw new Error(`expected a refusal, got a redirect to ${answer.redirected}`);
  return { ...answer.values, ...changes };
}

async function setUp() {
  const made = await makeCompany();
  request.token = await sessionFor(made.adminAccountId);
  const person = await makeContact(made.company.id, { name: 'Original Conflito' });
  return { made, person, ctx: adminContext(made) };
}

const SAVED = { redirected: '/contacts?notice=saved' };

beforeEach(() => {
  request.token = null;
});

describe('"Editar perfil" over a version another administrator saved', () => {
  it('shows what they changed, takes their value where this save did not touch it, and asks where both did', async () => {
    const { made, person } = await setUp();
    const formA = editForm(person);
    const newEmail = uniqueEmail('bruno');
    // B, from the same version: a new name and e-mail.
    expect(await submit({ ...editForm(person), name: 'Nome do Bruno', email: newEmail })).toEqual(SAVED);
    const afterB = await contactRow(made.company.id, person.id);

    // A: a new name and phone.
    const refused = await submit({ ...formA, name: 'Nome da Ana', phone: '911112222' });
    expect(refused).toMatchObject({
      status: 'error',
      message: pt.contactForm.stale,
      values: {
        version: '2',
        conflicts: 'name',
        informed: 'email',
        // Only B changed the e-mail: the form holds B's now; the rest as A typed it.
        email: newEmail,
        name: 'Nome da Ana',
        phone: '911112222',
        orig_name: 'Nome do Bruno',
        orig_email: newEmail,
        was_email: person.email,
        keep_name: '',
      },
    });
    expect(await contactRow(made.company.id, person.id)).toEqual(afterB);

    // Saving again without choosing: refused at the field, nothing typed lost.
    const unanswered = await submit(next(refused));
    expect(unanswered).toMatchObject({
      status: 'error',
      message: pt.contactForm.chooseAll,
      fieldErrors: { keep_name: 'Escolha qual valor manter.' },
      values: { name: 'Nome da Ana', phone: '911112222', email: newEmail, conflicts: 'name', version: '2' },
    });
    expect(await contactRow(made.company.id, person.id)).toEqual(afterB);

    // "Manter o valor salvo por outro administrador": B's name and e-mail stay, A's phone is saved.
    expect(await submit(next(unanswered, { keep_name: 'theirs' }))).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome do Bruno', email: newEmail, phone: '911112222', version: 3 });
    const updates = await auditOf(made.company.id, 'contact.updated');
    expect(updates).toHaveLength(2);
    // The history says what each save changed, and only that.
    expect(updates.map((e) => [e.before, e.after])).toEqual([
      [
        { name: 'Original Conflito', email: person.email },
        { name: 'Nome do Bruno', email: newEmail },
      ],
      [{ phone: '987654321' }, { phone: '911112222' }],
    ]);
  });

  it('"Usar o meu valor" saves the typed value; a third save in between asks again, against the newest version', async () => {
    const { made, person, ctx } = await setUp();
    const formA = editForm(person);
    expect(await submit({ ...editForm(person), name: 'Segundo Nome' })).toEqual(SAVED);
    const refused = await submit({ ...formA, name: 'Nome da Ana' });
    expect(refused).toMatchObject({ values: { version: '2', conflicts: 'name', informed: '', orig_name: 'Segundo Nome' } });

    // Someone saves again before A answers.
    const v2 = await contactRow(made.company.id, person.id);
    expect(await updateContact(ctx, updateInput(v2, { name: 'Terceiro Nome' }))).toEqual({ ok: true });
    const again = await submit(next(refused, { keep_name: 'mine' }));
    expect(again).toMatchObject({
      message: pt.contactForm.stale,
      values: { version: '3', conflicts: 'name', orig_name: 'Terceiro Nome', name: 'Nome da Ana', keep_name: '' },
    });

    expect(await submit(next(again, { keep_name: 'mine' }))).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome da Ana', version: 4 });
    const last = (await auditOf(made.company.id, 'contact.updated')).at(-1)!;
    expect([last.before, last.after]).toEqual([{ name: 'Terceiro Nome' }, { name: 'Nome da Ana' }]);
  });

  it('"keep theirs" discards what is in the field, even a value that would be refused; a phone is its DDD and number', async () => {
    const { made, person } = await setUp();
    const formA = editForm(person);
    expect(await submit({ ...editForm(person), phone: '34567000' })).toEqual(SAVED);
    // A changed the DDD only: the phone as a whole was changed by both.
    const refused = await submit({ ...formA, areaCode: '21', consultancy: 'yes' });
    expect(refused).toMatchObject({ message: pt.contactForm.stale, values: { conflicts: 'phone', informed: '', areaCode: '21', phone: '987654321' } });

    expect(await submit(next(refused, { keep_phone: 'theirs', phone: 'não é telefone' }))).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ areaCode: '11', phone: '34567000', consultancy: true });
  });

  it('only fields the other save changed and this one did not: their values kept, said once, saved on the next click', async () => {
    const { made, person } = await setUp();
    const formA = editForm(person);
    expect(await submit({ ...editForm(person), phone: '923456789', consultancy: 'yes' })).toEqual(SAVED);
    const refused = await submit({ ...formA, name: 'Só o Nome' });
    expect(refused).toMatchObject({
      message: pt.contactForm.staleMerged,
      values: { conflicts: '', informed: 'phone,consultancy', phone: '923456789', consultancy: 'yes', was_phone: '987654321', was_consultancy: 'no' },
    });
    expect(await submit(next(refused))).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Só o Nome', phone: '923456789', consultancy: true, version: 3 });
  });

  it('saves at once when the newer version changed none of the fields (a deactivation), or the same way as this save', async () => {
    const { made, person, ctx } = await setUp();
    const formA = editForm(person);
    expect(await deactivateContact(ctx, person.id)).toEqual({ ok: true });
    expect(await submit({ ...formA, name: 'Nome Depois da Desativação' })).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome Depois da Desativação', status: 'deactivated', version: 3 });

    const v3 = await contactRow(made.company.id, person.id);
    const formB = editForm(v3);
    expect(await submit({ ...editForm(v3), phone: '955554444' })).toEqual(SAVED);
    expect(await submit({ ...formB, phone: '95555-4444', name: 'Outro Nome' })).toEqual(SAVED);
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Outro Nome', phone: '955554444', version: 5 });
  });

  it('without the original values, every field that differs from the stored one is for the person to choose', async () => {
    const { made, person, ctx } = await setUp();
    const bare = Object.fromEntries(Object.entries(editForm(person)).filter(([k]) => !k.startsWith('orig_')));
    expect(await submit({ ...editForm(person), email: uniqueEmail('outro') })).toEqual(SAVED);
    expect(await submit({ ...bare, name: 'Sem Originais' })).toMatchObject({ values: { conflicts: 'name,email', informed: '' } });
    // The mutation alike, for callers that do not carry them.
    const input = UpdateContactSchema.parse({ ...bare, name: 'Sem Originais' });
    expect(input.original).toBeNull();
    expect(await updateContact(ctx, input)).toMatchObject({ ok: false, error: 'stale', choose: ['name', 'email'], informed: [] });
    expect((await contactRow(made.company.id, person.id)).name).toBe('Original Conflito');
  });

  it('a contact of another company is not found, whatever the hidden fields say', async () => {
    const { person } = await setUp();
    const other = await makeCompany();
    request.token = await sessionFor(other.adminAccountId);
    expect(await submit({ ...editForm(person), name: 'Invasão', conflicts: 'name', keep_name: 'mine' })).toMatchObject({
      message: pt.contactForm.notFound,
    });
  });
});

describe('"Seus dados" over a version the administrator saved', () => {
  async function ownForm(made: Awaited<ReturnType<typeof makeCompany>>, personId: string): Promise<Fields> {
    const c = await contactRow(made.company.id, personId);
    return {
      name: c.name,
      areaCode: c.areaCode ?? '',
      phone: c.phone ?? '',
      locale: 'pt-BR',
      version: String(c.version),
      orig_name: c.name,
      orig_areaCode: c.areaCode ?? '',
      orig_phone: c.phone ?? '',
    };
  }

  async function save(fields: Fields) {
    try {
      return await updateOwnProfileAction(idle, form(fields));
    } catch (err) {
      if (err instanceof Redirected) return { redirected: err.to };
      throw err;
    }
  }

  it('says which fields the administrator changed, reloads their values and keeps what the person typed elsewhere', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id, { name: 'Pessoa Própria' });
    const mine = await ownForm(made, person.id);
    // The administrator changes the phone and the name.
    const v1 = await contactRow(made.company.id, person.id);
    expect(await updateContact(adminContext(made), updateInput(v1, { areaCode: '21', phone: '912345678', name: 'Nome pelo Admin' }))).toEqual({ ok: true });

    request.token = await sessionFor(person.accountId);
    const refused = await save({ ...mine, name: 'Nome Meu' });
    expect(refused).toMatchObject({
      status: 'error',
      message: pt.profile.stale,
      values: {
        version: '2',
        conflicts: 'name',
        informed: 'phone',
        name: 'Nome pelo Admin',
        areaCode: '21',
        phone: '912345678',
        mine_name: 'Nome Meu',
        mine_phone: '987654321',
        orig_name: 'Nome pelo Admin',
      },
    });
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome pelo Admin', version: 2 });

    // The person types the name again and saves: the administrator's phone stays.
    const again = { ...(refused as { values: Fields }).values, name: 'Nome Meu' };
    expect(await save(again)).toEqual({ redirected: '/profile?notice=saved' });
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome Meu', areaCode: '21', phone: '912345678', version: 3 });
  });

  it('saves at once when the administrator changed neither the name nor the phone', async () => {
    const made = await makeCompany();
    const person = await makeContact(made.company.id);
    const v1 = await contactRow(made.company.id, person.id);
    expect(await updateContact(adminContext(made), updateInput(v1, { consultancy: 'yes' }))).toEqual({ ok: true });
    const ctx = { companyId: made.company.id, contactId: person.id, email: person.email };
    const original = { name: v1.name, areaCode: '11', phone: '987654321' };
    expect(await updateOwnProfile(ctx, { name: 'Nome Novo Próprio', areaCode: '11', phone: '987654321', version: 1, original })).toEqual({ ok: true });
    expect(await contactRow(made.company.id, person.id)).toMatchObject({ name: 'Nome Novo Próprio', consultancy: true, version: 3 });
    // Without the originals, a difference from what is stored is the administrator's to show.
    expect(await updateOwnProfile(ctx, { name: 'Nome Novo Próprio', areaCode: '11', phone: '911110000', version: 2 })).toMatchObject({
      ok: false,
      error: 'stale',
      choose: ['phone'],
    });
  });
});

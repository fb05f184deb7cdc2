import { describe, expect, it } from 'vitest';
import {
  adminConflictValues,
  compareEdits,
  listedUnits,
  ownProfileConflictValues,
  readOriginal,
  showUnit,
  storedValues,
  unitKey,
  withChoices,
  type ContactValues,
} from '@/lib/contacts/edit-conflict';
import { OwnProfileSchema, UpdateContactSchema } from '@/lib/contacts/schema';

const start: ContactValues = {
  country: 'BR',
  name: 'Ana Souza',
  document: '529.982.247-25',
  areaCode: '11',
  phone: '987654321',
  email: 'ana@exemplo.test',
  consultancy: 'no',
};

const labels = { countryName: (code: string) => ({ BR: 'Brasil', PT: 'Portugal' })[code] ?? code, yes: 'Sim', no: 'Não', empty: '(em branco)' };

describe('unitKey', () => {
  it('compares what is stored, however it was typed', () => {
    expect(unitKey('document', { ...start, document: '52998224725' })).toBe(unitKey('document', start));
    expect(unitKey('phone', { ...start, areaCode: '011', phone: '98765-4321' })).toBe(unitKey('phone', start));
    expect(unitKey('name', { name: '  Ana   Souza ' })).toBe('Ana Souza');
    expect(unitKey('country', { country: ' br ' })).toBe('BR');
    expect(unitKey('consultancy', {})).toBe('no');
  });

  it('tells a different DDD, a foreign document and a changed e-mail case apart', () => {
    expect(unitKey('phone', { ...start, areaCode: '21' })).not.toBe(unitKey('phone', start));
    expect(unitKey('document', { country: 'PT', document: 'AB-123' })).toBe('AB-123');
    expect(unitKey('email', { email: 'Ana@exemplo.test' })).not.toBe(unitKey('email', start));
  });
});

describe('compareEdits', () => {
  it('lists for choosing the fields both changed differently, as informed those only the other changed', () => {
    const stored = { ...start, name: 'Ana Lima', email: 'ana.lima@exemplo.test', phone: '911112222' };
    const mine = { ...start, name: 'Ana S. Souza', phone: '911112222', consultancy: 'yes' };
    // name: both, differently → choose. email: only theirs → informed. phone: both, the same → nothing.
    // consultancy: only mine → saved, not listed.
    expect(compareEdits(start, stored, mine)).toEqual({ choose: ['name'], informed: ['email'] });
  });

  it('treats the DDD and the number as one phone', () => {
    expect(compareEdits(start, { ...start, phone: '34567000' }, { ...start, areaCode: '21' })).toEqual({ choose: ['phone'], informed: [] });
    expect(compareEdits(start, { ...start, areaCode: '21' }, start)).toEqual({ choose: [], informed: ['phone'] });
  });

  it('lists nothing when the other version changed no field', () => {
    expect(compareEdits(start, start, { ...start, name: 'Outro Nome' })).toEqual({ choose: [], informed: [] });
  });

  it('without the start values, asks about every field that differs from what is stored', () => {
    expect(compareEdits(null, { ...start, email: 'outro@exemplo.test' }, { ...start, name: 'Outro Nome' })).toEqual({
      choose: ['name', 'email'],
      informed: [],
    });
  });

  it('compares only the units asked for ("Seus dados": name and phone)', () => {
    expect(compareEdits(start, { ...start, email: 'x@exemplo.test', name: 'Outro' }, start, ['name', 'phone'])).toEqual({ choose: [], informed: ['name'] });
  });
});

describe('the hidden fields', () => {
  it('listedUnits keeps known units in order, once', () => {
    expect(listedUnits('email,name,bogus,name')).toEqual(['name', 'email']);
    expect(listedUnits(undefined)).toEqual([]);
    expect(listedUnits('email,name', ['name', 'phone'])).toEqual(['name']);
  });

  it('readOriginal needs every orig_* field', () => {
    expect(readOriginal({ orig_name: 'A', orig_phone: '' }, ['name', 'phone'])).toEqual({ name: 'A', phone: '' });
    expect(readOriginal({ orig_name: 'A' }, ['name', 'phone'])).toBeNull();
  });

  it('withChoices puts the stored value in a field answered "keep theirs", only for listed conflicts', () => {
    const raw = {
      name: 'Mine',
      areaCode: '21',
      phone: 'x',
      orig_name: 'Theirs',
      orig_areaCode: '11',
      orig_phone: '34567000',
      conflicts: 'phone',
      keep_phone: 'theirs',
      keep_name: 'theirs',
    };
    expect(withChoices(raw)).toMatchObject({ name: 'Mine', areaCode: '11', phone: '34567000' });
    expect(withChoices({ ...raw, keep_phone: 'mine' })).toMatchObject({ areaCode: '21', phone: 'x' });
    expect(withChoices('not an object')).toBe('not an object');
  });

  it('after a refusal: the current version, its values, the informed fields filled, no choice made', () => {
    const stored = { ...start, name: 'Ana Lima', email: 'ana.lima@exemplo.test' };
    const values = adminConflictValues({ currentVersion: 7, stored, choose: ['name'], informed: ['email'] }, start);
    expect(values).toMatchObject({
      version: '7',
      conflicts: 'name',
      informed: 'email',
      email: 'ana.lima@exemplo.test',
      orig_name: 'Ana Lima',
      orig_email: 'ana.lima@exemplo.test',
      was_email: 'ana@exemplo.test',
      keep_name: '',
      keep_phone: '',
    });
    // What was typed in a field both changed is not replaced.
    expect(values).not.toHaveProperty('name');
  });

  it('"Seus dados" after a refusal: every field the administrator changed reloaded, what was typed kept aside', () => {
    const values = ownProfileConflictValues(
      { currentVersion: 3, stored: { name: 'Pelo Admin', areaCode: '21', phone: '912345678' }, choose: ['name'], informed: ['phone'] },
      { name: 'Meu Nome', areaCode: '11', phone: '987654321' },
    );
    expect(values).toEqual({
      version: '3',
      conflicts: 'name',
      informed: 'phone',
      name: 'Pelo Admin',
      areaCode: '21',
      phone: '912345678',
      orig_name: 'Pelo Admin',
      orig_areaCode: '21',
      orig_phone: '912345678',
      mine_name: 'Meu Nome',
      mine_areaCode: '11',
      mine_phone: '987654321',
    });
  });
});

describe('showUnit', () => {
  it('shows values as the pages do', () => {
    expect(showUnit('document', { ...start, document: '52998224725' }, labels)).toBe('529.982.247-25');
    expect(showUnit('country', start, labels)).toBe('Brasil');
    expect(showUnit('phone', { ...start, phone: '98765-4321' }, labels)).toBe('(11) 98765-4321');
    expect(showUnit('consultancy', { consultancy: 'yes' }, labels)).toBe('Sim');
    expect(showUnit('consultancy', start, labels)).toBe('Não');
    expect(showUnit('phone', { country: 'PT', areaCode: '', phone: '912345678' }, labels)).toBe('912345678');
    expect(showUnit('document', { country: 'PT', document: 'P123' }, labels)).toBe('P123');
    expect(showUnit('phone', { ...start, phone: '' }, labels)).toBe('(em branco)');
  });

  it('storedValues is the form as "Editar perfil" loads it', () => {
    expect(
      storedValues({ country: 'BR', name: 'Ana', document: '52998224725', areaCode: null, phone: '987654321', email: 'a@b.test', consultancy: true }),
    ).toEqual({ country: 'BR', name: 'Ana', document: '529.982.247-25', areaCode: '', phone: '987654321', email: 'a@b.test', consultancy: 'yes' });
  });
});

describe('UpdateContactSchema after a refusal', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  const base = {
    id,
    version: '2',
    ...start,
    ...Object.fromEntries(Object.entries(start).map(([k, v]) => [`orig_${k}`, v])),
  };

  it('refuses a listed field without a choice, at that field, with a catalog key', () => {
    const result = UpdateContactSchema.safeParse({ ...base, name: 'Minha Versão', conflicts: 'name,phone', keep_phone: 'mine' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['keep_name', 'contactForm.chooseValue']]);
    // An unknown answer is no answer.
    expect(UpdateContactSchema.safeParse({ ...base, conflicts: 'name', keep_name: 'both' }).success).toBe(false);
  });

  it('"keep theirs" saves the version\'s value; "mine" what is typed; the originals come out as `original`', () => {
    const theirs = UpdateContactSchema.parse({ ...base, orig_name: 'Ana Lima', name: 'Minha Versão', conflicts: 'name', keep_name: 'theirs' });
    expect(theirs.name).toBe('Ana Lima');
    expect(theirs.original).toMatchObject({ name: 'Ana Lima', email: 'ana@exemplo.test' });
    const mine = UpdateContactSchema.parse({ ...base, orig_name: 'Ana Lima', name: 'Minha Versão', conflicts: 'name', keep_name: 'mine' });
    expect(mine.name).toBe('Minha Versão');
    expect(mine).not.toHaveProperty('keep_name');
  });

  it('"Seus dados" reads its originals, or null without them', () => {
    const fields = { name: 'Ana', areaCode: '11', phone: '987654321', version: '1' };
    expect(OwnProfileSchema.parse({ ...fields, orig_name: 'Ana', orig_areaCode: '11', orig_phone: '987654321' }).original).toEqual({
      name: 'Ana',
      areaCode: '11',
      phone: '987654321',
    });
    expect(OwnProfileSchema.parse(fields).original).toBeNull();
  });
});

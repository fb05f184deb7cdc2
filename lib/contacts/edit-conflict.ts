import { onlyDigits } from '@/lib/br/cpf';
import { formatDocument, formatPhone } from './format';

// Two people saving one contact from the same version (PRODUCT.md §2.2, issue 16): the later
// save is compared, field by field, with the version it started from and with what is stored
// now, so that nothing the other person changed is ever silently reverted. The values the form
// was loaded with travel in hidden fields (orig_*): the version number alone cannot say which
// fields moved, and the history does not record versions (a deactivation or a transfer of the
// administration moves the version too, changing no field). Pure: the server action, the
// mutation and the form all use it.

/** The fields of the contact form, as the form holds them (strings; CPF masked, consultancy yes/no). */
export const CONTACT_VALUE_FIELDS = ['country', 'name', 'document', 'areaCode', 'phone', 'email', 'consultancy'] as const;
export type ContactValueField = (typeof CONTACT_VALUE_FIELDS)[number];
export type ContactValues = Record<ContactValueField, string>;

/** What a person compares and chooses: a phone is its DDD and number together (one alone means nothing). */
export const EDIT_UNITS = ['country', 'name', 'document', 'phone', 'email', 'consultancy'] as const;
export type EditUnit = (typeof EDIT_UNITS)[number];
export const UNIT_FIELDS: Record<EditUnit, readonly ContactValueField[]> = {
  country: ['country'],
  name: ['name'],
  document: ['document'],
  phone: ['areaCode', 'phone'],
  email: ['email'],
  consultancy: ['consultancy'],
};

/** "Seus dados": what a person edits of themselves. */
export const OWN_PROFILE_UNITS = ['name', 'phone'] as const satisfies readonly EditUnit[];
export const OWN_PROFILE_VALUE_FIELDS = ['name', 'areaCode', 'phone'] as const satisfies readonly ContactValueField[];

export type Choice = 'theirs' | 'mine';

export const originalField = <F extends string>(f: F) => `orig_${f}` as const;
export const wasField = <F extends string>(f: F) => `was_${f}` as const;
export const mineField = <F extends string>(f: F) => `mine_${f}` as const;
export const choiceField = <U extends EditUnit>(u: U) => `keep_${u}` as const;

export const ORIGINAL_FIELDS = CONTACT_VALUE_FIELDS.map(originalField);
export const CHOICE_FIELDS = EDIT_UNITS.map(choiceField);

/**
 * The hidden fields of "Editar perfil" besides id and version: the values of that version
 * (orig_*), the fields both saves changed (`conflicts`, each answered by a keep_* choice),
 * those only the other person changed (`informed`, now holding their value) and what this
 * person had in those before (was_*, shown in the table).
 */
export const EDIT_CONFLICT_FIELDS = ['conflicts', 'informed', ...ORIGINAL_FIELDS, ...CONTACT_VALUE_FIELDS.map(wasField), ...CHOICE_FIELDS] as const;

/** The hidden fields of "Seus dados": the same, with what the person had typed (mine_*) since the fields are reloaded. */
export const OWN_PROFILE_CONFLICT_FIELDS = [
  'conflicts',
  'informed',
  ...OWN_PROFILE_VALUE_FIELDS.map(originalField),
  ...OWN_PROFILE_VALUE_FIELDS.map(mineField),
] as const;

/** A comma-separated list of units from a form, unknown names dropped. */
export function listedUnits(value: unknown, allowed: readonly EditUnit[] = EDIT_UNITS): EditUnit[] {
  if (typeof value !== 'string') return [];
  const named = new Set(value.split(','));
  return allowed.filter((u) => named.has(u));
}

/** A unit as compared: what is stored for it, however it was typed ("123.456.789-09" = "12345678909"). */
export function unitKey(unit: EditUnit, v: Partial<ContactValues>): string {
  const text = (f: ContactValueField) => (v[f] ?? '').trim();
  switch (unit) {
    case 'country':
      return text('country').toUpperCase();
    case 'name':
      return text('name').replace(/\s+/g, ' ');
    case 'document':
      return (text('country').toUpperCase() || 'BR') === 'BR' ? onlyDigits(text('document')) : text('document');
    case 'phone':
      return `${onlyDigits(text('areaCode')).replace(/^0(\d{2})$/, '$1')} ${onlyDigits(text('phone'))}`;
    case 'email':
      return text('email');
    case 'consultancy':
      return text('consultancy') === 'yes' ? 'yes' : 'no';
  }
}

export type EditComparison = {
  /** Both saves changed it, to different values: the person chooses which stays. */
  choose: EditUnit[];
  /** Only the other save changed it: their value stays. */
  informed: EditUnit[];
};

/**
 * The three-way comparison of a save that started from `start` while `stored` was saved in
 * between. A unit only this save changed is not listed (it is saved); one both changed to the
 * same value is not listed either. Without the start values every unit that differs from what
 * is stored is for the person to choose: nothing is assumed.
 */
export function compareEdits(
  start: Partial<ContactValues> | null,
  stored: Partial<ContactValues>,
  mine: Partial<ContactValues>,
  units: readonly EditUnit[] = EDIT_UNITS,
): EditComparison {
  const out: EditComparison = { choose: [], informed: [] };
  for (const u of units) {
    const theirs = unitKey(u, stored);
    const yours = unitKey(u, mine);
    if (theirs === yours) continue;
    if (!start) {
      out.choose.push(u);
      continue;
    }
    const was = unitKey(u, start);
    if (was === theirs) continue;
    out[was === yours ? 'informed' : 'choose'].push(u);
  }
  return out;
}

/** A stored contact as "Editar perfil" loads it. */
export function storedValues(c: {
  country: string;
  name: string;
  document: string | null;
  areaCode: string | null;
  phone: string | null;
  email: string;
  consultancy: boolean;
}): ContactValues {
  return {
    country: c.country,
    name: c.name,
    document: formatDocument(c.country, c.document) ?? '',
    areaCode: c.areaCode ?? '',
    phone: c.phone ?? '',
    email: c.email,
    consultancy: c.consultancy ? 'yes' : 'no',
  };
}

/** The start values from the hidden orig_* fields; null when the form did not send them all. */
export function readOriginal<F extends ContactValueField>(raw: Record<string, unknown>, fields: readonly F[]): Record<F, string> | null {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    const v = raw[originalField(f)];
    if (typeof v !== 'string') return null;
    out[f] = v;
  }
  return out;
}

/**
 * Before the form is validated: a unit answered "keep theirs" takes the value of the version
 * the form names (orig_*), whatever is typed in the field, so a discarded value cannot fail
 * validation. Only units listed in `conflicts` are answered.
 */
export function withChoices(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...input };
  for (const u of listedUnits(input.conflicts)) {
    if (input[choiceField(u)] !== 'theirs') continue;
    for (const f of UNIT_FIELDS[u]) {
      const original = input[originalField(f)];
      if (typeof original === 'string') out[f] = original;
    }
  }
  return out;
}

/**
 * What a refused "Editar perfil" shows next: the form now names the current version (its
 * values in orig_*); a unit only the other person changed holds their value; the units both
 * changed keep what was typed and wait for a choice (none preselected).
 */
export function adminConflictValues(
  conflict: { currentVersion: number; stored: ContactValues } & EditComparison,
  start: Partial<ContactValues> | null,
): Record<string, string> {
  const out: Record<string, string> = {
    version: String(conflict.currentVersion),
    conflicts: conflict.choose.join(','),
    informed: conflict.informed.join(','),
  };
  for (const f of CONTACT_VALUE_FIELDS) {
    out[originalField(f)] = conflict.stored[f];
    out[wasField(f)] = start?.[f] ?? '';
  }
  for (const u of conflict.informed) for (const f of UNIT_FIELDS[u]) out[f] = conflict.stored[f];
  for (const c of CHOICE_FIELDS) out[c] = '';
  return out;
}

/**
 * What a refused "Seus dados" shows next: every unit the administrator changed is reloaded
 * with their value (the person types again what they want to change), and what the person
 * had typed is kept aside (mine_*) for the table.
 */
export function ownProfileConflictValues(
  conflict: { currentVersion: number; stored: Pick<ContactValues, 'name' | 'areaCode' | 'phone'> } & EditComparison,
  typed: Pick<ContactValues, 'name' | 'areaCode' | 'phone'>,
): Record<string, string> {
  const out: Record<string, string> = {
    version: String(conflict.currentVersion),
    conflicts: conflict.choose.join(','),
    informed: conflict.informed.join(','),
  };
  for (const f of OWN_PROFILE_VALUE_FIELDS) {
    out[originalField(f)] = conflict.stored[f];
    out[mineField(f)] = typed[f];
  }
  for (const u of [...conflict.choose, ...conflict.informed]) for (const f of UNIT_FIELDS[u]) out[f] = conflict.stored[f as 'name' | 'areaCode' | 'phone'];
  return out;
}

/** The values of one set (stored, typed, before) under a prefix: orig_name → name. */
export function valuesUnder(values: Record<string, string | undefined>, prefix: '' | 'orig_' | 'was_' | 'mine_', fallback: Partial<ContactValues> = {}) {
  const out: Partial<ContactValues> = {};
  for (const f of CONTACT_VALUE_FIELDS) out[f] = values[`${prefix}${f}`] ?? fallback[f];
  return out;
}

export type ShowLabels = { countryName: (code: string) => string; yes: string; no: string; empty: string };

/** A unit as the pages show it: the CPF masked, the country by its name, the phone with its DDD, "Sim"/"Não". */
export function showUnit(unit: EditUnit, v: Partial<ContactValues>, labels: ShowLabels): string {
  const text = (f: ContactValueField) => (v[f] ?? '').trim();
  const country = text('country').toUpperCase() || 'BR';
  let shown: string | null;
  switch (unit) {
    case 'country':
      shown = text('country') ? labels.countryName(country) : null;
      break;
    case 'name':
      shown = text('name').replace(/\s+/g, ' ');
      break;
    case 'document':
      shown = formatDocument(country, country === 'BR' ? onlyDigits(text('document')) : text('document'));
      break;
    case 'phone':
      shown = formatPhone(country, onlyDigits(text('areaCode')).replace(/^0(\d{2})$/, '$1') || null, onlyDigits(text('phone')) || null);
      break;
    case 'email':
      shown = text('email');
      break;
    case 'consultancy':
      shown = text('consultancy') === 'yes' ? labels.yes : labels.no;
      break;
  }
  return shown || labels.empty;
}

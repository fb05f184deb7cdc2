import { formVersion, z } from '@/lib/forms/zod';
import { oneOf, pageNumber, plainText, searchTerm } from '@/lib/forms/query';
import { PERMISSION_KEYS, type PermissionKey } from '@/db/schema/permission-keys';
import { isValidCpf, onlyDigits } from '@/lib/br/cpf';
import { isCountryCode } from '@/lib/br/countries';
import { phoneProblems } from '@/lib/br/phone';
import { CHOICE_FIELDS, CONTACT_VALUE_FIELDS, OWN_PROFILE_VALUE_FIELDS, choiceField, listedUnits, readOriginal, withChoices } from './edit-conflict';

// Messages are catalog keys under "validation"; the form and the action translate them.
// Shared by the server action (the authority) and react-hook-form (instant feedback).

export const NAME_MAX = 150;
export const DOCUMENT_MAX = 40;

const email = z.string().trim().min(1, 'emailRequired').max(254, 'emailInvalid').pipe(z.email('emailInvalid'));

/**
 * A name as typed anywhere (forms, import, sign-up, "Meu perfil"): invisible characters
 * (zero-width spaces and joiners, the byte-order mark, soft hyphens), control characters and
 * the marks that reverse or isolate the text's direction (which can disguise a name in a
 * list, an e-mail or the CSV export) removed, every kind of
 * space (non-breaking, thin…) made a plain space, runs of spaces collapsed, the ends trimmed;
 * so that a search typed normally finds the person.
 */
export function cleanName(value: string): string {
  return value
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/** The fields of "Adicionar usuário", also asked on "Quero me cadastrar" (lib/requests/schema.ts). */
export const contactFields = {
  country: z.string().trim().toUpperCase().min(1, 'countryRequired').refine(isCountryCode, 'countryInvalid'),
  name: z.string().transform(cleanName).pipe(z.string().min(1, 'nameRequired').max(NAME_MAX, 'nameTooLong')),
  document: z.string().trim().max(DOCUMENT_MAX, 'documentTooLong'),
  areaCode: z.string().trim().max(6, 'areaCodeInvalid'),
  phone: z.string().trim().max(20, 'phoneInvalid'),
  email,
  // Optional (PRODUCT.md §2.1): "Não" when not answered.
  consultancy: z.enum(['yes', 'no'], 'consultancyRequired').default('no'),
};

type ContactShape = { country: string; document: string; areaCode: string; phone: string };

/** The rules that depend on the country: CPF and Brazilian phones, or any document and a valid foreign number. */
export function countryRules(v: ContactShape, ctx: z.RefinementCtx) {
  if (v.country === 'BR') {
    if (!v.document) ctx.addIssue({ code: 'custom', path: ['document'], message: 'cpfRequired' });
    else if (!isValidCpf(v.document)) {
      ctx.addIssue({
        code: 'custom',
        path: ['document'],
        message: onlyDigits(v.document).length === 11 && /^[\d.\-\s]+$/.test(v.document) ? 'cpfInvalid' : 'cpfFormat',
      });
    }
  } else if (v.country) {
    if (!v.document) ctx.addIssue({ code: 'custom', path: ['document'], message: 'documentRequired' });
  }
  // A wrong DDD and a wrong number are both reported in the same submit.
  if (v.country) {
    for (const problem of phoneProblems(v.country, v.areaCode, v.phone)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: `phone_${problem.problem}` });
    }
  }
}

export const emailConfirmation = z.string().trim().min(1, 'emailConfirmationRequired');

/** The country's rules, and the e-mail typed twice the same (in any case). */
export function newContactRules(v: ContactShape & { email: string; emailConfirmation: string }, ctx: z.RefinementCtx) {
  countryRules(v, ctx);
  if (v.emailConfirmation && v.email.toLowerCase() !== v.emailConfirmation.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path: ['emailConfirmation'], message: 'emailConfirmationMismatch' });
  }
}

export const CreateContactSchema = z.object({ ...contactFields, emailConfirmation }).superRefine(newContactRules);

/**
 * "Editar perfil" after a refusal over a newer version (lib/contacts/edit-conflict.ts): the
 * values the form was loaded with (orig_*), the fields both saves changed (`conflicts`) and,
 * for each, which value stays (keep_*: "theirs" takes the stored one, whatever is typed).
 * Every listed field must be answered; an unknown answer counts as none.
 */
const editConflictFields = {
  ...(Object.fromEntries(CONTACT_VALUE_FIELDS.map((f) => [`orig_${f}`, z.string().optional()])) as Record<
    `orig_${(typeof CONTACT_VALUE_FIELDS)[number]}`,
    z.ZodOptional<z.ZodString>
  >),
  conflicts: z.string().default(''),
  ...(Object.fromEntries(CHOICE_FIELDS.map((f) => [f, z.enum(['theirs', 'mine']).optional().catch(undefined)])) as Record<
    (typeof CHOICE_FIELDS)[number],
    z.ZodCatch<z.ZodOptional<z.ZodEnum<{ theirs: 'theirs'; mine: 'mine' }>>>
  >),
};

export const UpdateContactSchema = z.preprocess(
  withChoices,
  z
    .object({ ...contactFields, id: z.uuid('notFound'), version: formVersion, ...editConflictFields })
    .superRefine((v, ctx) => {
      countryRules(v, ctx);
      for (const unit of listedUnits(v.conflicts)) {
        if (!v[choiceField(unit)]) ctx.addIssue({ code: 'custom', path: [choiceField(unit)], message: 'contactForm.chooseValue' });
      }
    })
    .transform((v) => ({
      id: v.id,
      version: v.version,
      country: v.country,
      name: v.name,
      document: v.document,
      areaCode: v.areaCode,
      phone: v.phone,
      email: v.email,
      consultancy: v.consultancy,
      /** The values of `version` as the form was loaded with them; null when the form did not carry them. */
      original: readOriginal(v, CONTACT_VALUE_FIELDS),
    })),
);

export type CreateContactInput = z.output<typeof CreateContactSchema>;
export type UpdateContactInput = z.output<typeof UpdateContactSchema>;

export const CONTACT_FORM_FIELDS = ['country', 'name', 'document', 'areaCode', 'phone', 'email', 'emailConfirmation', 'consultancy'] as const;

/** What is stored: CPF as digits, phones as digits, e-mail trimmed. */
export function normaliseContact<T extends ContactShape & { consultancy: 'yes' | 'no' }>(v: T) {
  const br = v.country === 'BR';
  return {
    country: v.country,
    document: br ? onlyDigits(v.document) : v.document,
    areaCode: onlyDigits(v.areaCode).replace(/^0(\d{2})$/, '$1'),
    phone: onlyDigits(v.phone),
    consultancy: v.consultancy === 'yes',
  };
}

export const PermissionsSchema = z.object({
  id: z.uuid('notFound'),
  permissions: z.array(z.enum(PERMISSION_KEYS)).max(PERMISSION_KEYS.length),
});

export const TransferTicketsSchema = z.object({
  id: z.uuid('notFound'),
  targetId: z.uuid('targetRequired'),
});

/** Confirmations whose only input is the contact's id (remove, transfer the administration, end sessions). */
export const ContactIdSchema = z.object({ id: z.uuid('notFound') });
export const ImportIdSchema = z.object({ jobId: z.uuid('notFound') });

export const CONTACT_SORTS = ['name', 'email', 'document'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const CONTACT_VIEWS = ['active', 'deactivated', 'removed'] as const;
export type ContactView = (typeof CONTACT_VIEWS)[number];

export const CONTACT_ROLES = ['admin', 'user'] as const;
export const CONSULTANCY_CHOICES = ['yes', 'no'] as const;
export const INVITATION_STATES = ['pending', 'accepted'] as const;
/** "Último acesso": in the last 30 days, more than 90 days ago, never. */
export const ACCESS_FILTERS = ['30', '90', 'never'] as const;
export const LIST_PAGE_SIZES = ['25', '50', '100'] as const;

/**
 * The list's filters, from the address: role, consultancy, invitation (pending: never set a
 * password), and permissions the contact must all hold. '' (or none) means any.
 */
export type ContactFilters = {
  role: '' | (typeof CONTACT_ROLES)[number];
  consultancy: '' | (typeof CONSULTANCY_CHOICES)[number];
  invitation: '' | (typeof INVITATION_STATES)[number];
  access: '' | (typeof ACCESS_FILTERS)[number];
  perms: PermissionKey[];
};
export const NO_FILTERS: ContactFilters = { role: '', consultancy: '', invitation: '', access: '', perms: [] };

/** Permissions named in the address: repeated (`perm=a&perm=b`, as a form sends them) or comma-separated (as links carry them). */
const permList = z
  .unknown()
  .transform((v) => {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(','));
    return PERMISSION_KEYS.filter((k) => values.includes(k));
  })
  .catch([]);

export const contactFilterFields = {
  role: oneOf(['', ...CONTACT_ROLES], ''),
  consultancy: oneOf(['', ...CONSULTANCY_CHOICES], ''),
  invitation: oneOf(['', ...INVITATION_STATES], ''),
  access: oneOf(['', ...ACCESS_FILTERS], ''),
  perm: permList,
};

/** The filters as a parsed query holds them. */
export function filtersOf(p: Omit<ContactFilters, 'perms'> & { perm: PermissionKey[] }): ContactFilters {
  return { role: p.role, consultancy: p.consultancy, invitation: p.invitation, access: p.access, perms: p.perm };
}

/** The filters as address parameters (only those set; permissions comma-separated). */
export function filterParams(f: ContactFilters): Record<string, string> {
  return {
    ...(f.role ? { role: f.role } : {}),
    ...(f.consultancy ? { consultancy: f.consultancy } : {}),
    ...(f.invitation ? { invitation: f.invitation } : {}),
    ...(f.access ? { access: f.access } : {}),
    ...(f.perms.length ? { perm: f.perms.join(',') } : {}),
  };
}

export function hasFilters(f: ContactFilters): boolean {
  return Boolean(f.role || f.consultancy || f.invitation || f.access || f.perms.length);
}

/** "Usuários do Sistema": search, filters, sort, page, page size and which contacts (Ativos, Desativados, Removidos), from the address. */
export const ContactListQuery = z.object({
  q: searchTerm,
  sort: oneOf(CONTACT_SORTS, 'name'),
  dir: oneOf(['asc', 'desc'], 'asc'),
  page: pageNumber,
  size: oneOf(LIST_PAGE_SIZES, '25'),
  status: oneOf(CONTACT_VIEWS, 'active'),
  ...contactFilterFields,
});

export const REVIEW_DAYS = ['30', '60', '90', '180'] as const;
export const REVIEW_KINDS = ['all', 'never', 'inactive'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** "Revisão de acessos": N days (90 by default), whom to show, page. */
export const ReviewQuery = z.object({
  days: oneOf(REVIEW_DAYS, '90'),
  show: oneOf(REVIEW_KINDS, 'all'),
  page: pageNumber,
});

/** The pickers' type-ahead (/contacts/picker): the search, a contact to leave out, a group whose members to leave out. */
export const PickerQuery = z.object({ q: searchTerm, except: plainText(40), group: plainText(40) });

/** A search among the company's contacts (the transfer of tickets' picker). */
export const ContactSearchQuery = z.object({ q: searchTerm });

/** A permission's choice on "Alterar permissões" over many contacts: leave it, turn it on, turn it off. */
export const PERMISSION_CHOICE_FIELDS = PERMISSION_KEYS.map((k) => `perm_${k}` as const);

/** An action over many contacts (lib/contacts/lifecycle.ts): which, on whom, with what. */
export const BulkActionSchema = z
  .object({
    kind: z.enum(['permissions', 'group', 'invite', 'deactivate', 'remove']),
    // The confirmation page sends the resolved selection as one comma-separated field.
    ids: z
      .string()
      .transform((s) => [...new Set(s.split(',').filter(Boolean))])
      .pipe(z.array(z.uuid('notFound')).min(1, 'bulkNoneSelected').max(1000, 'bulkTooMany')),
    groupId: z.string().trim().default(''),
    from: z.enum(['list', 'review']).catch('list'),
    ...(Object.fromEntries(PERMISSION_CHOICE_FIELDS.map((f) => [f, z.enum(['keep', 'on', 'off']).catch('keep')])) as Record<
      (typeof PERMISSION_CHOICE_FIELDS)[number],
      z.ZodCatch<z.ZodEnum<{ keep: 'keep'; on: 'on'; off: 'off' }>>
    >),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'permissions' && PERMISSION_KEYS.every((k) => v[`perm_${k}`] === 'keep'))
      ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'bulkNoPermission' });
    if (v.kind === 'group' && !z.uuid().safeParse(v.groupId).success) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'groupRequired' });
  })
  .transform((v) => ({
    ...v,
    on: PERMISSION_KEYS.filter((k) => v[`perm_${k}`] === 'on'),
    off: PERMISSION_KEYS.filter((k) => v[`perm_${k}`] === 'off'),
  }));

/** The bulk confirmation page's address: the action, and the selection as the list or the review sent it. */
export const BulkPageQuery = z.object({
  kind: oneOf(['', 'permissions', 'group', 'invite', 'deactivate', 'remove'], ''),
  from: oneOf(['list', 'review'], 'list'),
  by: oneOf(['', 'all'], ''),
  scope: oneOf(['', 'page'], ''),
  pageIds: plainText(40 * 100 + 100),
  q: searchTerm,
  status: oneOf(CONTACT_VIEWS, 'active'),
  ...contactFilterFields,
  days: oneOf(REVIEW_DAYS, '90'),
  show: oneOf(REVIEW_KINDS, 'all'),
});

/** "Meu perfil" → "Seus dados": what a person edits of themselves (e-mail and CPF stay with the administrator). */
export const OwnProfileSchema = z
  .object({
    name: contactFields.name,
    areaCode: contactFields.areaCode,
    phone: contactFields.phone,
    locale: z.enum(['pt-BR', 'en'], 'localeInvalid').default('pt-BR'),
    version: formVersion,
    // The values the form was loaded with: after a refusal, which fields the administrator changed.
    orig_name: z.string().optional(),
    orig_areaCode: z.string().optional(),
    orig_phone: z.string().optional(),
  })
  .transform(({ orig_name, orig_areaCode, orig_phone, ...v }) => ({
    ...v,
    original: readOriginal({ orig_name, orig_areaCode, orig_phone }, OWN_PROFILE_VALUE_FIELDS),
  }));
export type OwnProfileInput = z.output<typeof OwnProfileSchema>;
export const OWN_PROFILE_FIELDS = ['name', 'areaCode', 'phone', 'locale', 'version'] as const;

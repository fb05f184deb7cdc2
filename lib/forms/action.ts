import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import type { z } from 'zod';
import type { ContactContext } from '@/lib/auth/context';
import { requireAdmin, requireContact } from '@/lib/auth/session';
import { kickMailDelivery } from '@/lib/mail/worker';
import { fieldErrorKeys, formValues, withoutNul, type ActionState } from './action-state';
import { withFlash, type FlashKey } from './flash';
import { translateFieldErrors } from './translate';

// The one shape of every server action (docs/decisions/009): who may act is decided by
// construction (the helper's first line is requireAdmin() or requireContact()), every input,
// ids included, goes through the form's zod schema, a refusal answers with the typed values
// echoed and catalog messages, and a success revalidates and redirects with a flash
// (post/redirect/get, so it works without JavaScript).

/** How a refused request answers: a message (a catalog key, "namespace.key"), field errors (keys under "validation"), and values to echo instead of the typed ones. */
export type Refusal = { message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** Where a success goes. */
export type Done = {
  to: string;
  flash?: FlashKey;
  /** Replace the history entry (a confirmation must not be reached again with Back). */
  replace?: boolean;
  /** Paths whose pages changed; `layout` also refreshes the navigation (a role changed). */
  revalidate?: string | string[];
  layout?: boolean;
  /** The change queued e-mail: deliver now rather than at the next tick. */
  mail?: boolean;
};

type Outcome = { ok: true } | { ok: false };
type Ok<T> = Extract<T, { ok: true }>;
type Failure<T> = Extract<T, { ok: false }>;

/** How the form's fields are read: plain fields (echoed back), secrets (read, never echoed: passwords), repeated ones (arrays), checkboxes. */
export type FormShape = { fields?: readonly string[]; secrets?: readonly string[]; arrays?: readonly string[]; checkboxes?: readonly string[] };

export type ActionDefinition<S extends z.ZodType, T extends Outcome> = {
  schema: S;
  form?: FormShape;
  /** Without JavaScript, "Atualizar campos" (intent=refresh) re-renders the form with what was typed. */
  refresh?: boolean;
  /**
   * How a schema failure answers. Default: "Corrija os campos indicados" and each field's
   * error. A Refusal instead suits forms whose only inputs are hidden ids.
   */
  invalid?: Refusal | ((fieldErrors: Record<string, string>) => Refusal);
  /** Parameters of the validation messages ({min}, {max}). */
  params?: Record<string, string | number>;
  run: (ctx: ContactContext, input: z.output<S>) => Promise<T>;
  refused?: (result: Failure<T>, input: z.output<S>) => Refusal;
  done: (result: Ok<T>, input: z.output<S>) => Done;
};

/** Reads the form as the schema expects it; `values` is what gets echoed on a refusal. */
export function readForm(formData: FormData, shape: FormShape = {}): { input: Record<string, unknown>; values: Record<string, string> } {
  const values = formValues(formData, shape.fields ?? []);
  for (const box of shape.checkboxes ?? []) values[box] = formData.has(box) ? 'on' : '';
  const input: Record<string, unknown> = { ...values };
  for (const key of shape.secrets ?? []) input[key] = typeof formData.get(key) === 'string' ? formData.get(key) : '';
  for (const key of shape.arrays ?? [])
    input[key] = formData
      .getAll(key)
      .filter((v): v is string => typeof v === 'string')
      .map(withoutNul);
  return { input, values };
}

async function refusal(r: Refusal, values: Record<string, string>, params?: Record<string, string | number>): Promise<ActionState> {
  const message = r.message ? (await getTranslations())(r.message as never) : undefined;
  const fieldErrors = r.fieldErrors ? await translateFieldErrors(r.fieldErrors, params) : undefined;
  return { status: 'error', message, fieldErrors, values: { ...values, ...r.values } };
}

function finish(done: Done): never {
  if (done.mail) kickMailDelivery();
  for (const path of [done.revalidate ?? []].flat()) revalidatePath(path);
  if (done.layout) revalidatePath('/', 'layout');
  redirect(done.flash ? withFlash(done.to, done.flash) : done.to, done.replace ? RedirectType.replace : RedirectType.push);
}

function formAction<S extends z.ZodType, T extends Outcome>(authorise: () => Promise<ContactContext>, def: ActionDefinition<S, T>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await authorise();
    const { input, values } = readForm(formData, def.form);
    if (def.refresh && formData.get('intent') === 'refresh') return { status: 'idle', values };
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorKeys(parsed.error);
      // Only a tampered or broken page sends a version that is not a number: it reloads.
      if (fieldErrors.version) return refusal({ message: 'validation.versionInvalid' }, values, def.params);
      const answer = typeof def.invalid === 'function' ? def.invalid(fieldErrors) : (def.invalid ?? { message: 'common.fixErrors', fieldErrors });
      return refusal(answer, values, def.params);
    }
    const result = await def.run(ctx, parsed.data);
    if (!result.ok) {
      const failure = result as Failure<T>;
      const fromResult =
        'fieldErrors' in failure && failure.fieldErrors ? { message: 'common.fixErrors', fieldErrors: failure.fieldErrors as Record<string, string> } : null;
      return refusal(fromResult ?? def.refused?.(failure, parsed.data) ?? { message: 'common.genericError' }, values, def.params);
    }
    finish(def.done(result as Ok<T>, parsed.data));
  };
}

/** A form of the administration area (useActionState): refused for anyone but the company's administrator. */
export function adminAction<S extends z.ZodType, T extends Outcome>(def: ActionDefinition<S, T>) {
  return formAction(requireAdmin, def);
}

/** A form any signed-in contact may send (their own tickets, password, sessions). */
export function contactAction<S extends z.ZodType, T extends Outcome>(def: ActionDefinition<S, T>) {
  return formAction(requireContact, def);
}

export type ButtonDefinition<S extends z.ZodType, T extends Outcome> = {
  schema: S;
  form?: FormShape;
  run: (ctx: ContactContext, input: z.output<S>) => Promise<T>;
  /** Where a refused request goes, with its message; `result` is absent when the form itself was malformed. */
  refused: (input: Partial<z.output<S>> & Record<string, unknown>, result?: Failure<T>) => Done;
  done: (result: Ok<T>, input: z.output<S>) => Done;
};

function buttonAction<S extends z.ZodType, T extends Outcome>(authorise: () => Promise<ContactContext>, def: ButtonDefinition<S, T>) {
  return async (formData: FormData): Promise<void> => {
    const ctx = await authorise();
    const { input } = readForm(formData, def.form);
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) finish(def.refused(input as Partial<z.output<S>> & Record<string, unknown>));
    const result = await def.run(ctx, parsed.data);
    if (!result.ok) finish(def.refused(parsed.data as Partial<z.output<S>> & Record<string, unknown>, result as Failure<T>));
    finish(def.done(result as Ok<T>, parsed.data));
  };
}

/** A one-button form (no field to correct): a refusal redirects with its message. */
export function adminButton<S extends z.ZodType, T extends Outcome>(def: ButtonDefinition<S, T>) {
  return buttonAction(requireAdmin, def);
}

export function contactButton<S extends z.ZodType, T extends Outcome>(def: ButtonDefinition<S, T>) {
  return buttonAction(requireContact, def);
}

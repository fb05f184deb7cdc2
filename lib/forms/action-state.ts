import type { ZodError } from 'zod';

export type FieldErrors = Record<string, string>;

// `values` echoes what was typed (never passwords) so a refused form, with or without
// JavaScript, shows it again.
export type ActionState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};

export const idleState: ActionState = { status: 'idle' };

/** Zod issue messages are catalog keys; the first issue per field wins. */
export function fieldErrorKeys(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}

/** NUL cannot be stored in a text column (PostgreSQL refuses it): never part of what was typed. */
export const withoutNul = (v: string) => v.replaceAll('\u0000', '');

export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = formData.get(f);
    if (typeof v === 'string') out[f] = withoutNul(v);
  }
  return out;
}

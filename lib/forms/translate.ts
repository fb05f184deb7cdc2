import 'server-only';
import { getTranslations } from '@/lib/i18n/server';

/**
 * Field errors arrive as catalog keys under "validation" ("emailTaken"), or, for a message
 * of another area, as a full key ("groups.forwardChoose"); the person reads them in their
 * language.
 */
export async function translateFieldErrors(errors: Record<string, string>, params: Record<string, string | number> = {}) {
  const [validation, all] = await Promise.all([getTranslations('validation'), getTranslations()]);
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [
      field,
      // A key outside the catalogue (a library's own English message) reads as a plain "invalid value".
      key.includes('.') && all.has(key as never)
        ? all(key as never, params as never)
        : validation.has(key as never)
          ? validation(key as never, params as never)
          : validation('invalidValue'),
    ]),
  );
}

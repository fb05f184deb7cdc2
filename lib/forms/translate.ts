import 'server-only';
import { getTranslations } from 'next-intl/server';

/** Field errors arrive as catalog keys under "validation"; the person reads them in their language. */
export async function translateFieldErrors(errors: Record<string, string>, params: Record<string, string | number> = {}) {
  const t = await getTranslations('validation');
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key as never, params as never)]));
}

import { getTranslations } from '@/lib/i18n/server';
import { FLASH_PROBLEMS, flashMessageKey } from '@/lib/forms/flash';
import { FormAlert, StatusMessage } from './alerts';

/** Shows the message named by `?notice=` (see lib/forms/flash.ts): a success, or a problem. */
export async function Flash({ notice, values }: { notice: string | string[] | undefined; values?: Record<string, string> }) {
  const key = flashMessageKey(notice);
  if (!key) return null;
  const t = await getTranslations();
  const text = t(key, values as never);
  return FLASH_PROBLEMS.has(String(notice)) ? <FormAlert>{text}</FormAlert> : <StatusMessage>{text}</StatusMessage>;
}

import { getTranslations } from 'next-intl/server';
import { FLASH_PROBLEMS, flashMessageKey } from '@/lib/forms/flash';
import { FormAlert, StatusMessage } from './alerts';

/** Shows the message named by `?notice=` (see lib/forms/flash.ts): a success, or a problem. */
export async function Flash({ notice }: { notice: string | string[] | undefined }) {
  const key = flashMessageKey(notice);
  if (!key) return null;
  const t = await getTranslations();
  return FLASH_PROBLEMS.has(String(notice)) ? <FormAlert>{t(key)}</FormAlert> : <StatusMessage>{t(key)}</StatusMessage>;
}

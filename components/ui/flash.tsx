import { getTranslations } from 'next-intl/server';
import { flashMessageKey } from '@/lib/forms/flash';
import { StatusMessage } from './alerts';

/** Shows the success message named by `?notice=` (see lib/forms/flash.ts). */
export async function Flash({ notice }: { notice: string | string[] | undefined }) {
  const key = flashMessageKey(notice);
  if (!key) return null;
  const t = await getTranslations();
  return <StatusMessage>{t(key)}</StatusMessage>;
}

import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export async function InvalidLink({ title }: { title: string }) {
  const t = await getTranslations('auth');
  return (
    <>
      <h1>{title}</h1>
      <div className="alert alert--error" role="alert">
        {t('linkInvalid')}
      </div>
      <p>{t('linkInvalidHelp')}</p>
      <p className="form__links">
        <Link href="/forgot-password">{t('forgotPassword')}</Link> · <Link href="/login">{t('backToSignIn')}</Link>
      </p>
    </>
  );
}

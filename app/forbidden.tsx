import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <main id="content" className="error-page">
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <Link href="/" className="btn btn--primary">
        {t('goHome')}
      </Link>
    </main>
  );
}

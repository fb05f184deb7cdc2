'use client';

import { useTranslations } from 'next-intl';

// No details of the failure reach the person: it is logged on the server.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="content" className="error-page">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      <button type="button" className="btn btn--primary" onClick={reset}>
        {t('tryAgain')}
      </button>
    </main>
  );
}

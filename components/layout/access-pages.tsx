import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

// Rendered in place rather than through forbidden()/notFound(): those answer with an empty
// HTML body when thrown from a server component (next.js issue #62228), which leaves a
// person without JavaScript in front of a blank page. See docs/decisions/005.

export async function ForbiddenContent() {
  const t = await getTranslations('errors');
  return (
    <div className="error-page" role="region" aria-labelledby="access-title">
      <h1 id="access-title">{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <Link href="/" className="btn btn--primary">
        {t('goHome')}
      </Link>
    </div>
  );
}

export async function NotFoundContent() {
  const t = await getTranslations('errors');
  return (
    <div className="error-page" role="region" aria-labelledby="access-title">
      <h1 id="access-title">{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href="/" className="btn btn--primary">
        {t('goHome')}
      </Link>
    </div>
  );
}

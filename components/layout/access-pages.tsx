import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

// Rendered in place rather than through forbidden()/notFound(): those answer with an empty
// HTML body when thrown from a server component (next.js issue #62228), which leaves a
// person without JavaScript in front of a blank page. See docs/decisions/005.

async function AccessMessage({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const t = await getTranslations('errors');
  return (
    <div className="error-page" role="region" aria-labelledby="access-title">
      <h1 id="access-title">{t(`${kind}Title`)}</h1>
      <p>{t(`${kind}Text`)}</p>
      <Link href="/" className="btn btn--primary">
        {t('goHome')}
      </Link>
    </div>
  );
}

export const ForbiddenContent = () => <AccessMessage kind="forbidden" />;
export const NotFoundContent = () => <AccessMessage kind="notFound" />;

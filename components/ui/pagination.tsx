import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

/** Previous/next links that keep the rest of the query; works without JavaScript. */
export async function Pagination({
  basePath,
  query,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  query: Record<string, string>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const [t, format] = await Promise.all([getTranslations('contacts'), getFormatter()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...query, page: String(p) }).toString()}`;
  return (
    <nav className="pagination" aria-label={t('pagination')}>
      {page > 1 ? (
        <Link href={href(page - 1)} className="btn btn--secondary btn--small" rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span className="btn btn--secondary btn--small" aria-disabled="true">
          {t('previous')}
        </span>
      )}
      <span className="pagination__label">{t('page', { page: format.number(page), pages: format.number(pages) })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="btn btn--secondary btn--small" rel="next">
          {t('next')}
        </Link>
      ) : (
        <span className="btn btn--secondary btn--small" aria-disabled="true">
          {t('next')}
        </span>
      )}
    </nav>
  );
}

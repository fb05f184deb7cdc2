import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/** Previous/next links that keep the rest of the query; works without JavaScript. */
export async function Pagination({
  basePath,
  query,
  page,
  pageSize,
  total,
  jumpId = 'pagination',
}: {
  basePath: string;
  query: Record<string, string>;
  page: number;
  pageSize: number;
  total: number;
  /** Ids of the jump field: a page with two paginations names them apart. */
  jumpId?: string;
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
      {pages > 2 ? (
        // "Ir para a página": a GET form that keeps the rest of the query; a number out of range
        // lands on the nearest page that exists (lib/forms/paging.ts).
        <form method="get" action={basePath} className="pagination__jump">
          {Object.entries(query).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label htmlFor={`${jumpId}-page`}>{t('jumpLabel')}</label>
          <input
            id={`${jumpId}-page`}
            name="page"
            type="number"
            inputMode="numeric"
            min={1}
            max={pages}
            required
            defaultValue={page}
            className="pagination__input"
          />
          <button type="submit" className="btn btn--secondary btn--small">
            {t('jumpSubmit')}
          </button>
        </form>
      ) : null}
    </nav>
  );
}

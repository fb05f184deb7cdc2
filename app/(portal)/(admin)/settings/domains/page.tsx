import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AddDomainForm } from '@/components/domains/add-domain-form';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import { setDomainPolicyAction } from '@/lib/domains/actions';
import { listDomains } from '@/lib/domains/mutations';
import type { SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('domains'))('title') };
}

export default async function DomainsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdmin();
  const [params, domains, t, format] = await Promise.all([searchParams, listDomains(ctx.companyId), getTranslations('domains'), getFormatter()]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      <Flash notice={params.notice} />
      <section aria-labelledby="domains-list-title" className="section">
        <h2 id="domains-list-title" className="section-title">
          {t('list')}
        </h2>
        {domains.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__title">{t('empty')}</p>
            <p>{t('emptyHelp')}</p>
          </div>
        ) : (
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('domain')}</th>
                <th scope="col">{t('policy')}</th>
                <th scope="col">{t('addedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('domain')}>
                    <strong>{d.domain}</strong>
                  </td>
                  <td data-label={t('policy')}>
                    <form action={setDomainPolicyAction} className="policy-form">
                      <input type="hidden" name="id" value={d.id} />
                      <label htmlFor={`policy-${d.id}`} className="visually-hidden">
                        {t('policyOf', { domain: d.domain })}
                      </label>
                      <select id={`policy-${d.id}`} name="policy" defaultValue={d.policy} className="field__input">
                        <option value="approval">{t('approval')}</option>
                        <option value="auto">{t('auto')}</option>
                      </select>
                      <button type="submit" className="btn btn--secondary btn--small">
                        {t('changePolicy')}
                      </button>
                    </form>
                  </td>
                  <td data-label={t('addedAt')}>{format.dateTime(d.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td>
                    <Link
                      href={`/settings/domains/${d.id}/remove`}
                      className="btn btn--link btn--danger-link"
                      aria-label={t('removeOne', { domain: d.domain })}
                    >
                      {t('remove')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel section">
        <AddDomainForm />
      </section>
    </>
  );
}

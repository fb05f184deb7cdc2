import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { EmailText } from '@/components/ui/email-text';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { GroupListQuery } from '@/lib/groups/schema';
import { listGroups } from '@/lib/groups/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groups'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function GroupsPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { q, show } = parseQuery(GroupListQuery, params);
  const [t, rows] = await Promise.all([getTranslations('groups'), listGroups(ctx.companyId, { q, show })]);
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('intro', { company: ctx.companyName })}
        actions={
          <Link href="/groups/new" className="btn btn--primary">
            {t('add')}
          </Link>
        }
      />
      <Flash notice={params.notice} />
      <form method="get" className="filters filters--groups" role="search">
        <Field name="q" label={t('search')} type="search" defaultValue={q} maxLength={100} />
        <SelectField
          name="show"
          label={t('show')}
          defaultValue={show}
          options={[
            { value: 'active', label: t('showActive') },
            { value: 'disused', label: t('showDisused') },
            { value: 'all', label: t('showAll') },
          ]}
        />
        <div className="filters__actions">
          <button type="submit" className="btn btn--secondary">
            {t('searchSubmit')}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <div className="empty-state">
          {q ? (
            <p className="empty-state__title">{t('emptySearch', { q })}</p>
          ) : show === 'disused' ? (
            <>
              <p className="empty-state__title">{t('emptyDisused')}</p>
              <p>{t('emptyDisusedHelp')}</p>
            </>
          ) : (
            <>
              <p className="empty-state__title">{t('empty')}</p>
              <p>{t('emptyHelp')}</p>
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('responsible')}</th>
                <th scope="col">{t('members')}</th>
                <th scope="col">{t('flags')}</th>
                <th scope="col">{t('mailbox')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={g.id}>
                  <th scope="row" className="table__primary">
                    <Link href={`/groups/${g.id}`}>{g.name}</Link>
                  </th>
                  <td data-label={t('type')}>{t(g.type)}</td>
                  <td data-label={t('responsible')}>{g.responsibleName ?? <span className="muted">{t('noResponsible')}</span>}</td>
                  <td data-label={t('members')}>{g.members}</td>
                  <td data-label={t('flags')}>
                    <span className="flags">
                      {g.inDisuse ? <span className="badge badge--off">{t('inDisuse')}</span> : <span className="badge badge--ok">{t('inUse')}</span>}
                      {g.restricted ? <span className="badge badge--admin">{t('restricted')}</span> : null}
                    </span>
                  </td>
                  <td data-label={t('mailbox')} className="table__email">
                    {g.mailbox ? <EmailText email={g.mailbox} /> : <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { BulkForm } from '@/components/contacts/bulk-form';
import { requireAdmin } from '@/lib/auth/session';
import { BULK_KINDS, BULK_MAX } from '@/lib/contacts/lifecycle';
import { selectedContacts, type Selection } from '@/lib/contacts/queries';
import { BulkPageQuery, filterParams, filtersOf } from '@/lib/contacts/schema';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { selectableGroups } from '@/lib/groups/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bulk'))('chooseTitle') };
}

const LISTED = 100;

/**
 * The confirmation page of an action over many contacts, reached from the list or the
 * review (a GET form: it changes nothing). It resolves the selection (the ticked rows, the
 * page, or every result), says who will be affected, and asks for the action's choices.
 */
export default async function BulkPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const p = parseQuery(BulkPageQuery, params);
  const [t, tc] = await Promise.all([getTranslations('bulk'), getTranslations('contacts')]);
  const picked = ([] as string[]).concat(params.id ?? []).slice(0, BULK_MAX + 1);
  const selection: Selection =
    p.by === 'all'
      ? p.from === 'review'
        ? { by: 'review', days: Number(p.days), kind: p.show }
        : { by: 'list', q: p.q, status: p.status, filters: filtersOf(p) }
      : { by: 'ids', ids: p.scope === 'page' ? p.pageIds.split(',') : picked };
  const people = await selectedContacts(ctx.companyId, selection, BULK_MAX);
  const backHref =
    p.from === 'review'
      ? `/contacts/review?${new URLSearchParams({ days: p.days, show: p.show }).toString()}`
      : `/contacts?${new URLSearchParams({ ...(p.q ? { q: p.q } : {}), ...filterParams(filtersOf(p)), ...(p.status === 'active' ? {} : { status: p.status }) }).toString()}`;
  const kind = p.kind || null;

  const header = (
    <header className="page-header page-header--stacked">
      <p className="breadcrumb">
        <Link href="/contacts">{tc('title')}</Link>
      </p>
      <h1>{kind ? t(`title_${kind}`) : t('chooseTitle')}</h1>
      {people.length > 0 && people.length <= BULK_MAX ? <p className="lead">{t('affected', { count: people.length })}</p> : null}
    </header>
  );

  if (people.length === 0 || people.length > BULK_MAX) {
    return (
      <>
        {header}
        <div className="panel panel--narrow">
          <p className="alert alert--error" role="alert">
            {people.length === 0 ? (await getTranslations('validation'))('bulkNoneSelected') : (await getTranslations('validation'))('bulkTooMany')}
          </p>
          <Link href={backHref} className="btn btn--secondary">
            {t('back')}
          </Link>
        </div>
      </>
    );
  }

  const list = (
    <section aria-labelledby="bulk-people-title">
      <h2 id="bulk-people-title" className="bulk-people-title">
        {t('affected', { count: people.length })}
      </h2>
      <ul className="bulk-people">
        {people.slice(0, LISTED).map((c) => (
          <li key={c.id}>
            {c.name} <span className="muted">· {c.email}</span>
          </li>
        ))}
      </ul>
      {people.length > LISTED ? <p className="muted">{t('andMore', { count: people.length - LISTED })}</p> : null}
    </section>
  );

  if (!kind) {
    // The bar was sent without an action: choose it here (the selection travels as ids).
    return (
      <>
        {header}
        <div className="panel panel--narrow">
          <form action="/contacts/bulk" method="get" className="form">
            <input type="hidden" name="from" value={p.from} />
            {people.map((c) => (
              <input key={c.id} type="hidden" name="id" value={c.id} />
            ))}
            <fieldset className="fieldset">
              <legend className="field__label">{t('choose')}</legend>
              {BULK_KINDS.map((k, i) => (
                <label key={k} className="choice">
                  <input type="radio" name="kind" value={k} defaultChecked={i === 0} /> {t(`title_${k}`)}
                </label>
              ))}
            </fieldset>
            <div className="form__actions">
              <button type="submit" className="btn btn--primary">
                {t('continue')}
              </button>
              <Link href={backHref} className="btn btn--secondary">
                {t('cancel')}
              </Link>
            </div>
          </form>
          {list}
        </div>
      </>
    );
  }

  const groups = kind === 'group' ? await selectableGroups(ctx.companyId) : [];
  return (
    <>
      {header}
      <div className="panel panel--narrow">
        <ClientMessages namespaces={['permissions']}>
          <BulkForm
            kind={kind}
            ids={people.map((c) => c.id)}
            from={p.from}
            backHref={backHref}
            groups={groups}
            labels={{
              question: t(`question_${kind}`, { count: people.length }),
              explain: t(`explain_${kind}`),
              legend: t('title_permissions'),
              keep: t('keep'),
              turnOn: t('turnOn'),
              turnOff: t('turnOff'),
              noGroups: t('noGroups'),
              group: t('group'),
              groupChoose: t('groupChoose'),
              confirm: t('confirm'),
              cancel: t('cancel'),
            }}
          />
        </ClientMessages>
        {list}
      </div>
    </>
  );
}

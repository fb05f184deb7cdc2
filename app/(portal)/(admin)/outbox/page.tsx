import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/alerts';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/session';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { companyOutboxPage, OUTBOX_PAGE_SIZE } from '@/lib/mail/queries';
import { smtpConfigured } from '@/lib/mail/transport';
import { resendMailAction } from '@/lib/mail/actions';
import { COMPANY_MAIL_KINDS, MAIL_STATUSES, OutboxQuery } from '@/lib/mail/schema';
import { SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { Flash } from '@/components/ui/flash';

const isCompanyKind = (k: string): k is (typeof COMPANY_MAIL_KINDS)[number] => (COMPANY_MAIL_KINDS as readonly string[]).includes(k);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function OutboxPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { q, kind, status, page: requested } = parseQuery(OutboxQuery, params);
  const filtered = Boolean(q || kind || status);
  const { rows, total, page } = await loadPage(requested, OUTBOX_PAGE_SIZE, (p) => companyOutboxPage(ctx.companyId, p, { q, kind, status }));
  const [t, format] = await Promise.all([getTranslations('outbox'), getFormatter()]);
  // Never a message's text: invitation and reset links belong to their recipient's mailbox
  // only (an administrator never sets or learns someone else's password). Without SMTP the
  // server writes each message to its log, for the operator (docs/decisions/003).
  const noSmtp = !smtpConfigured();
  const from = total === 0 ? 0 : (page - 1) * OUTBOX_PAGE_SIZE + 1;
  const to = Math.min(total, page * OUTBOX_PAGE_SIZE);
  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      {noSmtp ? <Notice>{t('noSmtp')}</Notice> : null}
      <Flash notice={params.notice} />
      <form method="get" action="/outbox" className="filters filters--outbox" role="search">
        <Field name="q" label={t('recipient')} type="search" defaultValue={q} maxLength={100} placeholder={t('recipientPlaceholder')} />
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={kind}
          options={[{ value: '', label: t('anyKind') }, ...COMPANY_MAIL_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))]}
        />
        <SelectField
          name="status"
          label={t('status')}
          defaultValue={status}
          options={[{ value: '', label: t('anyStatus') }, ...MAIL_STATUSES.map((s) => ({ value: s, label: t(s) }))]}
        />
        <div className="filters__actions">
          <button type="submit" className="btn btn--secondary">
            {t('filter')}
          </button>
          {filtered ? (
            <Link href="/outbox" className="btn btn--link">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{filtered ? t('emptyFiltered') : t('empty')}</p>
        </div>
      ) : (
        <>
          <p className="toolbar__count">{t('count', { from: format.number(from), to: format.number(to), total: format.number(total) })}</p>
          <ul className="message-list">
            {rows.map((m) => (
              <li key={m.id} className="message">
                <div className="message__head">
                  <span className={`badge badge--${m.status}`}>{t(m.status)}</span>
                  <strong className="message__subject">{m.subject}</strong>
                  {m.status === 'failed' ? (
                    <form action={resendMailAction} className="message__action">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" className="btn btn--secondary btn--small" aria-label={t('resendTo', { to: m.toAddress })}>
                        {t('resend')}
                      </button>
                    </form>
                  ) : null}
                </div>
                <dl className="message__meta">
                  <div>
                    <dt>{t('to')}</dt>
                    <dd>{m.toAddress}</dd>
                  </div>
                  <div>
                    <dt>{t('kind')}</dt>
                    <dd>{isCompanyKind(m.kind) ? t(`kind_${m.kind}`) : m.kind}</dd>
                  </div>
                  <div>
                    <dt>{t('createdAt')}</dt>
                    <dd>{format.dateTime(m.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</dd>
                  </div>
                  <div>
                    <dt>{t('attempts')}</dt>
                    <dd>{m.attempts}</dd>
                  </div>
                </dl>
                {m.lastError && m.status !== 'sent' ? <p className="field__error">{t('lastError', { error: m.lastError })}</p> : null}
              </li>
            ))}
          </ul>
          <Pagination basePath="/outbox" query={{ q, kind, status }} page={page} pageSize={OUTBOX_PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}

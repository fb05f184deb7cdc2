import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/alerts';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/session';
import { PageQuery } from '@/lib/audit/schema';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { companyOutboxPage, OUTBOX_PAGE_SIZE } from '@/lib/mail/queries';
import { smtpConfigured } from '@/lib/mail/transport';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function OutboxPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { rows, total, page } = await loadPage(parseQuery(PageQuery, params).page, OUTBOX_PAGE_SIZE, (p) => companyOutboxPage(ctx.companyId, p));
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
      {rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('empty')}</p>
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
                </div>
                <dl className="message__meta">
                  <div>
                    <dt>{t('to')}</dt>
                    <dd>{m.toAddress}</dd>
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
          <Pagination basePath="/outbox" query={{}} page={page} pageSize={OUTBOX_PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}

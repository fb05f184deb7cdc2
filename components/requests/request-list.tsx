'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { BULK_FORM_ID } from './bulk-decision';

/** One request as the page sends it: text already formatted on the server (dates, CPF, phone). */
export type RequestItem = {
  id: string;
  pending: boolean;
  name: string;
  email: string;
  isCpf: boolean;
  document: string;
  phone: string;
  consultancy: boolean;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  decisionReason: string | null;
  domainFlag: 'in' | 'out' | null;
  alreadyContact: boolean;
  autoApproved: boolean;
};

/**
 * The requests of one page. Rendered from data by a client component: the page carries each
 * request once, as data, instead of as markup twice (HTML and the RSC payload). A row's
 * "Aprovar" is a button of the page's one decision form (`approveOne`): a form per row, each
 * encoding its server action, cost a quarter of the page's rendering time.
 */
export function RequestList({ items }: { items: RequestItem[] }) {
  const t = useTranslations('requests');
  const tc = useTranslations('common');
  return (
    <ul className="request-list">
      {items.map((r) => (
        <li key={r.id} className="request" aria-labelledby={`request-${r.id}`}>
          {r.pending ? (
            <div className="request__select">
              <input type="checkbox" name="ids" value={r.id} form={BULK_FORM_ID} id={`select-${r.id}`} aria-label={t('select', { name: r.name })} />
            </div>
          ) : null}
          <div className="request__body">
            <div className="request__head">
              <strong id={`request-${r.id}`} className="request__name">
                {r.name}
              </strong>
              <span className="request__email">{r.email}</span>
            </div>
            <ul className="request__flags" aria-label={t('flags')}>
              {r.domainFlag === 'in' ? <li className="badge badge--sent">{t('inDomain')}</li> : null}
              {r.domainFlag === 'out' ? <li className="badge badge--pending">{t('outsideDomain')}</li> : null}
              {r.pending && r.alreadyContact ? (
                <li className="badge badge--failed" title={t('alreadyContactHint')}>
                  {t('alreadyContact')}
                </li>
              ) : null}
              {r.autoApproved ? <li className="badge">{t('autoApproved')}</li> : null}
            </ul>
            <dl className="message__meta">
              <div>
                <dt>{r.isCpf ? t('cpf') : t('document')}</dt>
                <dd>{r.document || '—'}</dd>
              </div>
              <div>
                <dt>{t('phone')}</dt>
                <dd>{r.phone || '—'}</dd>
              </div>
              <div>
                <dt>{t('consultancy')}</dt>
                <dd>{r.consultancy ? tc('yes') : tc('no')}</dd>
              </div>
              <div>
                <dt>{t('requestedAt')}</dt>
                <dd>{r.requestedAt}</dd>
              </div>
              {r.decidedAt ? (
                <div>
                  <dt>{t('decidedAt')}</dt>
                  <dd>
                    {r.decidedAt}
                    {r.decidedBy ? ` ${t('decidedBy', { who: r.decidedBy })}` : ''}
                  </dd>
                </div>
              ) : null}
            </dl>
            {r.reason ? (
              <p className="request__reason">
                <span className="muted">{t('reason')}:</span> {r.reason}
              </p>
            ) : null}
            {r.decisionReason ? (
              <p className="request__reason">
                <span className="muted">{t('decisionReason')}:</span> {r.decisionReason}
              </p>
            ) : null}
          </div>
          {r.pending ? (
            <div className="request__actions">
              <button
                type="submit"
                form={BULK_FORM_ID}
                name="approveOne"
                value={r.id}
                className="btn btn--primary btn--small"
                aria-label={t('approveOne', { name: r.name })}
              >
                {t('approve')}
              </button>
              <Link href={`/requests/${r.id}/reject`} className="btn btn--secondary btn--small" aria-label={t('rejectOne', { name: r.name })}>
                {t('reject')}
              </Link>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

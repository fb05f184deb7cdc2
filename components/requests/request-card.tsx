import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import { approveRequestAction } from '@/lib/requests/actions';
import type { RequestRow } from '@/lib/requests/queries';
import { BULK_FORM_ID } from './bulk-decision';

/** One request on "Solicitações de acesso": who asked, why, when, its flags, and its decision. */
export async function RequestCard({ request: r, hasDomains }: { request: RequestRow; hasDomains: boolean }) {
  const [t, format] = await Promise.all([getTranslations('requests'), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : '');
  const pending = r.status === 'pending';
  const headingId = `request-${r.id}`;
  return (
    <li className="request" aria-labelledby={headingId}>
      {pending ? (
        <div className="request__select">
          <input type="checkbox" name="ids" value={r.id} form={BULK_FORM_ID} id={`select-${r.id}`} aria-label={t('select', { name: r.name })} />
        </div>
      ) : null}
      <div className="request__body">
        <div className="request__head">
          <strong id={headingId} className="request__name">
            {r.name}
          </strong>
          <span className="request__email">{r.email}</span>
        </div>
        <ul className="request__flags" aria-label={t('title')}>
          {r.inCompanyDomain ? (
            <li className="badge badge--sent">{t('inDomain')}</li>
          ) : hasDomains ? (
            <li className="badge badge--pending">{t('outsideDomain')}</li>
          ) : null}
          {pending && r.alreadyContact ? (
            <li className="badge badge--failed" title={t('alreadyContactHint')}>
              {t('alreadyContact')}
            </li>
          ) : null}
          {r.autoApproved ? <li className="badge">{t('autoApproved')}</li> : null}
        </ul>
        <dl className="message__meta">
          <div>
            <dt>{r.country === 'BR' ? t('cpf') : t('document')}</dt>
            <dd>{formatDocument(r.country, r.document)}</dd>
          </div>
          <div>
            <dt>{t('phone')}</dt>
            <dd>{formatPhone(r.country, r.areaCode, r.phone)}</dd>
          </div>
          <div>
            <dt>{t('consultancy')}</dt>
            <dd>{r.consultancy ? (await getTranslations('common'))('yes') : (await getTranslations('common'))('no')}</dd>
          </div>
          <div>
            <dt>{t('requestedAt')}</dt>
            <dd>{when(r.confirmedAt)}</dd>
          </div>
          {!pending && r.decidedAt ? (
            <div>
              <dt>{t('decidedAt')}</dt>
              <dd>
                {when(r.decidedAt)}
                {r.decidedByEmail ? ` ${t('decidedBy', { who: r.decidedByEmail })}` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
        {r.reason ? (
          <p className="request__reason">
            <span className="muted">{t('reason')}:</span> {r.reason}
          </p>
        ) : null}
        {r.status === 'rejected' && r.decisionReason ? (
          <p className="request__reason">
            <span className="muted">{t('decisionReason')}:</span> {r.decisionReason}
          </p>
        ) : null}
      </div>
      {pending ? (
        <div className="request__actions">
          <form action={approveRequestAction}>
            <input type="hidden" name="id" value={r.id} />
            <button type="submit" className="btn btn--primary btn--small" aria-label={t('approveOne', { name: r.name })}>
              {t('approve')}
            </button>
          </form>
          <Link href={`/requests/${r.id}/reject`} className="btn btn--secondary btn--small" aria-label={t('rejectOne', { name: r.name })}>
            {t('reject')}
          </Link>
        </div>
      ) : null}
    </li>
  );
}

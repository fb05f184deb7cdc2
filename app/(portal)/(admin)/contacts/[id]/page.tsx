import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { ContactHeader } from '@/components/contacts/contact-header';
import { Flash } from '@/components/ui/flash';
import { EmailText } from '@/components/ui/email-text';
import { countries } from '@/lib/br/countries';
import { contactActions } from '@/lib/contacts/actions-menu';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import { loadContactPage } from '@/lib/contacts/loaders';
import { contactOverview, OVERVIEW_TICKETS, type OverviewTicket } from '@/lib/contacts/overview';
import { PERMISSION_KEYS } from '@/db/schema';
import { toLocale } from '@/lib/i18n/config';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { contact } = await loadContactPage(params);
  return { title: contact?.name ?? (await getTranslations('contacts'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A contact's page: who they are, their access, permissions, groups and tickets, and every action on them. */
export default async function ContactPage({ params, searchParams }: Props) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const [t, ta, tp, tt, format, locale, overview, sp] = await Promise.all([
    getTranslations('contactPage'),
    getTranslations('contactActions'),
    getTranslations('permissions'),
    getTranslations('tickets'),
    getFormatter(),
    getLocale(),
    contactOverview(ctx.companyId, contact.id),
    searchParams,
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'short' });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' });
  const missing = <span className="muted">{t('notInformed')}</span>;
  const countryName = countries(toLocale(locale)).find((c) => c.code === contact.country)?.name ?? contact.country;
  // Edit, permissions and history are the tabs above; the rest are here.
  const actions = contactActions(contact).filter((a) => a.key !== 'edit' && a.key !== 'permissions');
  const granted = PERMISSION_KEYS.filter((k) => contact.permissions.includes(k));

  const access =
    contact.status === 'deactivated' ? (
      <span className="badge badge--off">{t('accessDeactivated', { date: overview.deactivatedAt ? date(overview.deactivatedAt) : '—' })}</span>
    ) : !contact.invitationPending ? (
      <span className="badge badge--ok">{t('accessActive')}</span>
    ) : overview.invitation ? (
      <>
        <span className="badge badge--pending">{t('invitationPendingSince', { date: dateTime(overview.invitation.sentAt) })}</span>
        <span className="details__hint">{t('invitationValidUntil', { date: dateTime(overview.invitation.expiresAt) })}</span>
      </>
    ) : (
      <>
        <span className="badge badge--pending">{t('invitationExpired')}</span>
        <span className="details__hint">{t('invitationExpiredHint')}</span>
      </>
    );

  return (
    <>
      <ContactHeader contact={contact} title={contact.name} section="overview" />
      <Flash notice={typeof sp.notice === 'string' ? sp.notice : undefined} />
      {actions.length ? (
        <nav className="contact-actions" aria-label={t('actions')}>
          {actions.map((a) =>
            a.confirms ? (
              <Link key={a.key} href={a.href} prefetch={false} className={`btn btn--small ${a.danger ? 'btn--danger-outline' : 'btn--secondary'}`}>
                {ta(a.key)}
              </Link>
            ) : (
              <a key={a.key} href={a.href} className="btn btn--secondary btn--small">
                {ta(a.key)}
              </a>
            ),
          )}
        </nav>
      ) : null}
      <div className="panels">
        <section className="panel" aria-labelledby="contact-details">
          <h2 id="contact-details">{t('details')}</h2>
          <dl className="details">
            <div>
              <dt>{t('access')}</dt>
              <dd className="details__stack">{access}</dd>
            </div>
            <div>
              <dt>{t('email')}</dt>
              <dd>
                <EmailText email={contact.email} />
              </dd>
            </div>
            <div>
              <dt>{t('document')}</dt>
              <dd>{formatDocument(contact.country, contact.document) ?? missing}</dd>
            </div>
            <div>
              <dt>{t('phone')}</dt>
              <dd>{formatPhone(contact.country, contact.areaCode, contact.phone) ?? missing}</dd>
            </div>
            <div>
              <dt>{t('country')}</dt>
              <dd>{countryName}</dd>
            </div>
            <div>
              <dt>{t('consultancy')}</dt>
              <dd>{contact.consultancy ? t('yes') : t('no')}</dd>
            </div>
            <div>
              <dt>{t('lastAccess')}</dt>
              <dd>{contact.lastAccessAt ? dateTime(contact.lastAccessAt) : <span className="muted">{t('never')}</span>}</dd>
            </div>
            <div>
              <dt>{t('createdAt')}</dt>
              <dd>{date(contact.createdAt)}</dd>
            </div>
          </dl>
        </section>
        <section className="panel" aria-labelledby="contact-permissions">
          <h2 id="contact-permissions">{t('permissions')}</h2>
          {granted.length ? (
            <ul className="plain-list">
              {granted.map((k) => (
                <li key={k}>{tp(k)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('permissionsNone')}</p>
          )}
          <p>
            <a href={`/contacts/${contact.id}/permissions`}>{t('permissionsChange')}</a>
          </p>
        </section>
        <section className="panel" aria-labelledby="contact-groups">
          <h2 id="contact-groups">{t('groups')}</h2>
          {overview.groups.length ? (
            <ul className="plain-list">
              {overview.groups.map((g) => (
                <li key={g.id}>
                  <Link href={`/groups/${g.id}`}>{g.name}</Link>
                  {g.restricted ? <span className="badge">{t('groupRestricted')}</span> : null}
                  {g.inDisuse ? <span className="badge badge--off">{t('groupInDisuse')}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('groupsNone')}</p>
          )}
        </section>
      </div>
      <section className="panel panel--spaced" aria-labelledby="contact-tickets">
        <h2 id="contact-tickets">{t('tickets')}</h2>
        <TicketList
          title={t('ticketsOpen', { count: overview.openCount })}
          empty={t('ticketsOpenNone')}
          more={overview.openCount > OVERVIEW_TICKETS ? t('ticketsMore', { shown: OVERVIEW_TICKETS, count: overview.openCount }) : null}
          rows={overview.openTickets}
          labels={{ number: t('ticketNumber'), subject: t('ticketSubject'), status: t('ticketStatus'), when: t('ticketCreated') }}
          status={(s) => tt(s)}
          when={(r) => dateTime(r.createdAt)}
        />
        <TicketList
          title={t('ticketsClosed', { count: overview.closedCount })}
          empty={t('ticketsClosedNone')}
          more={overview.closedCount > OVERVIEW_TICKETS ? t('ticketsMore', { shown: OVERVIEW_TICKETS, count: overview.closedCount }) : null}
          rows={overview.closedTickets}
          labels={{ number: t('ticketNumber'), subject: t('ticketSubject'), status: t('ticketStatus'), when: t('ticketClosed') }}
          status={(s) => tt(s)}
          when={(r) => dateTime(r.closedAt ?? r.createdAt)}
        />
      </section>
      <p className="contact-more">
        <Link href={`/contacts/${contact.id}/history`}>{t('historyLink', { name: contact.name })}</Link>
      </p>
    </>
  );
}

function TicketList({
  title,
  empty,
  more,
  rows,
  labels,
  status,
  when,
}: {
  title: string;
  empty: string;
  more: string | null;
  rows: OverviewTicket[];
  labels: { number: string; subject: string; status: string; when: string };
  status: (s: OverviewTicket['status']) => string;
  when: (r: OverviewTicket) => string;
}) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--dense">
            <thead>
              <tr>
                <th scope="col">{labels.number}</th>
                <th scope="col">{labels.subject}</th>
                <th scope="col">{labels.status}</th>
                <th scope="col">{labels.when}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap" data-label={labels.number}>
                    #{r.number}
                  </td>
                  <th scope="row" className="table__primary">
                    <Link href={`/tickets/${r.id}`}>{r.subject}</Link>
                  </th>
                  <td data-label={labels.status}>
                    <span className={`badge badge--ticket-${r.status}`}>{status(r.status)}</span>
                  </td>
                  <td className="nowrap" data-label={labels.when}>
                    {when(r)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="muted">{more}</p> : null}
    </>
  );
}

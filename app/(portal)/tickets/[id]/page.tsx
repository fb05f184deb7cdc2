import type { Metadata } from 'next';
import Link from 'next/link';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { Flash } from '@/components/ui/flash';
import { ForwardForm } from '@/components/tickets/forward-form';
import { TicketStatusForm } from '@/components/tickets/status-form';
import { selectableGroups } from '@/lib/groups/queries';
import { requireContact } from '@/lib/auth/session';
import { getTicket } from '@/lib/tickets/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TicketPage({ params, searchParams }: Props) {
  const ctx = await requireContact();
  const { id } = await params;
  const ticket = await getTicket(ctx.companyId, ctx, id);
  if (!ticket) return <NotFoundContent />;
  const [t, format, sp, groups] = await Promise.all([
    getTranslations('tickets'),
    getFormatter(),
    searchParams,
    ctx.isAdmin ? selectableGroups(ctx.companyId) : Promise.resolve([]),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/tickets">{t('title')}</Link> <span aria-hidden="true">›</span> <span>#{ticket.number}</span>
        </p>
        <h1>
          {t('ticketTitle', { number: ticket.number })} · {ticket.subject}
        </h1>
      </header>
      <Flash notice={sp.notice} />
      <div className="panels">
        <section className="panel" aria-labelledby="ticket-description">
          <h2 id="ticket-description">{t('description')}</h2>
          <p className="prewrap">{ticket.description}</p>
        </section>
        <section className="panel" aria-label={t('ticketTitle', { number: ticket.number })}>
          <dl className="details">
            <div>
              <dt>{t('status')}</dt>
              <dd>
                <span className={`badge badge--ticket-${ticket.status}`}>{t(ticket.status)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('category')}</dt>
              <dd>{t(ticket.category)}</dd>
            </div>
            <div>
              <dt>{t('requester')}</dt>
              <dd>
                {ticket.requesterName} <span className="muted">({ticket.requesterEmail})</span>
              </dd>
            </div>
            <div>
              <dt>{t('group')}</dt>
              <dd>{ticket.groupName ?? t('noGroup')}</dd>
            </div>
            <div>
              <dt>{t('createdAt')}</dt>
              <dd>{when(ticket.createdAt)}</dd>
            </div>
            {ticket.closedAt ? (
              <div>
                <dt>{t('closedAt')}</dt>
                <dd>{when(ticket.closedAt)}</dd>
              </div>
            ) : null}
          </dl>
          {ctx.isAdmin ? (
            <>
              <TicketStatusForm id={ticket.id} status={ticket.status} />
              <ForwardForm ticketId={ticket.id} groups={groups} current={ticket.groupId} />
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { Notice } from '@/components/ui/alerts';
import { TicketForm } from '@/components/tickets/ticket-form';
import { requireContact } from '@/lib/auth/session';
import { canOpenTickets } from '@/lib/tickets/visibility';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('new') };
}

export default async function NewTicketPage() {
  const ctx = await requireContact();
  const t = await getTranslations('tickets');
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/tickets">{t('title')}</Link> <span aria-hidden="true">›</span> <span>{t('new')}</span>
        </p>
        <h1>{t('new')}</h1>
      </header>
      <div className="panel">{canOpenTickets(ctx) ? <TicketForm /> : <Notice>{t('cannotOpen')}</Notice>}</div>
    </>
  );
}

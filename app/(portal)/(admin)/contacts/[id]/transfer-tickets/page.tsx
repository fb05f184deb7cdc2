import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';
import { ContactSearchQuery } from '@/lib/contacts/schema';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { TransferTicketsForm } from '@/components/contacts/transfer-tickets-form';
import { SearchBox } from '@/components/ui/search-box';
import { WithoutScript } from '@/components/ui/without-script';
import { countOpenTickets, TRANSFER_TARGETS_SHOWN, transferTargets } from '@/lib/contacts/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('transferTickets'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function TransferTicketsPage({ params, searchParams }: Props) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const sp = await searchParams;
  const { q } = parseQuery(ContactSearchQuery, sp);
  const [t, open, found] = await Promise.all([
    getTranslations('transferTickets'),
    countOpenTickets(ctx.companyId, contact.id),
    transferTargets(ctx.companyId, contact.id, q),
  ]);
  const targets = found.slice(0, TRANSFER_TARGETS_SHOWN);
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <p>{t('intro', { name: contact.name })}</p>
        <p>
          <strong>{t('openCount', { count: open })}</strong>
        </p>
        <ClientMessages namespaces={['transferTickets', 'picker']}>
          {/* Without JavaScript: search, then choose among the results; with it, the picker searches as one types. */}
          <WithoutScript>
            <SearchBox id="target-q" label={t('search')} submitLabel={t('searchSubmit')} defaultValue={q} compact />
            {found.length > TRANSFER_TARGETS_SHOWN ? <p className="field__hint">{t('tooMany', { shown: TRANSFER_TARGETS_SHOWN })}</p> : null}
          </WithoutScript>
          <TransferTicketsForm contactId={contact.id} targets={targets} />
        </ClientMessages>
      </div>
    </>
  );
}

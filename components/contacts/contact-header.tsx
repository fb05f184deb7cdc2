import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { formatDocument } from '@/lib/contacts/format';
import type { ContactDetail } from '@/lib/contacts/queries';

type Section = 'overview' | 'edit' | 'permissions' | 'history' | null;

/** Who the page is about, and the contact's sections as tabs (the first, "Resumo", is the contact's page). */
export async function ContactHeader({ contact, title, section }: { contact: ContactDetail; title: string; section: Section }) {
  const [t, tl] = await Promise.all([getTranslations('contactNav'), getTranslations('contacts')]);
  const tabs = [
    { key: 'overview', href: `/contacts/${contact.id}` },
    { key: 'edit', href: `/contacts/${contact.id}/edit` },
    { key: 'permissions', href: `/contacts/${contact.id}/permissions` },
    { key: 'history', href: `/contacts/${contact.id}/history` },
  ] as const;
  return (
    <header className="page-header page-header--stacked">
      <p className="breadcrumb">
        <Link href="/contacts">{tl('title')}</Link> <span aria-hidden="true">›</span>{' '}
        {section === 'overview' ? <span>{contact.name}</span> : <Link href={`/contacts/${contact.id}`}>{contact.name}</Link>}
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {section === 'overview' ? contact.email : `${contact.name} · ${contact.email}`}
        {contact.document ? (
          <>
            {' · '}
            <span className="nowrap">{formatDocument(contact.country, contact.document)}</span>
          </>
        ) : null}
        {contact.isAdmin ? (
          <>
            {' '}
            <span className="badge badge--admin">{tl('admin')}</span>
          </>
        ) : null}
        {contact.status === 'deactivated' ? (
          <>
            {' '}
            <span className="badge badge--off">{tl('deactivatedBadge')}</span>
          </>
        ) : null}
      </p>
      {section ? (
        <nav aria-label={t('label')} className="tabs">
          {tabs.map((tab) => (
            <Link
              key={tab.key}
              href={tab.href}
              className={`tabs__tab${section === tab.key ? ' tabs__tab--active' : ''}`}
              aria-current={section === tab.key ? 'page' : undefined}
            >
              {t(tab.key)}
            </Link>
          ))}
        </nav>
      ) : null}
    </header>
  );
}

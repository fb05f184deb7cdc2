import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import type { ComponentProps, ReactNode } from 'react';
import type { TranslationValues } from 'next-intl';
import { ContactHeader } from '@/components/contacts/contact-header';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { ContactContext } from '@/lib/auth/context';
import {
  deactivateContactAction,
  endContactSessionsAction,
  reactivateContactAction,
  removeContactAction,
  resendInvitationAction,
  restoreContactAction,
  transferAdminAction,
} from '@/lib/contacts/actions';
import type { ContactDetail, ContactListRow } from '@/lib/contacts/queries';

type ContactConfirmationProps = {
  /** The messages' namespace: its `question`, `explain`, `yes` and `no`. */
  texts: string;
  action: ComponentProps<typeof ConfirmForm>['action'];
  /** Sent as the form's `id` field. */
  contactId: string;
  /** The values of the `question` and `explain` messages. */
  question?: TranslationValues;
  explain?: TranslationValues;
  noHref?: string;
  danger?: boolean;
  /** Shown above the explanation. */
  children?: ReactNode;
};

/** One action on one contact, confirmed: the question, what happens, yes or no. */
async function ContactConfirmation({ texts, action, contactId, question, explain, noHref = '/contacts', danger, children }: ContactConfirmationProps) {
  const t = await getTranslations(texts);
  return (
    <ConfirmForm
      action={action}
      hidden={{ id: contactId }}
      question={t('question', question)}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref={noHref}
      danger={danger}
    >
      {children}
      <p className="muted">{t('explain', explain)}</p>
    </ConfirmForm>
  );
}

/** The page of a contact's confirmation (`texts` names its title), under the contact's header. */
export async function ContactConfirmationPage({ contact, texts, children }: { contact: ContactDetail; texts: string; children: ReactNode }) {
  const t = await getTranslations(texts);
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">{children}</div>
    </>
  );
}

/** The metadata of a confirmation page: the `title` message of `texts`. */
export async function confirmationMetadata(texts: string): Promise<Metadata> {
  return { title: (await getTranslations(texts))('title') };
}

/** Body of "Transferir administração", shown as a page or inside a dialog. */
export async function TransferAdminConfirmation({ ctx, contact }: { ctx: ContactContext; contact: ContactDetail }) {
  if (contact.id === ctx.contactId) {
    const [t, tc] = await Promise.all([getTranslations('transferAdmin'), getTranslations('common')]);
    return (
      <>
        <p className="alert alert--info">{t('sameContact')}</p>
        <Link href="/contacts" className="btn btn--secondary">
          {tc('back')}
        </Link>
      </>
    );
  }
  return (
    // It cannot be undone by the one who confirms it: shown as the consequential action it is.
    <ContactConfirmation
      texts="transferAdmin"
      action={transferAdminAction}
      contactId={contact.id}
      explain={{ name: contact.name, company: ctx.companyName }}
      danger
    />
  );
}

/** Body of "Excluir perfil": says up front why a removal would be refused. */
export async function RemoveContactConfirmation({ contact, openTickets }: { contact: ContactDetail; openTickets: number }) {
  const open = contact.isAdmin ? 0 : openTickets;
  if (contact.isAdmin || open > 0) {
    const [t, tc] = await Promise.all([getTranslations('removeContact'), getTranslations('common')]);
    return (
      <>
        <div className="alert alert--error" role="alert">
          {contact.isAdmin ? t('isAdmin') : t('hasOpenTickets', { count: open })}
        </div>
        <div className="form__actions">
          {open > 0 ? (
            <Link href={`/contacts/${contact.id}/transfer-tickets`} className="btn btn--primary">
              {t('transferFirst')}
            </Link>
          ) : null}
          <Link href="/contacts" className="btn btn--secondary">
            {tc('back')}
          </Link>
        </div>
      </>
    );
  }
  return <ContactConfirmation texts="removeContact" action={removeContactAction} contactId={contact.id} explain={{ name: contact.name }} danger />;
}

/** Body of "Encerrar sessões": the person signs in again, in every browser. */
export async function EndSessionsConfirmation({ contact }: { contact: ContactDetail }) {
  return <ContactConfirmation texts="endSessions" action={endContactSessionsAction} contactId={contact.id} question={{ name: contact.name }} danger />;
}

/** Body of "Desativar acesso". */
export async function DeactivateConfirmation({ contact, companyName }: { contact: ContactDetail; companyName: string }) {
  if (contact.isAdmin) {
    const [t, tc] = await Promise.all([getTranslations('deactivateContact'), getTranslations('common')]);
    return (
      <>
        <div className="alert alert--error" role="alert">
          {t('isAdmin')}
        </div>
        <Link href="/contacts" className="btn btn--secondary">
          {tc('back')}
        </Link>
      </>
    );
  }
  return (
    <ContactConfirmation
      texts="deactivateContact"
      action={deactivateContactAction}
      contactId={contact.id}
      question={{ name: contact.name }}
      explain={{ name: contact.name, company: companyName }}
      danger
    />
  );
}

/** Body of "Reativar acesso". */
export async function ReactivateConfirmation({ contact }: { contact: ContactDetail }) {
  return (
    <ContactConfirmation
      texts="reactivateContact"
      action={reactivateContactAction}
      contactId={contact.id}
      question={{ name: contact.name }}
      explain={{ name: contact.name }}
      noHref="/contacts?status=deactivated"
    />
  );
}

/** Body of "Reenviar convite". */
export async function ResendInvitationConfirmation({ contact }: { contact: ContactDetail }) {
  return <ContactConfirmation texts="resendInvitation" action={resendInvitationAction} contactId={contact.id} question={{ email: contact.email }} />;
}

/** Body of "Restaurar" (a removed contact, within 30 days). */
export async function RestoreConfirmation({ contact, removedOn }: { contact: ContactListRow; removedOn: string }) {
  const t = await getTranslations('restoreContact');
  return (
    <ContactConfirmation
      texts="restoreContact"
      action={restoreContactAction}
      contactId={contact.id}
      question={{ name: contact.name }}
      explain={{ name: contact.name }}
      noHref="/contacts?status=removed"
    >
      <p className="muted">{t('removedOn', { date: removedOn })}</p>
    </ContactConfirmation>
  );
}

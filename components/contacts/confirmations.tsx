import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
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

/** Body of "Transferir administração", shown as a page or inside a dialog. */
export async function TransferAdminConfirmation({ ctx, contact }: { ctx: ContactContext; contact: ContactDetail }) {
  const [t, tc] = await Promise.all([getTranslations('transferAdmin'), getTranslations('common')]);
  if (contact.id === ctx.contactId) {
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
    <ConfirmForm action={transferAdminAction} hidden={{ id: contact.id }} question={t('question')} yesLabel={t('yes')} noLabel={t('no')} noHref="/contacts">
      <p className="muted">{t('explain', { name: contact.name, company: ctx.companyName })}</p>
    </ConfirmForm>
  );
}

/** Body of "Excluir perfil": says up front why a removal would be refused. */
export async function RemoveContactConfirmation({ contact, openTickets }: { contact: ContactDetail; openTickets: number }) {
  const [t, tc] = await Promise.all([getTranslations('removeContact'), getTranslations('common')]);
  const open = contact.isAdmin ? 0 : openTickets;
  if (contact.isAdmin || open > 0) {
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
  return (
    <ConfirmForm
      action={removeContactAction}
      hidden={{ id: contact.id }}
      question={t('question')}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts"
      danger
    >
      <p className="muted">{t('explain', { name: contact.name })}</p>
    </ConfirmForm>
  );
}

/** Body of "Encerrar sessões": the person signs in again, in every browser. */
export async function EndSessionsConfirmation({ contact }: { contact: ContactDetail }) {
  const t = await getTranslations('endSessions');
  return (
    <ConfirmForm
      action={endContactSessionsAction}
      hidden={{ id: contact.id }}
      question={t('question', { name: contact.name })}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts"
      danger
    >
      <p className="muted">{t('explain')}</p>
    </ConfirmForm>
  );
}

/** Body of "Desativar acesso". */
export async function DeactivateConfirmation({ contact, companyName }: { contact: ContactDetail; companyName: string }) {
  const [t, tc] = await Promise.all([getTranslations('deactivateContact'), getTranslations('common')]);
  if (contact.isAdmin) {
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
    <ConfirmForm
      action={deactivateContactAction}
      hidden={{ id: contact.id }}
      question={t('question', { name: contact.name })}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts"
      danger
    >
      <p className="muted">{t('explain', { name: contact.name, company: companyName })}</p>
    </ConfirmForm>
  );
}

/** Body of "Reativar acesso". */
export async function ReactivateConfirmation({ contact }: { contact: ContactDetail }) {
  const t = await getTranslations('reactivateContact');
  return (
    <ConfirmForm
      action={reactivateContactAction}
      hidden={{ id: contact.id }}
      question={t('question', { name: contact.name })}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts?status=deactivated"
    >
      <p className="muted">{t('explain', { name: contact.name })}</p>
    </ConfirmForm>
  );
}

/** Body of "Reenviar convite". */
export async function ResendInvitationConfirmation({ contact }: { contact: ContactDetail }) {
  const t = await getTranslations('resendInvitation');
  return (
    <ConfirmForm
      action={resendInvitationAction}
      hidden={{ id: contact.id }}
      question={t('question', { email: contact.email })}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts"
    >
      <p className="muted">{t('explain')}</p>
    </ConfirmForm>
  );
}

/** Body of "Restaurar" (a removed contact, within 30 days). */
export async function RestoreConfirmation({ contact, removedOn }: { contact: ContactListRow; removedOn: string }) {
  const t = await getTranslations('restoreContact');
  return (
    <ConfirmForm
      action={restoreContactAction}
      hidden={{ id: contact.id }}
      question={t('question', { name: contact.name })}
      yesLabel={t('yes')}
      noLabel={t('no')}
      noHref="/contacts?status=removed"
    >
      <p className="muted">{t('removedOn', { date: removedOn })}</p>
      <p className="muted">{t('explain', { name: contact.name })}</p>
    </ConfirmForm>
  );
}

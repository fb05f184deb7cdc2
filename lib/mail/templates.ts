import { translator } from '@/lib/i18n/translator';
import type { MailMessage } from './outbox';

export function appUrl(path = ''): string {
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  return `${base}${path}`;
}

export function invitationMail(input: { companyId: string; companyName: string; name: string; email: string; token: string }): MailMessage {
  const t = translator('mail');
  const link = appUrl(`/invite/${input.token}`);
  return {
    companyId: input.companyId,
    kind: 'invite',
    to: input.email,
    subject: t('inviteSubject', { company: input.companyName }),
    text: t('inviteBody', { name: input.name, company: input.companyName, link }),
  };
}

export function resetMail(input: { email: string; token: string }): MailMessage {
  const t = translator('mail');
  const link = appUrl(`/reset-password/${input.token}`);
  // No company: a reset concerns the person, and no administrator may read it.
  return { companyId: null, kind: 'reset', to: input.email, subject: t('resetSubject'), text: t('resetBody', { email: input.email, link }) };
}

export function accessGrantedMail(input: { companyId: string; companyName: string; name: string; email: string }): MailMessage {
  const t = translator('mail');
  return {
    companyId: input.companyId,
    kind: 'access_granted',
    to: input.email,
    subject: t('accessGrantedSubject', { company: input.companyName }),
    text: t('accessGrantedBody', { name: input.name, company: input.companyName, link: appUrl('/login') }),
  };
}

export function groupForwardMail(input: { companyId: string; to: string; groupName: string; ticketId: string; number: number; subject: string }): MailMessage {
  const t = translator('mail');
  return {
    companyId: input.companyId,
    kind: 'group_forward',
    to: input.to,
    subject: t('groupForwardSubject', { number: input.number, group: input.groupName }),
    text: t('groupForwardBody', { number: input.number, subject: input.subject, group: input.groupName, link: appUrl(`/tickets/${input.ticketId}`) }),
  };
}

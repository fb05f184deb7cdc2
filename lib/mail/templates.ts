import { formatSimple } from '@/lib/i18n/fill';
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
    // An import writes thousands of these in a row: filled without the ICU formatter.
    subject: formatSimple(t, 'inviteSubject', { company: input.companyName }),
    text: formatSimple(t, 'inviteBody', { name: input.name, company: input.companyName, link }),
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
    subject: formatSimple(t, 'accessGrantedSubject', { company: input.companyName }),
    text: formatSimple(t, 'accessGrantedBody', { name: input.name, company: input.companyName, link: appUrl('/login') }),
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

// "Quero me cadastrar": until the request is confirmed it concerns only the mailbox's owner
// (no company): no administrator reads these, and the link is theirs alone.

export function signupConfirmMail(input: { email: string; companyName: string; token: string }): MailMessage {
  const t = translator('mail');
  const link = appUrl(`/signup/${input.token}`);
  return {
    companyId: null,
    kind: 'signup_confirm',
    to: input.email,
    subject: t('signupConfirmSubject', { company: input.companyName }),
    text: t('signupConfirmBody', { company: input.companyName, link }),
  };
}

export function signupUnknownCompanyMail(input: { email: string; code: string }): MailMessage {
  const t = translator('mail');
  return {
    companyId: null,
    kind: 'signup_unknown',
    to: input.email,
    subject: t('signupUnknownSubject'),
    text: t('signupUnknownBody', { code: input.code, link: appUrl('/signup') }),
  };
}

export function signupAlreadyMemberMail(input: { email: string; companyName: string }): MailMessage {
  const t = translator('mail');
  return {
    companyId: null,
    kind: 'signup_member',
    to: input.email,
    subject: t('signupMemberSubject', { company: input.companyName }),
    text: t('signupMemberBody', { company: input.companyName, link: appUrl('/login'), forgot: appUrl('/forgot-password') }),
  };
}

export function accessRejectedMail(input: { companyId: string; companyName: string; name: string; email: string; reason: string }): MailMessage {
  const t = translator('mail');
  const reason = input.reason ? t('accessRejectedReason', { reason: input.reason }) : '';
  return {
    companyId: input.companyId,
    kind: 'access_rejected',
    to: input.email,
    subject: t('accessRejectedSubject', { company: input.companyName }),
    text: t('accessRejectedBody', { name: input.name, company: input.companyName, reason }),
  };
}

export function requestsWaitingMail(input: {
  companyId: string;
  companyName: string;
  to: string;
  requests: Array<{ name: string; email: string }>;
  total: number;
}): MailMessage {
  const t = translator('mail');
  const list = input.requests.map((r) => `- ${r.name} <${r.email}>`).join('\n');
  const more = input.total > input.requests.length ? `\n${t('requestsWaitingMore', { count: input.total - input.requests.length })}` : '';
  return {
    companyId: input.companyId,
    kind: 'requests_waiting',
    to: input.to,
    subject: t('requestsWaitingSubject', { count: input.total, company: input.companyName }),
    text: t('requestsWaitingBody', { count: input.total, company: input.companyName, list: list + more, link: appUrl('/requests') }),
  };
}

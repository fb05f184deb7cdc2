// Success messages travel as a key in the query string of the page the action redirects
// to (post/redirect/get): they survive a no-JS POST, and only known keys are ever shown.
export const FLASH_MESSAGES = {
  'signed-out': 'auth.signedOut',
  'password-created': 'auth.passwordCreated',
  'password-reset': 'auth.passwordReset',
  'password-changed': 'profile.passwordChanged',
  'session-ended': 'auth.sessionEnded',
  'session-ended-one': 'sessions.endedOne',
  'session-not-found': 'sessions.notFound',
  'sessions-ended-others': 'sessions.endedOthers',
  'sessions-ended-contact': 'sessions.endedContact',
  saved: 'flash.saved',
  removed: 'flash.removed',
  'tickets-transferred': 'flash.ticketsTransferred',
  'ticket-created': 'tickets.created',
  forwarded: 'groups.forwarded',
  'import-discarded': 'contactImport.discarded',
  'not-found': 'flash.notFound',
  'request-approved': 'requests.approved',
  'request-rejected': 'requests.rejected',
  'request-decided': 'requests.alreadyDecided',
  'request-email-taken': 'requests.emailTaken',
  'request-document-taken': 'requests.documentTaken',
  'domain-auto-taken': 'domains.autoTaken',
  'domain-auto-not-yours': 'domains.autoNotYours',
  restored: 'flash.restored',
  'invitation-resent': 'flash.invitationResent',
  'import-undone': 'contactImport.undone',
  // Names the new administrator: the page passes the company's administrator as {name}.
  'admin-transferred': 'flash.adminTransferred',
  'mail-resent': 'flash.mailResent',
} as const;

export type FlashKey = keyof typeof FLASH_MESSAGES;

/** Messages that report a request that changed nothing: shown as an alert, not as a success. */
export const FLASH_PROBLEMS: ReadonlySet<string> = new Set<FlashKey>([
  'not-found',
  'session-not-found',
  'request-decided',
  'request-email-taken',
  'request-document-taken',
  'domain-auto-taken',
  'domain-auto-not-yours',
]);

export function withFlash(path: string, key: FlashKey): string {
  const [base, hash] = path.split('#', 2) as [string, string | undefined];
  return `${base}${base.includes('?') ? '&' : '?'}notice=${key}${hash ? `#${hash}` : ''}`;
}

export function flashMessageKey(value: string | string[] | undefined): (typeof FLASH_MESSAGES)[FlashKey] | null {
  return typeof value === 'string' && Object.hasOwn(FLASH_MESSAGES, value) ? FLASH_MESSAGES[value as FlashKey] : null;
}

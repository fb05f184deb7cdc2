/**
 * The keys of `contacts` that the list's and the review's rows translate in the browser
 * (contacts-rows.tsx, review-rows.tsx): the rest of the namespace is the page's, rendered on the
 * server, and stays out of the payload. tests/unit/client-message-keys.test.ts checks the rows
 * ask for no other key.
 */
export const CONTACT_ROW_KEYS = [
  'admin',
  'contact',
  'deactivatedBadge',
  'document',
  'email',
  'invitationPending',
  'lastAccess',
  'never',
  'notInformed',
  'phone',
  'removedOn',
  'role',
  'select',
] as const;

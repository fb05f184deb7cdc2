import { domainToASCII } from 'node:url';
import { isPublicMailDomain } from './public-domains';

// What a company domain is, as the administrator types it ("acme.com.br", "@acme.com.br",
// "ACME.com.br", "https://acme.com.br/" or "açaí.com.br") and as it is stored: lower case,
// international names in their ASCII (punycode) form, as e-mail addresses carry them.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type DomainProblem = 'domainRequired' | 'domainInvalid' | 'domainPublic';

/** The stored form of a typed domain, or why it is refused. */
export function parseDomain(input: string): { ok: true; domain: string } | { ok: false; problem: DomainProblem } {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, problem: 'domainRequired' };
  text = text.replace(/^[a-z]+:\/\//, '').replace(/[/?#].*$/, '');
  if (text.includes('@')) text = text.slice(text.lastIndexOf('@') + 1);
  text = text.replace(/^\.+|\.+$/g, '');
  if (text.length > 253 || /\s/.test(text)) return { ok: false, problem: 'domainInvalid' };
  const ascii = domainToASCII(text);
  if (!ascii) return { ok: false, problem: 'domainInvalid' };
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) return { ok: false, problem: 'domainInvalid' };
  if (isPublicMailDomain(ascii)) return { ok: false, problem: 'domainPublic' };
  return { ok: true, domain: ascii };
}

/** The domain of an e-mail address, in the stored form ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '';
  return (
    domainToASCII(
      email
        .slice(at + 1)
        .trim()
        .toLowerCase(),
    ) || ''
  );
}

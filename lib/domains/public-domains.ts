// Free mail providers: anyone can have an address there, so such a domain says nothing about
// who works for a company (PRODUCT.md §10.1). A subdomain of one is refused too.
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.com.br',
  'outlook.com',
  'outlook.com.br',
  'live.com',
  'live.com.br',
  'msn.com',
  'yahoo.com',
  'yahoo.com.br',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'mail.com',
  'zoho.com',
  'zohomail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'qq.com',
  '163.com',
  '126.com',
  'web.de',
  'libero.it',
  'orange.fr',
  'free.fr',
  'laposte.net',
  // Brazil
  'bol.com.br',
  'uol.com.br',
  'terra.com.br',
  'ig.com.br',
  'globo.com',
  'globomail.com',
  'r7.com',
  'zipmail.com.br',
  'oi.com.br',
  'click21.com.br',
  'pop.com.br',
  'superig.com.br',
  // Portugal and Spanish-speaking neighbours
  'sapo.pt',
  'hotmail.es',
  'yahoo.es',
  'yahoo.com.ar',
  'yahoo.com.mx',
]);

/** Whether the domain is a free mail provider's (or a subdomain of one). */
export function isPublicMailDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (PUBLIC_MAIL_DOMAINS.has(labels.slice(i).join('.'))) return true;
  return false;
}

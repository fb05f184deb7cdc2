import { describe, expect, it } from 'vitest';
import { isPublicMailDomain, PUBLIC_MAIL_DOMAINS } from '@/lib/domains/public-domains';
import { emailDomain, parseDomain } from '@/lib/domains/rules';

describe('parseDomain', () => {
  it.each([
    ['acme.com.br', 'acme.com.br'],
    ['  ACME.com.BR ', 'acme.com.br'],
    ['@acme.com.br', 'acme.com.br'],
    ['ana@acme.com.br', 'acme.com.br'],
    ['https://www.acme.com.br/contato', 'www.acme.com.br'],
    ['acme.com.br.', 'acme.com.br'],
    ['açaí.com.br', 'xn--aa-4iaz.com.br'],
    ['sub-dominio.empresa.io', 'sub-dominio.empresa.io'],
  ])('accepts %j as %j', (input, stored) => {
    expect(parseDomain(input)).toEqual({ ok: true, domain: stored });
  });

  it.each([
    ['', 'domainRequired'],
    ['   ', 'domainRequired'],
    ['acme', 'domainInvalid'],
    ['acme..com', 'domainInvalid'],
    ['-acme.com', 'domainInvalid'],
    ['acme-.com', 'domainInvalid'],
    ['acme com.br', 'domainInvalid'],
    ['acme_ltda.com.br', 'domainInvalid'],
    ['192.168.0.1', 'domainInvalid'],
    [`${'a'.repeat(64)}.com`, 'domainInvalid'],
    [`${'a.'.repeat(130)}com`, 'domainInvalid'],
    ['gmail.com', 'domainPublic'],
    ['GMAIL.COM', 'domainPublic'],
    ['@hotmail.com', 'domainPublic'],
    ['yahoo.com.br', 'domainPublic'],
    ['bol.com.br', 'domainPublic'],
    ['uol.com.br', 'domainPublic'],
    ['terra.com.br', 'domainPublic'],
    ['mail.gmail.com', 'domainPublic'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseDomain(input)).toEqual({ ok: false, problem });
  });
});

describe('public mail domains', () => {
  it('lists the providers PRODUCT.md names', () => {
    for (const d of [
      'gmail.com',
      'hotmail.com',
      'outlook.com',
      'live.com',
      'yahoo.com',
      'yahoo.com.br',
      'icloud.com',
      'bol.com.br',
      'uol.com.br',
      'terra.com.br',
    ]) {
      expect(PUBLIC_MAIL_DOMAINS.has(d)).toBe(true);
    }
  });

  it.each([
    'hotmail.fr',
    'hotmail.co.uk',
    'yahoo.co.uk',
    'yahoo.co.jp',
    'outlook.fr',
    'outlook.com.ar',
    'live.fr',
    'live.co.uk',
    'gmx.at',
    'gmail.de',
    'mail.ru',
    'yandex.com.tr',
    'web.de',
    't-online.de',
    'naver.com',
  ])('refuses %s, a free provider under a country ending', (domain) => {
    expect(isPublicMailDomain(domain)).toBe(true);
  });

  it("leaves company domains that merely contain a provider's name", () => {
    for (const d of ['hotmail-parceiros.com.br', 'live-eventos.com.br', 'yahoo.acme.com.br', 'mail.acme.com.br', 'outlook.consultoria.com'])
      expect(isPublicMailDomain(d)).toBe(false);
  });

  it('covers subdomains but not look-alikes', () => {
    expect(isPublicMailDomain('br.gmail.com')).toBe(true);
    expect(isPublicMailDomain('gmail.com.br')).toBe(true);
    expect(isPublicMailDomain('gmailacme.com.br')).toBe(false);
    expect(isPublicMailDomain('notgmail.com')).toBe(false);
    expect(isPublicMailDomain('uol.com')).toBe(false);
  });
});

describe('emailDomain', () => {
  it('is the stored form of the part after the last @', () => {
    expect(emailDomain('Ana@ACME.com.br')).toBe('acme.com.br');
    expect(emailDomain('"a@b"@acme.io')).toBe('acme.io');
    expect(emailDomain('sem-arroba')).toBe('');
  });
});

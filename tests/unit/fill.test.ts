import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import { catalogs, LOCALES } from '@/lib/i18n/config';
import { fillMessage, formatSimple } from '@/lib/i18n/fill';

// The messages filled without the ICU formatter (lib/i18n/fill.ts) must read exactly as the
// formatter would write them, in every language, with names that look like ICU syntax too.
const FILLED = [
  ['contacts', 'select'],
  ['contactActions', 'menuFor'],
] as const;

describe('fillMessage', () => {
  for (const locale of LOCALES) {
    for (const [namespace, key] of FILLED) {
      it(`${locale} ${namespace}.${key} reads as the formatter writes it`, () => {
        const t = createTranslator({ locale, messages: catalogs[locale], namespace });
        for (const name of ['Luíza Gonçalves', "D'Ávila {x} #1", '']) {
          expect(fillMessage(t.raw(key) as string, { name })).toBe(t(key, { name }));
        }
      });
    }
  }
});

describe('formatSimple', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the e-mails an import writes read as the formatter writes them`, () => {
      const t = createTranslator({ locale, messages: catalogs[locale], namespace: 'mail' });
      const values = { name: "Ana D'Ávila {x}", company: 'Empresa & Cia', link: 'https://portal.example/invite/abc' };
      for (const key of ['inviteSubject', 'inviteBody', 'accessGrantedSubject', 'accessGrantedBody'] as const) {
        expect(formatSimple(t, key, values)).toBe(t(key, values));
      }
    });
  }

  it('leaves a message with a plural or a quote to the formatter', () => {
    const messages = { m: { plural: '{count, plural, one {# linha} other {# linhas}}', quoted: "It''s {name}" } };
    const t = createTranslator({ locale: 'pt-BR', messages, namespace: 'm' });
    expect(formatSimple(t as never, 'plural', { count: 3 } as never)).toBe('3 linhas');
    expect(formatSimple(t as never, 'quoted', { name: 'Ana' })).toBe("It's Ana");
  });
});

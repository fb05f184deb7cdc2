import { beforeEach, describe, expect, it, vi } from 'vitest';

// The request's language, as next-intl reads it from the cookie.
let requestLocale = 'pt-BR';
vi.mock('next-intl/server', () => ({ getLocale: async () => requestLocale }));
const { getFormatter, getTranslations } = await import('@/lib/i18n/server');

describe("the server's translators, kept for the process", () => {
  beforeEach(() => {
    requestLocale = 'pt-BR';
  });

  it("translate in the request's language, with values, plurals and the whole catalogue", async () => {
    const t = await getTranslations('contacts');
    expect(t('title')).toBe('Usuários do Sistema');
    requestLocale = 'en';
    const en = await getTranslations('contacts');
    expect(en('title')).not.toBe('Usuários do Sistema');
    requestLocale = 'pt-BR';
    const nav = await getTranslations('nav');
    expect(nav('pendingCount', { count: 1 })).not.toBe(nav('pendingCount', { count: 2 }));
    const all = await getTranslations();
    expect(all('contacts.title' as never)).toBe('Usuários do Sistema');
    expect(all.has('validation.emailInvalid' as never)).toBe(true);
    expect(all.has('validation.noSuchKey' as never)).toBe(false);
  });

  it('are the same object for every request of one language and namespace', async () => {
    const first = await getTranslations('contacts');
    const again = await getTranslations('contacts');
    expect(again).toBe(first);
    expect(await getTranslations('nav')).not.toBe(first);
    requestLocale = 'en';
    expect(await getTranslations('contacts')).not.toBe(first);
    expect(await getTranslations({ locale: 'pt-BR', namespace: 'contacts' })).toBe(first);
  });

  it("format dates and numbers in the request's language and São Paulo's time, one formatter per language", async () => {
    const format = await getFormatter();
    expect(await getFormatter()).toBe(format);
    // 02:30 UTC is still the day before in São Paulo (UTC−3).
    expect(format.dateTime(new Date('2026-12-05T02:30:00Z'), { dateStyle: 'short' })).toBe('04/12/2026');
    expect(format.number(3000)).toBe('3.000');
    requestLocale = 'en';
    const en = await getFormatter();
    expect(en).not.toBe(format);
    expect(en.number(3000)).toBe('3,000');
  });
});

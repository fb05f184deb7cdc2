import { describe, expect, it } from 'vitest';
import ptBR from '@/lib/i18n/messages/pt-BR.json';
import en from '@/lib/i18n/messages/en.json';
import { translator } from '@/lib/i18n/translator';

/** Every leaf as a dotted path, e.g. "auth.signIn". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  const pt = keyPaths(ptBR);
  const eng = keyPaths(en);

  it('are not empty', () => {
    expect(pt.length).toBeGreaterThan(20);
  });

  it('pt-BR and en have exactly the same keys', () => {
    expect([...eng].sort()).toEqual([...pt].sort());
  });

  it('have only non-empty strings as leaves', () => {
    for (const [name, catalog] of [
      ['pt-BR', ptBR],
      ['en', en],
    ] as const) {
      const bad = keyPaths(catalog).filter((path) => {
        const leaf = path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], catalog);
        return typeof leaf !== 'string' || leaf.trim() === '';
      });
      expect(bad, name).toEqual([]);
    }
  });

  it('keyPaths sees nested keys', () => {
    expect(keyPaths({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual(['a.b', 'a.c.d', 'e']);
  });
});

describe('translator', () => {
  it('renders the invitation subject with the company name in pt-BR by default', () => {
    const t = translator('mail');
    expect(t('inviteSubject', { company: 'Padaria Pão Quente Ltda' })).toBe('Seu acesso ao portal de suporte – Padaria Pão Quente Ltda');
  });

  it('renders it in English when asked', () => {
    const t = translator('mail', 'en');
    expect(t('inviteSubject', { company: 'Acme' })).toBe('Your access to the support portal – Acme');
  });

  it('fills every placeholder of the invitation body', () => {
    const body = translator('mail')('inviteBody', { name: 'Ana', company: 'Acme', link: 'https://portal.example/invite/abc' });
    expect(body).toContain('Olá, Ana!');
    expect(body).toContain('Acme');
    expect(body).toContain('https://portal.example/invite/abc');
    expect(body).not.toMatch(/[{}]/);
  });
});

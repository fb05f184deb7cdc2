import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTACT_ROW_KEYS } from '@/components/contacts/row-messages';
import ptBR from '@/lib/i18n/messages/pt-BR.json';
import en from '@/lib/i18n/messages/en.json';

/** The keys a client component asks of a namespace, read from its source: every call of a translator bound to it. */
function keysAsked(file: string, namespace: string): { keys: string[]; dynamic: string[] } {
  const source = readFileSync(file, 'utf8');
  const names = [...source.matchAll(new RegExp(`const (\\w+) = useTranslations\\('${namespace}'\\)`, 'g'))].map((m) => m[1]!);
  const keys: string[] = [];
  const dynamic: string[] = [];
  for (const name of names) {
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.raw)?\\(([^)]*)`, 'g'))) {
      const literal = /^'([^']+)'/.exec(call[1]!);
      if (literal) keys.push(literal[1]!);
      else dynamic.push(call[0]);
    }
  }
  return { keys, dynamic };
}

describe('the messages the contacts rows carry to the browser', () => {
  const files = ['components/contacts/contacts-rows.tsx', 'components/contacts/review-rows.tsx'];

  it.each(files)('%s asks `contacts` only for the keys the list sends, each by its name', (file) => {
    const { keys, dynamic } = keysAsked(file, 'contacts');
    expect(keys.length).toBeGreaterThan(0);
    expect(dynamic).toEqual([]);
    for (const key of keys) expect(CONTACT_ROW_KEYS, `${file}: ${key}`).toContain(key);
  });

  it('every key sent exists in each language', () => {
    for (const catalogue of [ptBR, en]) for (const key of CONTACT_ROW_KEYS) expect(catalogue.contacts).toHaveProperty(key);
  });
});

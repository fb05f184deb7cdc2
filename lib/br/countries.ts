import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';

export type Country = { code: string; name: string };

type Locale = 'pt-BR' | 'en';

const LOCALES: readonly Locale[] = ['pt-BR', 'en'];

const cache = new Map<Locale, readonly Country[]>();

function displayNames(locale: Locale, style: 'long' | 'short' = 'long'): Intl.DisplayNames {
  return new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'code' });
}

/**
 * Every ISO 3166-1 alpha-2 code libphonenumber-js knows, named in `locale`, Brasil first
 * and the rest sorted by name. Computed once per locale; each call returns a fresh array.
 */
export function countries(locale: Locale = 'pt-BR'): Country[] {
  let list = cache.get(locale);
  if (!list) {
    const names = displayNames(locale);
    const named = getCountries().map((code): Country => Object.freeze({ code, name: names.of(code) ?? code }));
    const brazil = named.filter((c) => c.code === 'BR');
    const rest = named.filter((c) => c.code !== 'BR').sort((a, b) => a.name.localeCompare(b.name, locale));
    list = Object.freeze([...brazil, ...rest]);
    cache.set(locale, list);
  }
  return [...list];
}

/** An upper-case ISO 3166-1 alpha-2 code that libphonenumber-js supports ('BR', not 'br'). */
export function isCountryCode(code: string): boolean {
  return isSupportedCountry(code);
}

/** Lower case, without accents; anything that is not a letter or digit becomes one space. */
function nameKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let byName: ReadonlyMap<string, string> | undefined;

/** Portuguese and English names, long and short ("Estados Unidos", "EUA", "UK"). */
function nameIndex(): ReadonlyMap<string, string> {
  if (!byName) {
    const index = new Map<string, string>();
    for (const locale of LOCALES) {
      for (const style of ['long', 'short'] as const) {
        const names = displayNames(locale, style);
        for (const code of getCountries()) {
          const key = nameKey(names.of(code) ?? '');
          // The first locale wins a (so far hypothetical) clash between two countries' names.
          if (key !== '' && !index.has(key)) index.set(key, code);
        }
      }
    }
    byName = index;
  }
  return byName;
}

/**
 * A country typed in an imported file: an ISO code in any case ('br', ' Br ') or a name
 * in Portuguese or English compared without case, accents or punctuation ('BRASIL',
 * 'Estados Unidos', 'Germany', 'Cote d'Ivoire'). Returns the ISO code, or null.
 */
export function countryFromInput(value: string): string | null {
  const trimmed = value.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (isSupportedCountry(code)) return code;
  }
  const key = nameKey(trimmed);
  if (key === '') return null;
  return nameIndex().get(key) ?? null;
}

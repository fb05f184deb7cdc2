import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { countries, countryFromInput, isCountryCode } from '@/lib/br/countries';

describe('countries', () => {
  it('lists every code libphonenumber-js knows, once', () => {
    const list = countries();
    const codes = list.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...getCountries()].sort());
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('puts Brasil first, then sorts by Portuguese name', () => {
    const list = countries();
    expect(list[0]).toEqual({ code: 'BR', name: 'Brasil' });
    const rest = list.slice(1);
    for (let i = 1; i < rest.length; i++) {
      expect(rest[i - 1]!.name.localeCompare(rest[i]!.name, 'pt-BR')).toBeLessThanOrEqual(0);
    }
    // Accented initials sort with their base letter: África do Sul right after Afeganistão.
    expect(rest.slice(0, 3).map((c) => c.code)).toEqual(['AF', 'ZA', 'AL']);
  });

  it('names countries in Portuguese by default', () => {
    const names = new Map(countries().map((c) => [c.code, c.name]));
    expect(names.get('US')).toBe('Estados Unidos');
    expect(names.get('DE')).toBe('Alemanha');
    expect(names.get('PT')).toBe('Portugal');
  });

  it('names countries in English on request, Brazil still first', () => {
    const list = countries('en');
    expect(list[0]).toEqual({ code: 'BR', name: 'Brazil' });
    const names = new Map(list.map((c) => [c.code, c.name]));
    expect(names.get('DE')).toBe('Germany');
    expect(list[1]!.code).toBe('AF'); // Afghanistan
    expect(list.findIndex((c) => c.code === 'AX')).toBe(2); // Åland Islands sorts as "Aland"
  });

  it('does not let callers change the cached list', () => {
    const first = countries();
    first.reverse();
    first.push({ code: 'ZZ', name: 'Nowhere' });
    const again = countries();
    expect(again[0]!.code).toBe('BR');
    expect(again.some((c) => c.code === 'ZZ')).toBe(false);
    expect(() => {
      (again[0] as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
    expect(countries()[0]!.name).toBe('Brasil');
  });
});

describe('isCountryCode', () => {
  it('accepts supported upper-case codes', () => {
    expect(isCountryCode('BR')).toBe(true);
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('XK')).toBe(true); // Kosovo, not in ISO 3166-1 but in libphonenumber-js
  });

  it('rejects anything else', () => {
    expect(isCountryCode('br')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('BRA')).toBe(false);
    expect(isCountryCode('')).toBe(false);
    expect(isCountryCode('Brasil')).toBe(false);
  });
});

describe('countryFromInput', () => {
  it('accepts an ISO code in any case', () => {
    expect(countryFromInput('BR')).toBe('BR');
    expect(countryFromInput('br')).toBe('BR');
    expect(countryFromInput(' Br ')).toBe('BR');
    expect(countryFromInput('us')).toBe('US');
  });

  it('accepts Portuguese names without regard to case or accents', () => {
    expect(countryFromInput('Brasil')).toBe('BR');
    expect(countryFromInput('brasil')).toBe('BR');
    expect(countryFromInput('BRASIL')).toBe('BR');
    expect(countryFromInput('Estados Unidos')).toBe('US');
    expect(countryFromInput('  estados   unidos ')).toBe('US');
    expect(countryFromInput('Alemanha')).toBe('DE');
    expect(countryFromInput('Portugal')).toBe('PT');
    expect(countryFromInput('Japão')).toBe('JP');
    expect(countryFromInput('JAPAO')).toBe('JP');
    expect(countryFromInput('África do Sul')).toBe('ZA');
    expect(countryFromInput('Guiné-Bissau')).toBe('GW');
    expect(countryFromInput('Guine Bissau')).toBe('GW');
  });

  it('accepts English names', () => {
    expect(countryFromInput('Brazil')).toBe('BR');
    expect(countryFromInput('Germany')).toBe('DE');
    expect(countryFromInput('united states')).toBe('US');
    expect(countryFromInput("Cote d'Ivoire")).toBe('CI');
  });

  it('accepts common short names', () => {
    expect(countryFromInput('EUA')).toBe('US');
    expect(countryFromInput('UK')).toBe('GB');
  });

  it('returns null for anything else', () => {
    expect(countryFromInput('')).toBeNull();
    expect(countryFromInput('   ')).toBeNull();
    expect(countryFromInput('XX')).toBeNull();
    expect(countryFromInput('BRA')).toBeNull();
    expect(countryFromInput('Brasilia')).toBeNull();
    expect(countryFromInput('Atlantis')).toBeNull();
    expect(countryFromInput('--')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { BRAZILIAN_AREA_CODES, isBrazilianAreaCode, normaliseAreaCode } from '@/lib/br/ddd';

// Written out independently of the implementation (Anatel's list).
const EXPECTED = `
  11 12 13 14 15 16 17 18 19
  21 22 24 27 28
  31 32 33 34 35 37 38
  41 42 43 44 45 46 47 48 49
  51 53 54 55
  61 62 63 64 65 66 67 68 69
  71 73 74 75 77 79
  81 82 83 84 85 86 87 88 89
  91 92 93 94 95 96 97 98 99
`
  .trim()
  .split(/\s+/);

describe('BRAZILIAN_AREA_CODES', () => {
  it('has exactly 67 codes', () => {
    expect(BRAZILIAN_AREA_CODES).toHaveLength(67);
    expect(new Set(BRAZILIAN_AREA_CODES).size).toBe(67);
  });

  it('is the Anatel list, ascending, as two-digit strings', () => {
    expect(EXPECTED).toHaveLength(67);
    expect([...BRAZILIAN_AREA_CODES]).toEqual(EXPECTED);
    for (const code of BRAZILIAN_AREA_CODES) expect(code).toMatch(/^[1-9][1-9]$/);
  });

  it('leaves out the unassigned codes', () => {
    for (const code of [
      '10',
      '20',
      '23',
      '25',
      '26',
      '29',
      '30',
      '36',
      '39',
      '40',
      '50',
      '52',
      '56',
      '57',
      '58',
      '59',
      '60',
      '70',
      '72',
      '76',
      '78',
      '80',
      '90',
    ]) {
      expect(BRAZILIAN_AREA_CODES).not.toContain(code);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(BRAZILIAN_AREA_CODES)).toBe(true);
  });
});

describe('isBrazilianAreaCode', () => {
  it('accepts every listed code', () => {
    for (const code of EXPECTED) expect(isBrazilianAreaCode(code)).toBe(true);
  });

  it('accepts spaces, parentheses and the trunk prefix 0', () => {
    expect(isBrazilianAreaCode('11')).toBe(true);
    expect(isBrazilianAreaCode(' 11 ')).toBe(true);
    expect(isBrazilianAreaCode('(11)')).toBe(true);
    expect(isBrazilianAreaCode('011')).toBe(true);
    expect(isBrazilianAreaCode('(061)')).toBe(true);
    expect(isBrazilianAreaCode('99')).toBe(true);
  });

  it('rejects unassigned codes and wrong lengths', () => {
    expect(isBrazilianAreaCode('10')).toBe(false);
    expect(isBrazilianAreaCode('20')).toBe(false);
    expect(isBrazilianAreaCode('23')).toBe(false);
    expect(isBrazilianAreaCode('1')).toBe(false);
    expect(isBrazilianAreaCode('100')).toBe(false);
    expect(isBrazilianAreaCode('111')).toBe(false);
    expect(isBrazilianAreaCode('0011')).toBe(false);
    expect(isBrazilianAreaCode('00')).toBe(false);
    expect(isBrazilianAreaCode('010')).toBe(false);
  });

  it('rejects empty input and stray characters', () => {
    expect(isBrazilianAreaCode('')).toBe(false);
    expect(isBrazilianAreaCode('   ')).toBe(false);
    expect(isBrazilianAreaCode('()')).toBe(false);
    expect(isBrazilianAreaCode('1a1')).toBe(false);
    expect(isBrazilianAreaCode('+11')).toBe(false);
    expect(isBrazilianAreaCode('١١')).toBe(false); // Arabic-Indic digits are not \d
  });
});

describe('normaliseAreaCode', () => {
  it('keeps digits only', () => {
    expect(normaliseAreaCode(' (11) ')).toBe('11');
    expect(normaliseAreaCode('48')).toBe('48');
    expect(normaliseAreaCode('')).toBe('');
  });

  it('drops the trunk prefix of a three-digit code', () => {
    expect(normaliseAreaCode('011')).toBe('11');
    expect(normaliseAreaCode('(021)')).toBe('21');
  });

  it('leaves other shapes alone', () => {
    expect(normaliseAreaCode('111')).toBe('111');
    expect(normaliseAreaCode('0011')).toBe('0011');
    expect(normaliseAreaCode('01')).toBe('01');
  });
});

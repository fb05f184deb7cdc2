import { describe, expect, it } from 'vitest';
import { cpfFromBase, formatCpf, isValidCpf, onlyDigits } from '@/lib/br/cpf';

describe('isValidCpf', () => {
  it.each(['529.982.247-25', '52998224725', '111.444.777-35', '11144477735', '123.456.789-09', '12345678909'])('accepts the valid CPF %s', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it('accepts surrounding whitespace', () => {
    expect(isValidCpf('  529.982.247-25 ')).toBe(true);
  });

  it.each([
    '529.982.247-24', // last check digit wrong
    '529.982.247-35', // first check digit wrong
    '52998224726',
    '11144477736',
    '12345678900',
    '12345678919',
  ])('rejects %s (wrong check digits)', (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });

  const repeated = Array.from({ length: 10 }, (_, d) => String(d).repeat(11));
  it.each(repeated)('rejects the repeated-digit CPF %s, unmasked and masked', (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
    expect(isValidCpf(formatCpf(cpf))).toBe(false);
  });

  it('covers all ten repeated-digit CPFs', () => {
    expect(repeated).toHaveLength(10);
    expect(formatCpf(repeated[9]!)).toBe('999.999.999-99');
  });

  it.each(['', '5299822472', '529982247250', '529.982.247-2', '529.982.247-255'])('rejects the wrong length %j', (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });

  it.each(['529a982b24725', '529.982.247-25x', 'abc', 'cpf 52998224725', '529/982/247-25'])('rejects %j (characters other than the mask)', (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe('onlyDigits', () => {
  it('strips the mask', () => {
    expect(onlyDigits('529.982.247-25')).toBe('52998224725');
  });
});

describe('formatCpf', () => {
  it('masks 11 digits', () => {
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
  });

  it('keeps an already masked CPF masked', () => {
    expect(formatCpf('529.982.247-25')).toBe('529.982.247-25');
  });

  it('returns anything that is not 11 digits as stored', () => {
    expect(formatCpf('1234')).toBe('1234');
    expect(formatCpf('')).toBe('');
    expect(formatCpf('X-123')).toBe('X-123');
  });
});

describe('cpfFromBase', () => {
  it.each([
    ['529982247', '52998224725'],
    ['111444777', '11144477735'],
    ['123456789', '12345678909'],
  ])('completes %s to the known CPF %s', (base, cpf) => {
    expect(cpfFromBase(base)).toBe(cpf);
  });

  it.each(['1', '42', '987654321', '100000000', '000000001', '314159265'])('produces a valid 11-digit CPF from %s', (base) => {
    const cpf = cpfFromBase(base);
    expect(cpf).toMatch(/^\d{11}$/);
    expect(cpf.startsWith(base.padStart(9, '0'))).toBe(true);
    expect(isValidCpf(cpf)).toBe(true);
  });
});

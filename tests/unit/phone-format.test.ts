import { describe, expect, it } from 'vitest';
import { formatBrazilianPhone } from '@/lib/br/phone';
import { formatDocument, formatPhone } from '@/lib/contacts/format';

describe('formatBrazilianPhone', () => {
  it('formats a 9-digit mobile number', () => {
    expect(formatBrazilianPhone('11', '987654321')).toBe('(11) 98765-4321');
  });

  it('formats an 8-digit landline', () => {
    expect(formatBrazilianPhone('11', '34567890')).toBe('(11) 3456-7890');
  });

  it('ignores non-digits in the number', () => {
    expect(formatBrazilianPhone('21', '98765-4321')).toBe('(21) 98765-4321');
  });

  it('shows other shapes as stored', () => {
    expect(formatBrazilianPhone('11', '12345')).toBe('(11) 12345');
  });
});

describe('formatDocument', () => {
  it('masks a Brazilian CPF', () => {
    expect(formatDocument('BR', '52998224725')).toBe('529.982.247-25');
  });

  it('shows a foreign document as stored', () => {
    expect(formatDocument('US', '52998224725')).toBe('52998224725');
    expect(formatDocument('PT', 'AB-123 456')).toBe('AB-123 456');
  });

  it('returns null without a document', () => {
    expect(formatDocument('BR', null)).toBeNull();
    expect(formatDocument('US', '')).toBeNull();
  });
});

describe('formatPhone', () => {
  it('formats Brazilian mobile and landline numbers', () => {
    expect(formatPhone('BR', '11', '987654321')).toBe('(11) 98765-4321');
    expect(formatPhone('BR', '48', '32345678')).toBe('(48) 3234-5678');
  });

  it('joins area code and number for other countries', () => {
    expect(formatPhone('US', '212', '5550123')).toBe('212 5550123');
  });

  it('leaves out a missing area code', () => {
    expect(formatPhone('US', null, '5550123')).toBe('5550123');
    expect(formatPhone('BR', null, '987654321')).toBe('987654321');
  });

  it('returns null without a phone number', () => {
    expect(formatPhone('BR', '11', null)).toBeNull();
    expect(formatPhone('US', '212', '')).toBeNull();
  });
});

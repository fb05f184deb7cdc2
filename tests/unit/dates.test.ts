import { describe, expect, it } from 'vitest';
import { dayAfter, parseDay } from '@/lib/forms/dates';

describe('a day typed in a filter (issue finding 8)', () => {
  it('is the instant the day starts in São Paulo', () => {
    expect(parseDay('2024-03-10')).toEqual(new Date('2024-03-10T03:00:00.000Z'));
    expect(dayAfter(parseDay('2024-12-31') as Date)).toEqual(new Date('2025-01-01T03:00:00.000Z'));
    expect(parseDay('')).toBeNull();
  });

  it('refuses what is not a day of the calendar within 1900–2999', () => {
    for (const value of [
      '0000-01-01',
      '9999-12-31',
      '1899-12-31',
      '3000-01-01',
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '275760-09-13',
      '10/03/2024',
      '2024-3-1',
      'x',
    ]) {
      expect(parseDay(value), value).toBe('invalid');
    }
    expect(parseDay('2024-02-29')).toBeInstanceOf(Date);
    expect(parseDay('1900-01-01')).toBeInstanceOf(Date);
    expect(parseDay('2999-12-31')).toBeInstanceOf(Date);
  });
});

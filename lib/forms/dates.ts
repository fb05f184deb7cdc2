import { TIME_ZONE } from '@/lib/i18n/config';
// A day typed in a date field of a filter (yyyy-mm-dd). The browser's picker keeps to the
// range below; an address can carry anything, so the server checks again.

/** The days a filter accepts. Year 0000 and years past 9999 break the database's timestamps. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

/** Offset of São Paulo time, where the administrators' days begin (no daylight saving since 2019). */
const SAO_PAULO_OFFSET_HOURS = 3;

/**
 * The instant the day starts in São Paulo; null for an empty field; 'invalid' for anything
 * that is not a day of the calendar (2024-02-31) inside FIRST_DAY…LAST_DAY.
 */
export function parseDay(value: string): Date | null | 'invalid' {
  if (value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || value < FIRST_DAY || value > LAST_DAY) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return 'invalid';
  return new Date(utc.getTime() + SAO_PAULO_OFFSET_HOURS * 3_600_000);
}

/** The start of the day after: the exclusive end of a period that includes `day`. */
export function dayAfter(day: Date): Date {
  return new Date(day.getTime() + 86_400_000);
}

/** Whole days from a moment to now ("Sem acesso há 120 dias"). */
export function daysSince(moment: Date, now = Date.now()): number {
  return Math.floor((now - new Date(moment).getTime()) / 86_400_000);
}

// One formatter per locale and style for the life of the process: building an
// Intl.DateTimeFormat costs more than formatting with it, and a table formats a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cached(locale: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'short', ...(style === 'dateTime' ? { timeStyle: 'short' } : {}), timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** "04/12/2026" in the portal's time zone. */
export const dateFormat = (locale: string) => cached(locale, 'date');
/** "04/12/2026, 15:39" in the portal's time zone. */
export const dateTimeFormat = (locale: string) => cached(locale, 'dateTime');

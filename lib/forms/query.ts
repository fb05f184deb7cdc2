import { z } from '@/lib/forms/zod';
import { requestedPage } from './paging';

// What a page reads from its address, parsed once by the page through one schema per list,
// and trusted below it. Anyone can type anything there: every parser falls back to a sane
// value instead of failing (a search term cut to 100 characters, an unknown sort becomes the
// default, a page number out of range becomes one that exists).

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const str = z.preprocess(first, z.string().catch('')).catch('');

/** A search term: trimmed, at most 100 characters, '' when absent. */
export const searchTerm = str.transform((s) => s.trim().slice(0, 100));

/** A free text (a date as typed, a flash key): at most `max` characters, '' when absent. */
export const plainText = (max = 100) => str.transform((s) => s.slice(0, max));

/** A page number (lib/forms/paging.ts): 1 for nonsense, never past MAX_PAGE. */
export const pageNumber = str.transform((s) => requestedPage(s || undefined));

/** One of a list of values, or the default. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(first, z.enum(values).catch(fallback)).catch(fallback) as z.ZodType<T[number]>;

/** The page's query, parsed by its schema (never throws). */
export function parseQuery<S extends z.ZodType>(schema: S, params: SearchParams): z.output<S> {
  return schema.parse(params);
}

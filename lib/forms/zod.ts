import { z } from 'zod';

// Every schema imports z from here, so this runs before the first schema is built. zod
// compiles object parsers with `new Function` when the page allows it, and finds out by
// trying once: under the Content-Security-Policy (no 'unsafe-eval') that try is refused and
// reported as a violation on every page with a form. In the browser, skip the compiler (and
// the try); the server keeps it, where the CSV import parses thousands of rows.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };

/**
 * The version an edit form started from (optimistic concurrency). Only a tampered or broken
 * page sends anything but a positive integer: it is told to reload, in its language.
 */
export const formVersion = z.coerce.number('versionInvalid').int('versionInvalid').min(1, 'versionInvalid').max(2_147_483_647, 'versionInvalid');

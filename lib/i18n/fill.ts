/**
 * A message of plain text and `{name}`-style arguments, filled without ICU parsing: for labels
 * repeated on every row of a list, where formatting each one cost measurable time per page
 * (bench/README.md). Only for messages with no plural, select or quote (tests/unit/fill.test.ts
 * checks the ones used this way against the real formatter).
 */
export function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Plain text and `{name}` arguments only: no plural, select, quote, `#` or tag. */
const SIMPLE = /^[^{}'#<>]*(?:\{\w+\}[^{}'#<>]*)*$/;

/**
 * `t(key, values)`, filled without the ICU formatter when the message is simple (SIMPLE): for
 * messages written thousands of times in a row (an import's invitation e-mails).
 */
export function formatSimple<K extends string>(
  t: { (key: K, values: Record<string, string>): string; raw(key: K): unknown },
  key: K,
  values: Record<string, string>,
): string {
  const raw = t.raw(key);
  return typeof raw === 'string' && SIMPLE.test(raw) ? fillMessage(raw, values) : t(key, values);
}

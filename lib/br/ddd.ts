/**
 * Brazilian area codes (DDD, "Discagem Direta a Distância") as assigned by Anatel:
 * 67 two-digit codes. Pure helpers, safe on the client and the server.
 */

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The 67 valid DDDs, ascending, as two-digit strings ('11' … '99'). */
export const BRAZILIAN_AREA_CODES: readonly string[] = Object.freeze([
  ...range(11, 19),
  '21',
  '22',
  '24',
  '27',
  '28',
  ...range(31, 35),
  '37',
  '38',
  ...range(41, 49),
  '51',
  '53',
  '54',
  '55',
  ...range(61, 69),
  '71',
  '73',
  '74',
  '75',
  '77',
  '79',
  ...range(81, 89),
  ...range(91, 99),
]);

const AREA_CODE_SET: ReadonlySet<string> = new Set(BRAZILIAN_AREA_CODES);

/** Characters a person may type around a DDD: digits, spaces and parentheses ("(11)"). */
const AREA_CODE_INPUT = /^[\d\s()]*$/;

/**
 * Digits only; a three-digit value starting with the trunk prefix 0, as dialled inside
 * Brazil ("011"), loses the 0. Anything else is returned as its digits, unvalidated.
 */
export function normaliseAreaCode(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 3 && digits.startsWith('0') ? digits.slice(1) : digits;
}

/** '11', ' 11 ', '(11)' and '011' are valid; '10', '20', '1', '100', '' and '1a1' are not. */
export function isBrazilianAreaCode(value: string): boolean {
  if (!AREA_CODE_INPUT.test(value)) return false;
  return AREA_CODE_SET.has(normaliseAreaCode(value));
}

import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isBrazilianAreaCode, normaliseAreaCode } from './ddd';

/** (11) 98765-4321 or (11) 3456-7890; other shapes are shown as stored. */
export function formatBrazilianPhone(areaCode: string, number: string): string {
  const n = number.replace(/\D/g, '');
  const body = n.length === 9 ? `${n.slice(0, 5)}-${n.slice(5)}` : n.length === 8 ? `${n.slice(0, 4)}-${n.slice(4)}` : number;
  return `(${areaCode}) ${body}`;
}

export type PhoneProblem =
  'required' | 'invalid' | 'mobileMustStartWith9' | 'landlineMustStartWith2to5' | 'wrongLength' | 'areaCodeRequired' | 'areaCodeInvalid';

export type PhoneFailure = { ok: false; field: 'areaCode' | 'phone'; problem: PhoneProblem };

/**
 * Characters accepted around the digits of a number ("98765-4321", "9 8765 4321",
 * "(11) 98765-4321", "+1 202.456.1111"); they are dropped. Letters or other symbols
 * make the number 'invalid' rather than being silently discarded.
 */
const PHONE_INPUT = /^[\d\s().\-/+]*$/;

const phoneFailure = (field: 'areaCode' | 'phone', problem: PhoneProblem): PhoneFailure => ({ ok: false, field, problem });

/**
 * Brazil (PRODUCT.md 2.1): the DDD is one of the 67 area codes; a mobile number has
 * 9 digits starting with 9, a landline 8 digits starting with 2–5. The area code is
 * checked first. On success both are returned as digits only ('011' → '11').
 */
/**
 * Everything wrong with a Brazilian area code and number, the area code's problem and the
 * number's together (a form reports both in one submit); empty when both are right.
 */
export function brazilianPhoneProblems(areaCode: string, number: string): PhoneFailure[] {
  const problems: PhoneFailure[] = [];
  if (areaCode.trim() === '') problems.push(phoneFailure('areaCode', 'areaCodeRequired'));
  else if (!isBrazilianAreaCode(areaCode)) problems.push(phoneFailure('areaCode', 'areaCodeInvalid'));
  const numberProblem = brazilianNumberProblem(number);
  if (numberProblem) problems.push(phoneFailure('phone', numberProblem));
  return problems;
}

function brazilianNumberProblem(number: string): PhoneProblem | null {
  if (number.trim() === '') return 'required';
  if (!PHONE_INPUT.test(number)) return 'invalid';
  const digits = number.replace(/\D/g, '');
  if (digits === '') return 'invalid';
  if (digits.length === 9) return digits.startsWith('9') ? null : 'mobileMustStartWith9';
  if (digits.length === 8) return /^[2-5]/.test(digits) ? null : 'landlineMustStartWith2to5';
  return 'wrongLength';
}

export function checkBrazilianPhone(areaCode: string, number: string): { ok: true; areaCode: string; number: string } | PhoneFailure {
  const [first] = brazilianPhoneProblems(areaCode, number);
  if (first) return first;
  return { ok: true, areaCode: normaliseAreaCode(areaCode), number: number.replace(/\D/g, '') };
}

/**
 * Any other country: area code (may be empty) and number, digits only, must together
 * form a number that libphonenumber-js (full "max" metadata) deems valid for that very
 * country (an area code with letters is 'areaCodeInvalid'; everything else is reported on
 * the number). The country is required to match exactly, which also rejects digits that
 * dial out of the country through an international prefix ('00' in PT, '011' in the US)
 * and numbers of another region sharing the calling code (a Canadian number for 'US').
 * A Brazilian country code is checked with the Brazilian rules instead. An unknown
 * country code makes the number 'invalid'.
 */
export function checkForeignPhone(
  country: string,
  areaCode: string,
  number: string,
): { ok: true; areaCode: string; number: string; e164: string } | PhoneFailure {
  const code = country.trim().toUpperCase();
  if (code === 'BR') {
    const br = checkBrazilianPhone(areaCode, number);
    return br.ok ? { ...br, e164: `+55${br.areaCode}${br.number}` } : br;
  }

  if (number.trim() === '') return phoneFailure('phone', 'required');
  if (!PHONE_INPUT.test(areaCode)) return phoneFailure('areaCode', 'areaCodeInvalid');
  if (!PHONE_INPUT.test(number)) return phoneFailure('phone', 'invalid');
  if (!isSupportedCountry(code)) return phoneFailure('phone', 'invalid');

  const area = areaCode.replace(/\D/g, '');
  const digits = number.replace(/\D/g, '');
  if (digits === '') return phoneFailure('phone', 'invalid');

  const parsed = parsePhoneNumberFromString(area + digits, code);
  if (!parsed || !parsed.isValid() || parsed.country !== code) return phoneFailure('phone', 'invalid');
  return { ok: true, areaCode: area, number: digits, e164: parsed.number };
}

/**
 * Everything wrong with an area code and number for `country`: both problems of a Brazilian
 * number at once (brazilianPhoneProblems), the one problem of any other (checkForeignPhone).
 * What a form and "Meu perfil" report; empty when the phone is right.
 */
export function phoneProblems(country: string, areaCode: string, number: string): PhoneFailure[] {
  if (country === 'BR') return brazilianPhoneProblems(areaCode, number);
  const foreign = checkForeignPhone(country, areaCode, number);
  return foreign.ok ? [] : [foreign];
}

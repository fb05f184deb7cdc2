/** Digits only: accepts "123.456.789-09" as well as "12345678909". */
export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}

function checkDigit(digits: number[], length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += digits[i]! * (length + 1 - i);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** A valid CPF: 11 digits, right check digits, not one digit repeated. */
export function isValidCpf(value: string): boolean {
  const cpf = onlyDigits(value);
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  // Only the mask characters may surround the digits.
  if (!/^[\d.\-\s]+$/.test(value.trim())) return false;
  const d = cpf.split('').map(Number);
  return checkDigit(d, 9) === d[9] && checkDigit(d, 10) === d[10];
}

/** 000.000.000-00; anything that is not 11 digits is shown as stored. */
export function formatCpf(value: string): string {
  const d = onlyDigits(value);
  if (d.length !== 11) return value;
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/** Completes the check digits of a 9-digit base (demo data, tests, benchmarks). */
export function cpfFromBase(base: string): string {
  const d = base.padStart(9, '0').slice(0, 9).split('').map(Number);
  d.push(checkDigit(d, 9));
  d.push(checkDigit(d, 10));
  return d.join('');
}

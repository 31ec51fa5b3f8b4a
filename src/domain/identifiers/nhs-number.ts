/**
 * NHS numbers (NHS Data Dictionary, "NHS Number"): 10 digits, the last a modulus 11 check digit. The first nine
 * digits are weighted 10 down to 2 and summed; the check digit is 11 minus the remainder of the sum divided by
 * 11, where 11 becomes 0 and 10 means the number is not valid.
 */

/** The NHS number as stored: its digits only, so "943 476 5919" and "943-476-5919" are the same number. */
export function normaliseNhsNumber(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

/** The check digit the first nine digits call for, or undefined when no check digit can be valid (10). */
export function nhsCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

export type NhsNumberProblem = 'length' | 'characters' | 'check-digit';

/** Why an NHS number is not valid, or undefined when it is. Normalise it first. */
export function nhsNumberProblem(nhsNumber: string): NhsNumberProblem | undefined {
  if (!/^\d+$/.test(nhsNumber)) return 'characters';
  if (nhsNumber.length !== 10) return 'length';
  return nhsCheckDigit(nhsNumber.slice(0, 9)) === Number(nhsNumber[9]) ? undefined : 'check-digit';
}

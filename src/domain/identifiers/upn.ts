/**
 * Unique pupil numbers (DfE, "Unique pupil numbers (UPNs): a guide for schools and local authorities"): 13
 * characters, a check letter then 12 characters. The check letter is the sum of characters 2 to 13, each
 * multiplied by its position (2 to 13), taken modulo 23 and read from the 23 letters without I, O and S.
 * A temporary UPN ends in a letter, which counts as its place in that same alphabet (A = 0 … Z = 22).
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The UPN written the way it is stored: upper case, without spaces. */
export function normaliseUpn(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** The check letter a UPN's last 12 characters call for, or undefined if they are not 11 digits and a digit or letter. */
export function upnCheckLetter(body: string): string | undefined {
  if (!/^\d{11}[0-9A-HJ-NPQRT-Z]$/.test(body)) return undefined;
  let sum = 0;
  for (let index = 0; index < 12; index++) {
    const character = body[index]!;
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character);
    sum += value * (index + 2);
  }
  return CHECK_LETTERS[sum % 23];
}

export type UpnProblem = 'length' | 'characters' | 'check-letter';

/** Why a UPN is not valid, or undefined when it is. Normalise it first. */
export function upnProblem(upn: string): UpnProblem | undefined {
  if (upn.length !== 13) return 'length';
  const expected = upnCheckLetter(upn.slice(1));
  if (!expected || !/^[A-Z]$/.test(upn[0]!)) return 'characters';
  return upn[0] === expected ? undefined : 'check-letter';
}

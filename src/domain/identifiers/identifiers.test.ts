import { describe, expect, it } from 'vitest';
import { nhsCheckDigit, nhsNumberProblem, normaliseNhsNumber } from './nhs-number.ts';
import { normaliseUpn, upnCheckLetter, upnProblem } from './upn.ts';

describe('UPN check letter', () => {
  it.each([
    // 1×2 + 2×3 + 3×4 + 4×5 + 5×6 + 6×7 + 7×8 + 8×9 + 9×10 + 0×11 + 1×12 + 2×13 = 368; 368 mod 23 = 0 → A
    ['A123456789012', undefined],
    // the same body with the wrong letter
    ['B123456789012', 'check-letter'],
    // all zeros: sum 0 → A
    ['A000000000000', undefined],
    // 1 in the last place: 13 mod 23 = 13 → P (A B C D E F G H J K L M N P)
    ['P000000000001', undefined],
    // a temporary UPN ends in a letter: B counts 1, × 13 = 13 → P
    ['P00000000000B', undefined],
    ['A00000000000B', 'check-letter'],
    ['A12345678901', 'length'],
    ['A1234567890123', 'length'],
    ['A1234567890I2', 'characters'],
    ['1123456789012', 'characters'],
    // the last place cannot be I, O or S
    ['A00000000000S', 'characters'],
  ])('%s → %s', (upn, problem) => {
    expect(upnProblem(upn)).toBe(problem);
  });

  it('reads a UPN typed with spaces and in lower case', () => {
    expect(normaliseUpn(' a123 4567 89012 ')).toBe('A123456789012');
  });

  it('gives no letter for a body that is not 11 digits and a digit or letter', () => {
    expect(upnCheckLetter('1234567890')).toBeUndefined();
  });
});

describe('NHS number check digit (modulus 11)', () => {
  it.each([
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    ['9434765919', undefined],
    ['9434765918', 'check-digit'],
    // 308 mod 11 = 0 → 11 → check digit 0
    ['9434765870', undefined],
    ['943476587', 'length'],
    ['94347659190', 'length'],
    ['94347A5919', 'characters'],
    // 1×10 … : 000000001 → 2; 11 − 2 = 9
    ['0000000019', undefined],
    // 000000010 → 3; 11 − 3 = 8
    ['0000000108', undefined],
    // 6×10 = 60; 60 mod 11 = 5; 11 − 5 = 6
    ['6000000006', undefined],
  ])('%s → %s', (nhsNumber, problem) => {
    expect(nhsNumberProblem(nhsNumber)).toBe(problem);
  });

  it('gives no check digit when the remainder is 1 (check would be 10)', () => {
    // 6×2 = 12; 12 mod 11 = 1; 11 − 1 = 10, which no NHS number can have
    expect(nhsCheckDigit('000000006')).toBeUndefined();
    expect(nhsNumberProblem('0000000060')).toBe('check-digit');
  });

  it('reads an NHS number typed in groups', () => {
    expect(normaliseNhsNumber('943 476-5919')).toBe('9434765919');
  });
});

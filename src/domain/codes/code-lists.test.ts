import { describe, expect, it } from 'vitest';
import { codeInWords, codeList, codeListYears, collectionYearOf, UnknownCodeList } from './code-lists.ts';

describe('DfE code lists', () => {
  it('holds the lists of 2025–26', () => {
    expect(codeListYears()).toContain(2025);
  });

  it.each([
    ['SSDA903', 'SEX', 'M', true],
    ['SSDA903', 'SEX', '1', false],
    ['SSDA903', 'PLACE', 'K3', true],
    ['SSDA903', 'PLACE', 'H5', false],
    ['SSDA903', 'PLACE', 'Z11', true],
    ['CIN', 'AssessmentFactors', '18B', true],
    ['CIN', 'AssessmentFactors', '99Z', false],
    ['CIN', 'ReasonForClosure', 'RC8', true],
  ] as const)('%s %s %s accepted: %s', (collection, field, code, accepted) => {
    expect(codeList(collection, field, 2025).has(code)).toBe(accepted);
  });

  it('gives meanings and refuses lists it does not hold', () => {
    expect(codeList('SSDA903', 'LS', 2025).meanings.get('C2')).toBe('Full care order');
    expect(codeList('SSDA903', 'LS', 2025).has(null)).toBe(false);
    expect(() => codeList('SSDA903', 'LS', 1999)).toThrow(UnknownCodeList);
    expect(() => codeList('CIN', 'NoSuchField', 2025)).toThrow(UnknownCodeList);
  });
});

describe('codeInWords', () => {
  const legalStatus = codeList('SSDA903', 'LS', 2025);

  it('puts the meaning first and the code after it', () => {
    expect(codeInWords(legalStatus, 'C1')).toBe(`${legalStatus.meanings.get('C1')} (C1)`);
    expect(codeInWords(legalStatus, 'C1')).toMatch(/^Interim care order/i);
  });

  it('leaves a code the list does not hold as written', () => {
    expect(codeInWords(legalStatus, 'Q9')).toBe('Q9');
  });
});

describe('collectionYearOf (1 April to 31 March)', () => {
  it.each([
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2026-01-15', 2025],
  ])('%s → %s', (date, year) => expect(collectionYearOf(date)).toBe(year));
});

import { describe, expect, it } from 'vitest';
import {
  birthday,
  obligationSpan,
  obligationsEndOn,
  spanLasts,
  type ChildLifetime,
  type ObligationReason,
} from './lifetimes.ts';
import { day } from './timescale-test-support.ts';

/** A child as a test row writes them: born, died, support to 25 asked for. */
interface Life {
  born?: string;
  died?: string;
  until25?: boolean;
}

const lifetime = (life: Life): ChildLifetime => ({
  ...(life.born ? { dateOfBirth: day(life.born) } : {}),
  ...(life.died ? { diedOn: day(life.died) } : {}),
  ...(life.until25 ? { supportUntil25: true } : {}),
});

describe('birthday', () => {
  it.each([
    ['2019-03-10', 5, '2024-03-10'],
    ['2020-02-29', 4, '2024-02-29'], // a leap year has its own 29 February
    ['2020-02-29', 5, '2025-03-01'], // 2025 has none: the birthday is 1 March
    ['2020-02-29', 3, '2023-03-01'],
    ['2008-02-29', 18, '2026-03-01'],
    ['2000-02-29', 25, '2025-03-01'],
    ['2007-12-31', 18, '2025-12-31'], // a year end stays a year end
  ])('born %s reaches %i on %s', (born, age, expected) => {
    expect(birthday(day(born), age).toString()).toBe(expected);
  });
});

describe('obligationsEndOn: the earliest of the reason’s own ends, death and the age it stops at', () => {
  it.each<[string, ObligationReason, Life, string[], string]>([
    ['a plan still open ends at 18', 'children-act', { born: '2007-12-31' }, [], '2025-12-31'],
    ['born 29 Feb 2008: 18 on Sun 1 Mar 2026', 'children-act', { born: '2008-02-29' }, [], '2026-03-01'],
    ['the plan ended before 18', 'children-act', { born: '2008-02-29' }, ['2025-06-30'], '2025-06-30'],
    // The plan ended on 31 May 2025, but the episode of need it belonged to closed on 30 April.
    [
      'the episode closed first',
      'children-act',
      { born: '2010-05-01' },
      ['2025-05-31', '2025-04-30'],
      '2025-04-30',
    ],
    [
      'death ends it',
      'children-act',
      { born: '2010-05-01', died: '2025-03-14' },
      ['2025-04-30'],
      '2025-03-14',
    ],
    ['a contact decision is owed at any age', 'contact', { born: '2000-01-01' }, [], '-'],
    ['but not after death', 'contact', { born: '2000-01-01', died: '2025-01-02' }, [], '2025-01-02'],
    ['care ends at 18', 'care-of-the-child', { born: '2007-08-31' }, [], '2025-08-31'],
    ['so does the PEP', 'education-in-care', { born: '2008-02-29' }, [], '2026-03-01'],
    ['leaving care ends at 21', 'leaving-care', { born: '2004-02-29' }, [], '2025-03-01'],
    ['or at 25 on request', 'leaving-care', { born: '2000-02-29', until25: true }, [], '2025-03-01'],
    [
      'support to 25, but the care leaver record ended first',
      'leaving-care',
      { born: '2004-01-31', until25: true },
      ['2026-06-30'],
      '2026-06-30',
    ],
    ['no date of birth: only the recorded ends', 'children-act', {}, ['2025-06-30'], '2025-06-30'],
    ['no date of birth and nothing ended', 'children-act', {}, [], '-'],
  ])('%s (%s)', (_name, reason, life, ends, expected) => {
    const endsOn = obligationsEndOn(reason, lifetime(life), ...ends.map(day));
    expect(endsOn?.toString() ?? '-').toBe(expected);
  });
});

describe('obligationSpan: from the age the reason applies to its end', () => {
  it.each<[string, ObligationReason, string, string, [string, string, string]]>([
    [
      'a period of care recorded before birth starts at birth',
      'care-of-the-child',
      '2024-03-31',
      '2024-03-15',
      ['2024-03-31', '2042-03-31', 'birth of the child'],
    ],
    [
      'after birth it starts when it starts',
      'care-of-the-child',
      '2015-06-01',
      '2025-12-15',
      ['2025-12-15', '2033-06-01', '-'],
    ],
    [
      'in care at 9 months: the PEP from the 3rd birthday',
      'education-in-care',
      '2022-09-30',
      '2023-06-30',
      ['2025-09-30', '2040-09-30', 'third birthday'],
    ],
    [
      'born 29 Feb 2020: 3 on Wed 1 Mar 2023',
      'education-in-care',
      '2020-02-29',
      '2021-01-04',
      ['2023-03-01', '2038-03-01', 'third birthday'],
    ],
    [
      'in care on the 3rd birthday itself',
      'education-in-care',
      '2022-12-31',
      '2025-12-31',
      ['2025-12-31', '2040-12-31', '-'],
    ],
    [
      'a pre-birth conference stays before birth',
      'children-act',
      '2025-08-01',
      '2025-06-02',
      ['2025-06-02', '2043-08-01', '-'],
    ],
  ])('%s', (_name, reason, born, startedOn, expected) => {
    const span = obligationSpan(reason, lifetime({ born }), day(startedOn));
    expect([span.startedOn.toString(), span.endedOn?.toString() ?? '-', span.startedBy ?? '-']).toEqual(
      expected,
    );
  });

  it.each<[string, ObligationReason, string, string, string, boolean]>([
    [
      'left care at 2 years 4 months: no PEP',
      'education-in-care',
      '2022-09-30',
      '2023-06-30',
      '2025-01-31',
      false,
    ],
    ['left care on the 3rd birthday', 'education-in-care', '2022-09-30', '2023-06-30', '2025-09-30', false],
    ['left care the day after it', 'education-in-care', '2022-09-30', '2023-06-30', '2025-10-01', true],
    [
      'a period of care from the 18th birthday',
      'care-of-the-child',
      '2007-12-31',
      '2025-12-31',
      '2026-01-31',
      false,
    ],
  ])('%s: owes something %s', (_name, reason, born, startedOn, endedOn, lasts) => {
    expect(spanLasts(obligationSpan(reason, lifetime({ born }), day(startedOn), day(endedOn)))).toBe(lasts);
  });
});

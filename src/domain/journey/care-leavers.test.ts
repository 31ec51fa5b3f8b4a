import { describe, expect, it } from 'vitest';
import { careLeaverStatusProblems, daysLookedAfterSinceFourteen } from './care-leavers.ts';

/**
 * Care Leavers (England) Regulations 2010, reg. 3, and Children Act 1989 Sch. 2 para 19B: looked after for 13 weeks
 * or more in all since the 14th birthday, some of it after the 16th; eligible while looked after at 16 or 17,
 * relevant once left care at 16 or 17, former relevant from 18.
 */
type Period = { start: string; end: string | null };

describe('days looked after since the 14th birthday', () => {
  it.each<[string, string, Period[], string, number, boolean]>([
    [
      'a period that straddles the 14th birthday counts from the birthday',
      '2008-06-10',
      [{ start: '2022-01-01', end: '2022-07-10' }],
      '2025-01-01',
      30,
      false,
    ],
    [
      'a period wholly before the 14th birthday does not count',
      '2008-06-10',
      [{ start: '2020-01-01', end: '2022-06-10' }],
      '2025-01-01',
      0,
      false,
    ],
    [
      'broken periods add up (need not be continuous)',
      '2008-06-10',
      [
        { start: '2023-01-01', end: '2023-03-01' },
        { start: '2024-07-01', end: '2024-08-02' },
      ],
      '2025-01-01',
      59 + 32,
      true,
    ],
    [
      'an open period counts up to the day asked about',
      '2008-06-10',
      [{ start: '2024-10-02', end: null }],
      '2025-01-01',
      92,
      true,
    ],
    // Born 29 February 2008: 14 on 1 March 2022 (Family Law Reform Act 1969 s. 9; 2022 has no 29 February).
    [
      'a leap-year birthday: the 14th birthday is 1 March in a common year',
      '2008-02-29',
      [{ start: '2022-02-01', end: '2022-03-03' }],
      '2025-01-01',
      2,
      false,
    ],
    // 16 on 1 March 2024 (2024 is a leap year, so the birthday is 29 February 2024).
    [
      'a leap-year birthday in a leap year: 16 on 29 February 2024',
      '2008-02-29',
      [{ start: '2024-01-01', end: '2024-03-01' }],
      '2025-01-01',
      60,
      true,
    ],
  ])('%s', (_case, born, periods, until, days, afterSixteen) => {
    expect(daysLookedAfterSinceFourteen(born, periods, until)).toEqual({ days, afterSixteen });
  });
});

describe('care leaver status against the 13 weeks (reg. 3)', () => {
  const born = '2008-06-10'; // 14 on 10 June 2022, 16 on 10 June 2024, 18 on 10 June 2026.
  it.each<[string, string, string, Period[], RegExp | null]>([
    [
      'eligible: looked after now at 16 with 13 weeks since 14',
      'eligible',
      '2024-09-09',
      [{ start: '2024-06-01', end: null }],
      null,
    ],
    [
      'eligible: 12 weeks 6 days is not enough',
      'eligible',
      '2024-08-29',
      [{ start: '2024-06-01', end: null }],
      /13 weeks or more since their 14th birthday: Hearth has 12 weeks and 6 days/,
    ],
    [
      'eligible: the 13 weeks straddle the 14th birthday, only the part after it counts',
      'eligible',
      '2024-07-01',
      [
        { start: '2022-01-01', end: '2022-09-01' },
        { start: '2024-06-20', end: null },
      ],
      null,
    ],
    [
      'eligible: but not once left care',
      'eligible',
      '2024-10-01',
      [{ start: '2024-06-01', end: '2024-10-01' }],
      /one who has left care is relevant/,
    ],
    [
      'eligible: not at 15',
      'eligible',
      '2024-01-01',
      [{ start: '2022-07-01', end: null }],
      /aged 16 or 17: leaving-care support starts at 16/,
    ],
    [
      'relevant: left care at 17 after 13 weeks, some after 16',
      'relevant',
      '2025-03-01',
      [{ start: '2024-05-01', end: '2025-03-01' }],
      null,
    ],
    [
      'relevant: 13 weeks all before 16 are not enough',
      'relevant',
      '2024-07-01',
      [{ start: '2023-01-01', end: '2024-05-01' }],
      /after their 16th birthday: Hearth has none/,
    ],
    [
      'relevant: not while still looked after',
      'relevant',
      '2025-03-01',
      [{ start: '2024-05-01', end: null }],
      /one still looked after is eligible/,
    ],
    [
      'former relevant: 18 and was eligible',
      'former-relevant',
      '2026-06-10',
      [{ start: '2025-01-01', end: '2026-06-10' }],
      null,
    ],
    [
      'former relevant: not at 17',
      'former-relevant',
      '2026-06-09',
      [{ start: '2025-01-01', end: '2026-06-09' }],
      /aged 18 to 25/,
    ],
    [
      'former relevant: a short stay in care at 17 is not enough',
      'former-relevant',
      '2026-07-01',
      [{ start: '2026-05-01', end: '2026-07-01' }],
      /Hearth has 8 weeks and 5 days/,
    ],
    [
      'relevant at 18 is former relevant',
      'relevant',
      '2026-06-10',
      [{ start: '2025-01-01', end: '2026-06-10' }],
      /from 18 the young person is former relevant/,
    ],
    ['qualifying is not bound by the 13 weeks', 'qualifying', '2026-07-01', [], null],
  ])('%s', (_case, status, from, periodsOfCare, problem) => {
    const problems = careLeaverStatusProblems({ status, from, dateOfBirth: born, periodsOfCare });
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.map((p) => p.message).join(' | ')).toMatch(problem);
  });

  it('a young person born on 29 February 2008 is 16, and can be eligible, on 29 February 2024', () => {
    const periodsOfCare = [{ start: '2023-11-01', end: null }];
    const claim = { status: 'eligible', dateOfBirth: '2008-02-29', periodsOfCare };
    expect(careLeaverStatusProblems({ ...claim, from: '2024-02-29' })).toEqual([]);
    expect(careLeaverStatusProblems({ ...claim, from: '2024-02-28' })[0]?.message).toMatch(/starts at 16/);
  });
});

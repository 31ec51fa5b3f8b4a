import { describe, expect, it } from 'vitest';
import {
  childInNeedPlanProblems,
  deathProblems,
  legalStatusProblems,
  lifeProblems,
  postcodeProblems,
} from './guards.ts';

describe('nothing before birth or after death', () => {
  const child = { dateOfBirth: '2016-02-29', dateOfDeath: null };
  it.each<[string, string, { dateOfBirth: string | null; dateOfDeath: string | null }, string | null]>([
    ['the day of birth is allowed', '2016-02-29', child, null],
    [
      'the day before birth is refused',
      '2016-02-28',
      child,
      'The date must be on or after the child’s date of birth, 29 February 2016',
    ],
    [
      'a date of birth not known refuses nothing',
      '1990-01-01',
      { dateOfBirth: null, dateOfDeath: null },
      null,
    ],
    ['the day of death is allowed', '2025-12-31', { ...child, dateOfDeath: '2025-12-31' }, null],
    [
      'the day after death is refused (CIN RC2)',
      '2026-01-01',
      { ...child, dateOfDeath: '2025-12-31' },
      'The child died on 31 December 2025: nothing can be recorded after that date',
    ],
  ])('%s', (_case, date, facts, message) => {
    const problems = lifeProblems([{ path: 'heldOn', date }], facts);
    expect(problems).toEqual(message ? [{ path: 'heldOn', message }] : []);
  });
});

describe('a death is recorded once', () => {
  const today = '2026-12-07';
  it.each<
    [
      string,
      string,
      { dateOfBirth: string | null; dateOfDeath: string | null; latestEvent: string | null },
      RegExp | null,
    ]
  >([
    [
      'a first record of death',
      '2026-11-30',
      { dateOfBirth: '2010-01-01', dateOfDeath: null, latestEvent: '2026-11-01' },
      null,
    ],
    [
      'not twice',
      '2026-11-30',
      { dateOfBirth: '2010-01-01', dateOfDeath: '2026-11-29', latestEvent: null },
      /already recorded, on 29 November 2026/,
    ],
    [
      'not in the future',
      '2026-12-08',
      { dateOfBirth: '2010-01-01', dateOfDeath: null, latestEvent: null },
      /today or in the past/,
    ],
    [
      'not before birth',
      '2009-12-31',
      { dateOfBirth: '2010-01-01', dateOfDeath: null, latestEvent: null },
      /on or after the date of birth, 1 January 2010/,
    ],
    [
      'not before something already recorded',
      '2026-10-31',
      { dateOfBirth: '2010-01-01', dateOfDeath: null, latestEvent: '2026-11-01' },
      /event on 1 November 2026/,
    ],
  ])('%s', (_case, diedOn, child, problem) => {
    const problems = deathProblems(diedOn, child, today);
    if (problem) expect(problems[0]?.message).toMatch(problem);
    else expect(problems).toEqual([]);
  });
});

describe('a child in need plan is not started beside a child protection plan (Working Together 2023)', () => {
  it('is refused while a protection plan is open, naming its start', () => {
    expect(childInNeedPlanProblems('2025-05-06')).toEqual([
      {
        path: 'startDate',
        message:
          'The child is on a child protection plan from 6 May 2025: end it before starting a child in need plan',
      },
    ]);
  });
  it('is allowed when there is none', () => expect(childInNeedPlanProblems(null)).toEqual([]));
});

describe('a full care order followed by an interim one needs a reason (Children Act 1989 ss. 31, 38)', () => {
  it.each<[string | null, string, string, boolean]>([
    ['C2', 'C1', '', true],
    ['C2', 'C1', '   ', true],
    ['C2', 'C1', 'Full order set aside on appeal', false],
    ['C1', 'C2', '', false],
    ['V2', 'C1', '', false],
    [null, 'C1', '', false],
  ])('%s → %s with reason "%s": refused %s', (from, to, reason, refused) => {
    expect(legalStatusProblems({ from, to, reason }).length > 0).toBe(refused);
  });
});

describe('postcodes in the United Kingdom', () => {
  it.each<[string, boolean | undefined, string | null]>([
    ['SW1A 1AA', undefined, null],
    ['sw1a1aa', undefined, null],
    ['EC1A 1BB', undefined, null],
    ['M1 1AE', undefined, null],
    ['BT1 5GS', undefined, null],
    ['GIR 0AA', undefined, null],
    ['75008', undefined, 'Enter a UK postcode for the placement, like SW1A 1AA'],
    ['SW1A 1A', undefined, 'Enter a UK postcode for the placement, like SW1A 1AA'],
    ['QQ1 1AA', undefined, 'Enter a UK postcode for the placement, like SW1A 1AA'],
    ['AB1 9ZZ', false, 'AB1 9ZZ is not a postcode in the ONS Postcode Directory: check the placement'],
    ['SW1A 1AA', true, null],
  ])('%s (in directory: %s)', (postcode, inDirectory, message) => {
    const problems = postcodeProblems(postcode, inDirectory, 'postcode', 'the placement');
    expect(problems).toEqual(message ? [{ path: 'postcode', message }] : []);
  });
});

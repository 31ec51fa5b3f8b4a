import { describe, expect, it } from 'vitest';
import { absenceOn, absenceProblems, type Absence } from './absences.ts';

const today = '2026-11-25';
const leave: Absence = { kind: 'annual-leave', from: '2026-12-21', to: '2027-01-04' };
const sickness: Absence = { kind: 'sickness', from: '2026-11-10', to: null };

describe('absenceProblems', () => {
  it.each<[string, Absence, readonly Absence[], string[]]>([
    [
      'a week of leave with nothing else recorded',
      { kind: 'annual-leave', from: '2026-12-01', to: '2026-12-05' },
      [],
      [],
    ],
    [
      'a single day (first day = last day)',
      { kind: 'training', from: '2026-12-01', to: '2026-12-01' },
      [],
      [],
    ],
    ['sickness with no return date yet', { kind: 'sickness', from: '2026-11-20', to: null }, [], []],
    ['last day before first day', { kind: 'annual-leave', from: '2026-12-05', to: '2026-12-01' }, [], ['to']],
    ['an unknown kind', { kind: 'holiday', from: '2026-12-01', to: '2026-12-02' }, [], ['kind']],
    // 18 months from 25 November 2026 is 25 May 2028: that day is allowed, the next is not.
    [
      'booked exactly 18 months ahead',
      { kind: 'annual-leave', from: '2028-05-25', to: '2028-05-25' },
      [],
      [],
    ],
    [
      'booked a day beyond 18 months',
      { kind: 'annual-leave', from: '2028-05-26', to: '2028-05-26' },
      [],
      ['from'],
    ],
    ['ending beyond 18 months', { kind: 'parental-leave', from: '2027-01-04', to: '2028-07-01' }, [], ['to']],
    [
      'leave ending the day before other leave starts',
      { kind: 'annual-leave', from: '2026-12-14', to: '2026-12-20' },
      [leave],
      [],
    ],
    [
      'leave ending on the first day of other leave',
      { kind: 'annual-leave', from: '2026-12-14', to: '2026-12-21' },
      [leave],
      ['from'],
    ],
    [
      'leave over the year end inside other leave',
      { kind: 'training', from: '2026-12-31', to: '2027-01-02' },
      [leave],
      ['from'],
    ],
    [
      'starting the day after other leave ends',
      { kind: 'training', from: '2027-01-05', to: '2027-01-05' },
      [leave],
      [],
    ],
    [
      'any day after sickness with no return date',
      { kind: 'annual-leave', from: '2027-03-01', to: '2027-03-02' },
      [sickness],
      ['from'],
    ],
    [
      'days before sickness with no return date',
      { kind: 'annual-leave', from: '2026-11-02', to: '2026-11-09' },
      [sickness],
      [],
    ],
    [
      'open-ended sickness from before other leave',
      { kind: 'sickness', from: '2026-12-01', to: null },
      [leave],
      ['from'],
    ],
  ])('%s', (_case, absence, others, paths) => {
    expect(absenceProblems(absence, others, today).map((problem) => problem.path)).toEqual(paths);
  });

  it('names the absence it clashes with in words', () => {
    const [problem] = absenceProblems(
      { kind: 'training', from: '2027-01-01', to: '2027-01-01' },
      [leave],
      today,
    );
    expect(problem?.message).toBe(
      'These days overlap annual leave already recorded from 21 December 2026 to 4 January 2027',
    );
  });
});

describe('absenceOn', () => {
  it.each<[string, readonly Absence[], string | undefined]>([
    ['2026-12-20', [leave], undefined],
    ['2026-12-21', [leave], 'annual-leave'],
    ['2027-01-04', [leave], 'annual-leave'],
    ['2027-01-05', [leave], undefined],
    ['2026-11-09', [sickness], undefined],
    ['2026-11-10', [sickness], 'sickness'],
    ['2028-02-29', [sickness], 'sickness'],
  ])('on %s', (day, absences, kind) => {
    expect(absenceOn(absences, day)?.kind).toBe(kind);
  });
});

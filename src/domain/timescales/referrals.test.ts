import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { assessmentTimescale, contactDecision } from './referrals.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('contactDecision', () => {
  // Received Tue 24 Dec 2024 + 1 wd: skip Christmas Wed 25 and Boxing Day Thu 26 → due Fri 27 Dec.
  it.each([
    ['2024-12-27', '2025-01-10', ['2024-12-27', '2024-12-27', 'met']],
    ['2024-12-30', '2025-01-10', ['2024-12-27', '2024-12-30', 'met-late']],
    [undefined, '2024-12-27', ['2024-12-27', '-', 'due']],
    [undefined, '2024-12-30', ['2024-12-27', '-', 'overdue']],
  ])('received Tue 24 Dec 2024, decided %s, today %s', (decidedOn, today, expected) => {
    const contact = { receivedOn: day('2024-12-24'), ...(decidedOn ? { decidedOn: day(decidedOn) } : {}) };
    const obligation = contactDecision(contact, day(today), calendar);
    expect(summary(obligation)).toEqual(expected);
    expect(obligation.kind).toBe('contact-decision');
    expect(obligation.explanation.skipped.map((skipped) => skipped.name)).toEqual([
      'Christmas Day',
      'Boxing Day',
    ]);
  });
});

describe('assessmentTimescale', () => {
  // Referral Mon 2 Dec 2024 + 45 wd, skipping Christmas, Boxing Day and New Year → due Thu 6 Feb 2025
  // (worked in deadline-rules.test.ts).
  it.each([
    [{ assessmentAuthorisedOn: '2025-02-06' }, '2025-03-01', ['2025-02-06', '2025-02-06', 'met']],
    [{ assessmentAuthorisedOn: '2025-02-07' }, '2025-03-01', ['2025-02-06', '2025-02-07', 'met-late']],
    [{}, '2025-02-06', ['2025-02-06', '-', 'due']],
    [{}, '2025-02-07', ['2025-02-06', '-', 'overdue']],
    // Closed with no further action on Mon 16 Dec 2024, before the due date: nothing is owed.
    [{ closedWithoutAssessmentOn: '2024-12-16' }, '2025-03-01', ['2025-02-06', '-', 'not-applicable']],
  ])('referral Mon 2 Dec 2024 with %o, today %s', (facts, today, expected) => {
    const referral = {
      referralOn: day('2024-12-02'),
      ...('assessmentAuthorisedOn' in facts
        ? { assessmentAuthorisedOn: day(facts.assessmentAuthorisedOn) }
        : {}),
      ...('closedWithoutAssessmentOn' in facts
        ? { closedWithoutAssessmentOn: day(facts.closedWithoutAssessmentOn) }
        : {}),
    };
    expect(summary(assessmentTimescale(referral, day(today), calendar))).toEqual(expected);
  });
});

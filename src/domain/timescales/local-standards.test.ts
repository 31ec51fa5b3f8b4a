import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { localStandardTimescales, type LocalStandard } from './local-standards.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();
const everyTwentyWorkingDays: LocalStandard = {
  kind: 'child-in-need-visit',
  interval: { amount: 20, unit: 'working days' },
  source: 'Practice standards 2025, section 3',
};

describe('localStandardTimescales', () => {
  // Plan from Thu 17 Apr 2025 + 20 wd: skip Good Fri 18, Easter Mon 21; 22–25 (4), 28 Apr–2 May (9), skip Mon 5 May;
  // 6–9 (13), 12–16 (18), 19, 20 (20) → Tue 20 May. Visit that day; + 20 wd: 21–23 (3), skip spring holiday
  // Mon 26 May; 27–30 (7), 2–6 Jun (12), 9–13 (17), 16–18 (20) → Wed 18 Jun 2025.
  it.each([
    [undefined, '2025-06-19', ['2025-06-18', '-', 'overdue']],
    ['2025-06-01', '2025-06-19', ['2025-06-18', '-', 'not-applicable']], // plan ended first
  ])('plan ended on %s, today %s', (endedOn, today, last) => {
    const plan = {
      startedOn: day('2025-04-17'),
      events: [day('2025-05-20')],
      ...(endedOn ? { endedOn: day(endedOn) } : {}),
    };
    const obligations = localStandardTimescales(everyTwentyWorkingDays, plan, day(today), calendar);
    expect(obligations.map(summary)).toEqual([['2025-05-20', '2025-05-20', 'met'], last]);
    expect(obligations[1]?.explanation.skipped.map((skipped) => skipped.name)).toEqual([
      'Spring bank holiday',
    ]);
    expect(obligations[1]?.explanation.rule).toBe(
      'Visit the child in need at least every 20 working days (local standard)',
    );
    expect(obligations[1]?.explanation.source).toBe('Practice standards 2025, section 3');
  });
});

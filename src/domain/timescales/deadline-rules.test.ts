import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, deadlineFor, isDeadlineRuleName, type DeadlineRuleName } from './deadline-rules.ts';

const calendar = workingDayCalendar();

describe('deadlineFor each rule `hearth deadline` knows', () => {
  it.each<[DeadlineRuleName, string, string, string[]]>([
    // Thu 17 Apr 2025 + 1 wd: skip Good Fri 18, weekend, Easter Mon 21 → Tue 22.
    ['contact-decision', '2025-04-17', '2025-04-22', ['Good Friday', 'Easter Monday']],
    // Tue 24 Dec 2024 + 1 wd: skip Christmas Wed 25, Boxing Day Thu 26 → Fri 27.
    ['contact-decision', '2024-12-24', '2024-12-27', ['Christmas Day', 'Boxing Day']],
    // Thu 31 Dec 2020 + 1 wd: skip New Year Fri 1 Jan, weekend → Mon 4 Jan 2021.
    ['contact-decision', '2020-12-31', '2021-01-04', ['New Year’s Day']],
    // Mon 2 Dec 2024 + 45 wd: 3–6 Dec (4), 9–13 (9), 16–20 (14), 23, 24 (16), skip 25, 26; 27 (17), 30, 31 (19),
    // skip 1 Jan; 2, 3 (21), 6–10 (26), 13–17 (31), 20–24 (36), 27–31 (41), Mon 3–Thu 6 Feb (45).
    ['assessment', '2024-12-02', '2025-02-06', ['Christmas Day', 'Boxing Day', 'New Year’s Day']],
    // Thu 1 Feb 2024 + 45 wd: Fri 2 (1), 5–9 (6), 12–16 (11), 19–23 (16), 26–29 Feb (20), Fri 1 Mar (21), 4–8 (26),
    // 11–15 (31), 18–22 (36), 25–28 (40), skip Good Fri 29 Mar, Easter Mon 1 Apr; Tue 2–Fri 5 (44), Mon 8 Apr (45).
    ['assessment', '2024-02-01', '2024-04-08', ['Good Friday', 'Easter Monday']],
    // Thu 10 Apr 2025 + 15 wd: 11–17 Apr (5), skip 18, 21; 22–25 (9), 28 Apr–2 May (14), skip Mon 5 May; Tue 6 (15).
    ['icpc', '2025-04-10', '2025-05-06', ['Good Friday', 'Easter Monday', 'Early May bank holiday']],
    // Fri 27 May 2022 + 15 wd: Mon 30 May was worked that year (1), 31 (2), 1 Jun (3), skip Thu 2, Fri 3;
    // 6–10 (8), 13–17 (13), Mon 20 (14), Tue 21 (15).
    ['icpc', '2022-05-27', '2022-06-21', ['Spring bank holiday', 'Queen’s Platinum Jubilee']],
    // Fri 5 May 2023 + 10 wd: skip coronation Mon 8; 9–12 (4), 15–19 (9), Mon 22 (10).
    ['core-group', '2023-05-05', '2023-05-22', ['Coronation of King Charles III']],
    // Mon 18 Dec 2023 + 10 wd: 19–22 (4), skip 25, 26; 27–29 (7), skip Mon 1 Jan; 2–4 Jan 2024 (10).
    ['core-group', '2023-12-18', '2024-01-04', ['Christmas Day', 'Boxing Day', 'New Year’s Day']],
    // 30 Nov 2024 + 3 months → "30 Feb 2025" → clamped to 28 Feb.
    ['cp-review-first', '2024-11-30', '2025-02-28', []],
    // 29 Nov 2023 + 3 months → 29 Feb 2024 (leap year).
    ['cp-review-first', '2023-11-29', '2024-02-29', []],
    // 31 Aug 2024 + 6 months → clamped to 28 Feb 2025.
    ['cp-review-next', '2024-08-31', '2025-02-28', []],
    // 29 Feb 2024 + 6 months → 29 Aug 2024.
    ['cp-review-next', '2024-02-29', '2024-08-29', []],
    // Mon 15 Dec 2025 + 20 wd: 16–19 (4), 22–24 (7), skip 25, 26; 29–31 (10), skip Thu 1 Jan 2026; Fri 2 (11),
    // 5–9 (16), 12–15 Jan (20).
    ['cla-review-first', '2025-12-15', '2026-01-15', ['Christmas Day', 'Boxing Day', 'New Year’s Day']],
    // Fri 25 May 2012 + 20 wd: 28 May–1 Jun (5), skip Mon 4, Tue 5 Jun; 6–8 (8), 11–15 (13), 18–22 (18), 25, 26 (20).
    ['cla-review-first', '2012-05-25', '2012-06-26', ['Spring bank holiday', 'Queen’s Diamond Jubilee']],
    // 31 Jan 2025 + 3 months → 30 Apr 2025 (April has 30 days).
    ['cla-review-second', '2025-01-31', '2025-04-30', []],
    // 31 Dec 2024 + 6 months → 30 Jun 2025.
    ['cla-review-next', '2024-12-31', '2025-06-30', []],
    // Wed 24 Dec 2025 + 1 week → Wed 31 Dec: weeks are calendar time, bank holidays are not skipped.
    ['cla-visit-first', '2025-12-24', '2025-12-31', []],
    // Mon 26 Feb 2024 + 7 days: 27, 28, 29 Feb, 1, 2, 3, 4 Mar → Mon 4 Mar.
    ['cla-visit-first', '2024-02-26', '2024-03-04', []],
    // Sat 20 Jan 2024 + 42 days: +11 → 31 Jan, +29 → 29 Feb (40), +2 → Sat 2 Mar.
    ['cla-visit-next', '2024-01-20', '2024-03-02', []],
    // 30 Nov 2025 + 3 months → clamped to 28 Feb 2026.
    ['cla-visit-long-term', '2025-11-30', '2026-02-28', []],
    // Thu 30 Mar 2023 + 20 wd: 31 Mar–6 Apr (5), skip Good Fri 7, Easter Mon 10; 11–14 (9), 17–21 (14), 24–28 (19),
    // skip Mon 1 May; Tue 2 May (20).
    [
      'health-assessment-initial',
      '2023-03-30',
      '2023-05-02',
      ['Good Friday', 'Easter Monday', 'Early May bank holiday'],
    ],
    // Wed 3 May 2023 + 10 wd: Thu 4, Fri 5 (2), skip coronation Mon 8; 9–12 (6), 15–18 (10).
    ['pep-initial', '2023-05-03', '2023-05-18', ['Coronation of King Charles III']],
    // Fri 1 May 2020 + 10 wd: Mon 4 was worked (1), 5–7 (4), skip VE Day Fri 8; 11–15 (9), Mon 18 (10).
    ['pep-initial', '2020-05-01', '2020-05-18', ['Early May bank holiday']],
    // 31 Aug 2023 + 6 months → clamped to 29 Feb 2024.
    ['pathway-plan-review', '2023-08-31', '2024-02-29', []],
    // 31 Dec 2024 + 2 months → clamped to 28 Feb 2025.
    ['care-leaver-contact', '2024-12-31', '2025-02-28', []],
    // 29 Dec 2023 + 2 months → 29 Feb 2024.
    ['care-leaver-contact', '2023-12-29', '2024-02-29', []],
  ])('%s from %s is due by %s', (ruleName, from, expected, skippedNames) => {
    const deadline = deadlineFor(DEADLINE_RULES[ruleName], Temporal.PlainDate.from(from), calendar);
    expect(deadline.dueBy.toString()).toBe(expected);
    expect(deadline.explanation.countedFrom.toString()).toBe(from);
    expect(deadline.explanation.skipped.map((day) => day.name)).toEqual(skippedNames);
  });

  it('knows exactly the rule names issue 8 gives', () => {
    expect(Object.keys(DEADLINE_RULES).sort()).toEqual(
      [
        'contact-decision',
        'assessment',
        'icpc',
        'core-group',
        'cp-review-first',
        'cp-review-next',
        'cla-review-first',
        'cla-review-second',
        'cla-review-next',
        'cla-visit-first',
        'cla-visit-next',
        'cla-visit-long-term',
        'health-assessment-initial',
        'pep-initial',
        'pathway-plan-review',
        'care-leaver-contact',
      ].sort(),
    );
    expect(isDeadlineRuleName('icpc')).toBe(true);
    expect(isDeadlineRuleName('toString')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { classificationWords, recommendationsOf, reportPeriodOf } from './committee-report.ts';

describe('the periods a committee report covers', () => {
  it.each([
    ['2025', 'annual', '2025-04-01', '2026-03-31'],
    ['2026-Q2', 'quarter', '2026-07-01', '2026-09-30'],
    ['2025-Q4', 'quarter', '2026-01-01', '2026-03-31'],
  ])('%s is the %s period %s to %s', (key, kind, start, end) => {
    expect(reportPeriodOf(key)).toMatchObject({ kind, key, period: { start, end } });
  });

  it.each(['2025-Q5', '25', '2025Q1', '1999', ''])('"%s" is no period', (key) => {
    expect(reportPeriodOf(key)).toBeUndefined();
  });
});

describe('the title block and recommendations', () => {
  it('names the paragraph of Schedule 12A an exempt report is withheld under', () => {
    expect(classificationWords('public', null)).toBe('Public');
    expect(classificationWords('exempt', 2)).toMatch(
      /^Exempt: not for publication by virtue of paragraph 2 of Part 1 of Schedule 12A to the Local Government Act 1972\. Information which is likely to reveal the identity of an individual\.$/,
    );
  });

  it('takes one recommendation a line, without the numbers people type', () => {
    expect(recommendationsOf('1. Note the figures\n\n2) Ask for a report on re-referrals\n- Agree')).toEqual([
      'Note the figures',
      'Ask for a report on re-referrals',
      'Agree',
    ]);
    expect(recommendationsOf('  ')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { computeIndicators, financialYear, INDICATORS } from './index.ts';
import { calendar } from './test-children.ts';

describe('the indicators', () => {
  it('are the ones issue 20 names, with those ids, each once', () => {
    expect(INDICATORS.map((indicator) => indicator.id)).toEqual([
      'contacts',
      'contacts-to-referral',
      'referrals',
      're-referrals-12m',
      'referrals-nfa',
      'assessments-45wd',
      'assessments-45wd-from-referral',
      's47',
      's47-to-icpc',
      'icpc-15wd',
      'icpc-to-plan',
      'cp-plans-at-end',
      'cp-plans-started',
      'cp-plans-repeat',
      'cp-plans-ended-2y',
      'cin-at-end',
      'cla-at-end',
      'cla-started',
      'cla-ceased',
      'cla-3-placements',
      'cla-long-term-stability',
      'cla-over-20-miles',
      'cla-out-of-area',
      'cla-missing',
      'care-leavers-in-touch-17-18',
      'care-leavers-in-touch-19-21',
      'care-leavers-suitable-accommodation-17-18',
      'care-leavers-suitable-accommodation-19-21',
      'care-leavers-eet-17-18',
      'care-leavers-eet-19-21',
      'caseload-per-worker',
      'workforce-turnover',
      'workforce-agency',
      'workforce-vacancy',
      'caseload-per-fte',
    ]);
  });

  it('say what a count and a proportion are: a count has no denominator, a proportion a percentage', () => {
    for (const indicator of INDICATORS) {
      expect(indicator.denominator === null, indicator.id).toBe(indicator.kind === 'count');
      expect(indicator.higherIsBetter === null || indicator.kind !== 'count', indicator.id).toBe(true);
    }
  });

  it('give every figure for a council with no children: counts of 0, no percentages', () => {
    const figures = computeIndicators({ children: [], workers: [] }, financialYear(2025), calendar);
    for (const { definition, figure } of figures) {
      expect(figure.numerator, definition.id).toBe(0);
      expect(figure.value, definition.id).toBe(definition.kind === 'count' ? 0 : null);
    }
  });
});

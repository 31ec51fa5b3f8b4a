import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { careLeaverContactUnderStandards } from './care-leavers.ts';

const day = (text: string) => Temporal.PlainDate.from(text);
const calendar = workingDayCalendar();

describe('a care leaver’s contact under the council’s own stricter interval', () => {
  // Left care on 1 March 2026; the council's 8 weeks took effect on 1 June 2026.
  const standards = [
    {
      interval: { amount: 8, unit: 'weeks' as const },
      source: 'Leaving care standards 2026',
      effectiveFrom: day('2026-06-01'),
    },
  ];
  const obligations = careLeaverContactUnderStandards(
    { countedFrom: day('2026-03-01'), contacts: [day('2026-04-20'), day('2026-06-10')] },
    day('2026-07-01'),
    calendar,
    standards,
  );

  it.each([
    ['counted from leaving care, before the standard: the law’s 2 months', 0, '2026-05-01', 'Care Leavers'],
    ['counted from 20 April, before the standard: still 2 months', 1, '2026-06-20', 'Care Leavers'],
    ['counted from 10 June, after it: 8 weeks', 2, '2026-08-05', 'Leaving care standards 2026'],
  ])('%s', (_what, index, dueBy, source) => {
    expect(obligations[index]!.dueBy.toString()).toBe(dueBy);
    expect(obligations[index]!.explanation.source).toContain(source);
  });

  it('says which is a local standard', () => {
    expect(obligations[2]!.explanation.rule).toBe(
      'The personal adviser keeps in touch at least every 8 weeks (local standard)',
    );
  });
});

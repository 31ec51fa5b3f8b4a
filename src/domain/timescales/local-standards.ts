import type { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { describePeriod, type DeadlineRule, type Period } from './deadline-rules.ts';
import { regularObligations, type Obligation } from './obligation.ts';

/** A council's own standard for a recurring piece of work, such as "visit a child in need every 20 working days". */
export interface LocalStandard {
  kind: Extract<
    Obligation['kind'],
    'child-in-need-visit' | 'child-protection-visit' | 'child-in-need-plan-review'
  >;
  interval: Period;
  /** Where the council sets it down, e.g. "Practice standards 2025, section 3". */
  source: string;
}

const WORDS: Record<LocalStandard['kind'], { work: string; startedBy: string }> = {
  'child-in-need-visit': { work: 'Visit the child in need', startedBy: 'start of the child in need plan' },
  'child-protection-visit': { work: 'Visit the child', startedBy: 'initial child protection conference' },
  'child-in-need-plan-review': {
    work: 'Review the child in need plan',
    startedBy: 'start of the child in need plan',
  },
};

/**
 * Visits to children in need and children on a protection plan, and child in need plan reviews, are set by local
 * standard (Working Together to Safeguard Children 2023 leaves their frequency to the plan): the first falls one
 * interval after the plan starts and each later one within an interval of the last; the plan's end stops them.
 */
export function localStandardTimescales(
  standard: LocalStandard,
  plan: {
    startedOn: Temporal.PlainDate;
    endedOn?: Temporal.PlainDate;
    events: readonly Temporal.PlainDate[];
  },
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const words = WORDS[standard.kind];
  const interval = describePeriod(standard.interval);
  const first: DeadlineRule = {
    period: standard.interval,
    rule: `${words.work} within ${interval} (local standard)`,
    countsFrom: words.startedBy,
    source: standard.source,
  };
  const next: DeadlineRule = {
    ...first,
    rule: `${words.work} at least every ${interval} (local standard)`,
    countsFrom: 'previous one',
  };
  return regularObligations(standard.kind, { first, next }, plan.startedOn, plan, today, calendar);
}

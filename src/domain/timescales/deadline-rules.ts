import { Temporal } from 'temporal-polyfill';
import type { NonWorkingDay } from '../calendar/bank-holidays.ts';
import { addCalendarMonths, addWorkingDays, type WorkingDayCalendar } from '../calendar/working-days.ts';

/** A statutory period: working days skip weekends and bank holidays; days, weeks and months are calendar time. */
export interface Period {
  amount: number;
  unit: 'working days' | 'days' | 'weeks' | 'months';
}

/** Why a due date is what it is: the rule, its source, the date counted from and the bank holidays skipped. */
export interface DeadlineExplanation {
  rule: string;
  source: string;
  period: Period;
  countedFrom: Temporal.PlainDate;
  countedFromEvent: string;
  skipped: NonWorkingDay[];
}

export interface Deadline {
  dueBy: Temporal.PlainDate;
  explanation: DeadlineExplanation;
}

/** A deadline that runs from a single date, as `hearth deadline RULE DATE` shows it. */
export interface DeadlineRule {
  period: Period;
  /** What must happen, in the words of the guidance. */
  rule: string;
  /** The event whose date the period counts from. */
  countsFrom: string;
  source: string;
}

const WORKING_TOGETHER = 'Working Together to Safeguard Children 2023';
const CARE_PLANNING = 'Care Planning, Placement and Case Review (England) Regulations 2010';

/** Every single-date deadline Hearth knows, by the name `hearth deadline` takes. */
export const DEADLINE_RULES = {
  'contact-decision': {
    period: { amount: 1, unit: 'working days' },
    rule: 'Decide what to do about a contact within 1 working day',
    countsFrom: 'contact received',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (decision about the type of response within one working day)`,
  },
  assessment: {
    period: { amount: 45, unit: 'working days' },
    rule: 'Complete (authorise) the assessment within 45 working days of the referral',
    countsFrom: 'referral',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (maximum timeframe for assessment 45 working days from the referral)`,
  },
  icpc: {
    period: { amount: 15, unit: 'working days' },
    rule: 'Hold the initial child protection conference within 15 working days of the strategy discussion',
    countsFrom: 'strategy discussion at which the section 47 enquiry was started',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (initial child protection conference)`,
  },
  'core-group': {
    period: { amount: 10, unit: 'working days' },
    rule: 'Hold the first core group within 10 working days of the initial child protection conference',
    countsFrom: 'initial child protection conference',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (core group)`,
  },
  'cp-review-first': {
    period: { amount: 3, unit: 'months' },
    rule: 'Hold the first child protection review conference within 3 months of the initial conference',
    countsFrom: 'initial child protection conference',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (child protection review conference)`,
  },
  'cp-review-next': {
    period: { amount: 6, unit: 'months' },
    rule: 'Hold each further child protection review conference within 6 months of the previous one',
    countsFrom: 'previous review conference',
    source: `${WORKING_TOGETHER}, 'Providing help, support and protection' (child protection review conference)`,
  },
  'cla-review-first': {
    period: { amount: 20, unit: 'working days' },
    rule: 'Hold the first looked-after review within 20 working days of the child becoming looked after',
    countsFrom: 'start of the period of care',
    source: `${CARE_PLANNING}, reg. 33(1)`,
  },
  'cla-review-second': {
    period: { amount: 3, unit: 'months' },
    rule: 'Hold the second looked-after review within 3 months of the first',
    countsFrom: 'first review',
    source: `${CARE_PLANNING}, reg. 33(2)`,
  },
  'cla-review-next': {
    period: { amount: 6, unit: 'months' },
    rule: 'Hold each further looked-after review within 6 months of the previous one',
    countsFrom: 'previous review',
    source: `${CARE_PLANNING}, reg. 33(3)`,
  },
  'cla-visit-first': {
    period: { amount: 1, unit: 'weeks' },
    rule: 'Visit the child within 1 week of the start of a placement',
    countsFrom: 'start of the placement',
    source: `${CARE_PLANNING}, reg. 28(2)(a)`,
  },
  'cla-visit-next': {
    period: { amount: 6, unit: 'weeks' },
    rule: 'Visit the child at intervals of not more than 6 weeks (first year of a placement, or not agreed long-term)',
    countsFrom: 'previous visit',
    source: `${CARE_PLANNING}, reg. 28(2)(b) and (c)(ii)`,
  },
  'cla-visit-long-term': {
    period: { amount: 3, unit: 'months' },
    rule: 'After its first year, visit a placement agreed to last until 18 at intervals of not more than 3 months',
    countsFrom: 'previous visit',
    source: `${CARE_PLANNING}, reg. 28(2)(c)(i)`,
  },
  'health-assessment-initial': {
    period: { amount: 20, unit: 'working days' },
    rule: 'Complete the initial health assessment within 20 working days of the child becoming looked after',
    countsFrom: 'start of the period of care',
    source: `${CARE_PLANNING}, reg. 7; Promoting the health and wellbeing of looked-after children (DfE/DHSC 2015)`,
  },
  'pep-initial': {
    period: { amount: 10, unit: 'working days' },
    rule: 'Start the personal education plan within 10 working days of the child becoming looked after',
    countsFrom: 'start of the period of care',
    source: 'Promoting the education of looked-after and previously looked-after children (DfE 2018)',
  },
  'pathway-plan-review': {
    period: { amount: 6, unit: 'months' },
    rule: 'Review the pathway plan at intervals of not more than 6 months',
    countsFrom: 'pathway plan or its previous review',
    source: 'Care Leavers (England) Regulations 2010, reg. 7',
  },
  'care-leaver-contact': {
    period: { amount: 2, unit: 'months' },
    rule: 'The personal adviser visits the care leaver at intervals of not more than 2 months',
    countsFrom: 'previous visit',
    source: 'Care Leavers (England) Regulations 2010, reg. 8(2)(c)',
  },
} as const satisfies Record<string, DeadlineRule>;

/** A period in words: "1 working day", "15 working days", "1 week", "3 months". */
export function describePeriod(period: Period): string {
  const unit = period.amount === 1 ? period.unit.replace(/s$/, '') : period.unit;
  return `${period.amount} ${unit}`;
}

export type DeadlineRuleName = keyof typeof DEADLINE_RULES;

export function isDeadlineRuleName(name: string): name is DeadlineRuleName {
  return Object.hasOwn(DEADLINE_RULES, name);
}

type PeriodReached = { dueBy: Temporal.PlainDate; skipped: NonWorkingDay[] };

/**
 * The dates already reached on each calendar, by period and starting date. The same few periods are counted from
 * the same few thousand dates for every child, and counting working days a day at a time was most of the daily
 * job's work (docs/performance.md). A calendar never changes once made, so what it gave once it gives again.
 */
const reachedOn = new WeakMap<WorkingDayCalendar, Map<string, PeriodReached>>();
/** The same, found by the date object itself when it is one seen before (writing a date out costs too). */
const reachedFrom = new WeakMap<
  WorkingDayCalendar,
  WeakMap<Temporal.PlainDate, Map<string, PeriodReached>>
>();

/** Adds a statutory period to a date: working days on the calendar, anything else as calendar time. */
export function addPeriod(
  calendar: WorkingDayCalendar,
  from: Temporal.PlainDate,
  period: Period,
): PeriodReached {
  let byDate = reachedFrom.get(calendar);
  if (!byDate) reachedFrom.set(calendar, (byDate = new WeakMap()));
  let ofDate = byDate.get(from);
  if (!ofDate) byDate.set(from, (ofDate = new Map()));
  const periodKey = `${period.amount} ${period.unit}`;
  let result = ofDate.get(periodKey);
  if (!result) {
    let reached = reachedOn.get(calendar);
    if (!reached) reachedOn.set(calendar, (reached = new Map()));
    const key = `${periodKey} ${from.toString()}`;
    result = reached.get(key);
    if (!result) reached.set(key, (result = countPeriod(calendar, from, period)));
    ofDate.set(periodKey, result);
  }
  return { dueBy: result.dueBy, skipped: [...result.skipped] };
}

function countPeriod(calendar: WorkingDayCalendar, from: Temporal.PlainDate, period: Period): PeriodReached {
  switch (period.unit) {
    case 'working days': {
      const reached = addWorkingDays(calendar, from, period.amount);
      return { dueBy: reached.date, skipped: reached.skipped };
    }
    case 'days':
      return { dueBy: from.add({ days: period.amount }), skipped: [] };
    case 'weeks':
      return { dueBy: from.add({ weeks: period.amount }), skipped: [] };
    case 'months':
      return { dueBy: addCalendarMonths(from, period.amount), skipped: [] };
  }
}

/** The due date under one rule counted from `countedFrom`, with its explanation. */
export function deadlineFor(
  rule: DeadlineRule,
  countedFrom: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Deadline {
  const { dueBy, skipped } = addPeriod(calendar, countedFrom, rule.period);
  return {
    dueBy,
    explanation: {
      rule: rule.rule,
      source: rule.source,
      period: rule.period,
      countedFrom,
      countedFromEvent: rule.countsFrom,
      skipped,
    },
  };
}

import { Temporal } from 'temporal-polyfill';
import type { CodeList } from '../../../codes/code-lists.ts';
import { workingDayCalendar } from '../../../calendar/working-days.ts';
import { addDays, addMonths, type IsoDate } from '../../dates.ts';
import type { ChildRule, Rule, RuleFlag, RuleInputs } from '../../engine.ts';
import type { CinChild, CinDetails, CinReturn } from '../read.ts';

/**
 * What the CIN rules know besides the child: the census year and the dates the DfE rules derive
 * from it, counts across the whole return, and the year's code lists. The rules' [Period_of_Census]
 * is collectionStart to referenceDate inclusive; <ReferenceDate> is 31 March at the year's end.
 */
export interface CinContext extends RuleInputs {
  readonly collectionStart: IsoDate;
  readonly collectionEnd: IsoDate;
  /** ReferenceDate minus 45 working days: an assessment open since before then is queried (8670Q). */
  readonly assessmentOpenSince: IsoDate;
  /** ReferenceDate minus 15 working days: a section 47 without a conference since before then (8675Q). */
  readonly section47OpenSince: IsoDate;
  /** Start of the census year minus 1 working day: earlier referrals are not no-further-action (8569Q). */
  readonly nfaReferralFrom: IsoDate;
  /** Latest birth date of a child of school age on the reference date (8770Q): 31 August, six years back. */
  readonly schoolAgeBornBy: IsoDate;
  /** How many children of the return carry each LAchildID (8510) and each UPN (1520). */
  readonly idCounts: ReadonlyMap<string, number>;
  readonly upnCounts: ReadonlyMap<string, number>;
  codes(field: string): CodeList;
}

export type CinRule = Rule<CinChild, CinContext>;

/** A rule over the whole return (the header, or a count across all children), not one child. */
export type CinReturnRule = ChildRule<CinReturn, CinContext>;

function workingDaysBefore(date: IsoDate, days: number): IsoDate {
  const calendar = workingDayCalendar();
  let day = Temporal.PlainDate.from(date);
  for (let counted = 0; counted < days;) {
    day = day.subtract({ days: 1 });
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day.toString();
}

/** The census dates of the collection year starting 1 April `year`. */
export function censusDates(year: number) {
  const collectionStart = `${year}-04-01`;
  const collectionEnd = `${year + 1}-03-31`;
  return {
    collectionStart,
    collectionEnd,
    assessmentOpenSince: workingDaysBefore(collectionEnd, 45),
    section47OpenSince: workingDaysBefore(collectionEnd, 15),
    nfaReferralFrom: workingDaysBefore(collectionStart, 1),
    schoolAgeBornBy: `${year - 5}-08-31`,
  };
}

/** The XML boolean flags (ReferralNFA, ICPCnotRequired): "true" or "1", "false" or "0". */
export const isTrue = (flag: string | null): boolean => flag === 'true' || flag === '1';
export const isFalse = (flag: string | null): boolean => flag === 'false' || flag === '0';

/** Whether `date` lies on or between `from` and `to`. */
export const between = (date: IsoDate, from: IsoDate, to: IsoDate): boolean => from <= date && date <= to;

export const inCensus = (date: IsoDate, context: CinContext): boolean =>
  between(date, context.collectionStart, context.collectionEnd);

export const isWeekend = (date: IsoDate): boolean => Temporal.PlainDate.from(date).dayOfWeek >= 6;

export { addDays, addMonths };

/** One flag on the child's module `table`; the row is the child's position in the message. */
export const flagOf = (child: CinChild, table: string, fields?: readonly string[]): RuleFlag =>
  fields ? { table, row: child.row, fields } : { table, row: child.row };

/** One flag for each CINdetails of the child that breaks the rule. */
export const detailsFlags = (child: CinChild, broken: (details: CinDetails) => boolean): RuleFlag[] =>
  child.CINdetails.filter(broken).map(() => flagOf(child, 'CINdetails'));

type Severity = 'error' | 'query';

/** The years of a rule that applies from 2025–26 on. */
export const from2025 = { from: 2025 } as const;

/** A rule of 2025–26 that looks at the child as a whole and flags `table` once when broken. */
export function ruleOnChild(table: string) {
  return (
    code: string,
    message: string,
    fields: readonly string[],
    broken: (child: CinChild, context: CinContext) => boolean,
    severity: Severity = 'error',
  ): CinRule => ({
    code,
    message,
    tables: [table],
    fields,
    years: from2025,
    severity,
    check: (child, context) => (broken(child, context) ? [flagOf(child, table)] : []),
  });
}

/**
 * A rule of 2025–26 on one kind of group within each CINdetails (its assessments, plans, ...):
 * one flag on `table` for each group that breaks it.
 */
export function ruleOnGroups<G>(table: string, groupsOf: (details: CinDetails) => readonly G[]) {
  return (
    code: string,
    message: string,
    fields: readonly string[],
    broken: (group: G, details: CinDetails, child: CinChild, context: CinContext) => boolean,
    severity: Severity = 'error',
  ): CinRule => ({
    code,
    message,
    tables: [table],
    fields,
    years: from2025,
    severity,
    check: (child, context) =>
      child.CINdetails.flatMap((details) =>
        groupsOf(details)
          .filter((group) => broken(group, details, child, context))
          .map(() => flagOf(child, table)),
      ),
  });
}

/** Every group of a kind across all the child's CINdetails, for rules that compare them (4014, 8940). */
export const allOf = <G>(child: CinChild, groupsOf: (details: CinDetails) => readonly G[]): G[] =>
  child.CINdetails.flatMap((details) => groupsOf(details));

/**
 * Whether `date` falls within a span that starts on `start` and runs to the day before `end`, or to
 * the reference date inclusive when it has not ended: the rules that let one span start the day another
 * ends (4016, 4017 "unless ... equal to the end date"; 8820, as D2I reads "between").
 */
export const withinSpan = (
  date: IsoDate,
  start: IsoDate,
  end: IsoDate | null,
  referenceDate: IsoDate,
): boolean => (end === null ? between(date, start, referenceDate) : start <= date && date < end);

/**
 * The groups that start within another group's dates: on or after its start and on or before its end,
 * or the reference date when it has not ended. The DfE's wording for overlapping plans (4014, 8940)
 * has no exception for a plan starting the day another ended, unlike 4016 and 4017.
 */
export function startsWithinAnother<G>(
  groups: readonly G[],
  start: (group: G) => IsoDate | null,
  end: (group: G) => IsoDate | null,
  referenceDate: IsoDate,
): G[] {
  return groups.filter((group) => {
    const from = start(group);
    if (from === null) return false;
    return groups.some((other) => {
      const otherStart = start(other);
      return other !== group && otherStart !== null && between(from, otherStart, end(other) ?? referenceDate);
    });
  });
}

import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { ChildFacts, CouncilFacts } from './facts.ts';
import type { ReportingPeriod } from './periods.ts';

/** The dashboard's groups (issue 20, part 4). */
export type IndicatorTheme =
  'front door' | 'help and protection' | 'children in care' | 'care leavers' | 'workforce';

/**
 * A figure: a count (denominator null, value the count), a proportion (value a percentage of the denominator,
 * null when there is nothing to divide by) or, for caseloads, an average. `children` are the children behind
 * the numerator and `outOf` those behind the denominator, each child once, for the drill-down.
 */
export interface IndicatorFigure {
  readonly numerator: number;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly children: readonly string[];
  readonly outOf: readonly string[] | null;
  /** Per 10,000 children aged 0–17, for the indicators the DfE publishes as rates; null without a population. */
  readonly ratePer10000?: number | null;
}

/** What an indicator computes: over the period's days (`during`) or on its last day (`on-last-day`). */
export type PeriodReading = 'during' | 'on-last-day';

export interface IndicatorDefinition {
  readonly id: string;
  readonly title: string;
  readonly theme: IndicatorTheme;
  /** What counts, in the analysts' words (docs/indicators.md says the same). */
  readonly counts: string;
  readonly numerator: string;
  /** Null for a count. */
  readonly denominator: string | null;
  readonly kind: 'count' | 'percentage' | 'average';
  readonly reading: PeriodReading;
  /** Null where neither way is better (how many contacts came in). */
  readonly higherIsBetter: boolean | null;
  /** The DfE release or guidance the definition follows, and where it departs from issue 20's words. */
  readonly source: string;
  readonly ratePer10000?: boolean;
  readonly compute: (
    facts: CouncilFacts,
    period: ReportingPeriod,
    calendar: WorkingDayCalendar,
  ) => IndicatorFigure;
}

/** A number to one decimal place, as the dashboard and the reports show it. */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Each id once, in the order first met. */
const once = (ids: readonly string[]) => [...new Set(ids)];

/** A count of things (contacts, referrals, plans), and the children they belong to. */
export function countOf(childIds: readonly string[]): IndicatorFigure {
  return {
    numerator: childIds.length,
    denominator: null,
    value: childIds.length,
    children: once(childIds),
    outOf: null,
  };
}

/**
 * A proportion of things that meet a test, each thing given as its child's id and whether it met it: the
 * numerator counts those that did, the denominator all of them, the value is the percentage.
 */
export function proportionOf(things: readonly { child: string; counted: boolean }[]): IndicatorFigure {
  const counted = things.filter((thing) => thing.counted);
  return {
    numerator: counted.length,
    denominator: things.length,
    value: things.length === 0 ? null : oneDecimal((100 * counted.length) / things.length),
    children: once(counted.map((thing) => thing.child)),
    outOf: once(things.map((thing) => thing.child)),
  };
}

/** The same figure with its rate per 10,000 children aged 0–17 (DfE: rates use the ONS mid-year estimate). */
export function withRate(figure: IndicatorFigure, population0To17: number | undefined): IndicatorFigure {
  const ratePer10000 =
    population0To17 === undefined || population0To17 <= 0
      ? null
      : oneDecimal((figure.numerator * 10000) / population0To17);
  return { ...figure, ratePer10000 };
}

/** The ids of the children of whom `test` holds. */
export function childrenWho(facts: CouncilFacts, test: (child: ChildFacts) => boolean): string[] {
  return facts.children.filter(test).map((child) => child.child.id);
}

/** A count with its rate per 10,000 children aged 0–17, for the counts the DfE publishes as rates. */
export function countWithRate(childIds: readonly string[], facts: CouncilFacts): IndicatorFigure {
  return withRate(countOf(childIds), facts.population0To17);
}

/** A count's definition: no denominator, and neither more nor fewer is better in itself. */
export function countIndicator(
  definition: Omit<IndicatorDefinition, 'denominator' | 'kind' | 'higherIsBetter'>,
): IndicatorDefinition {
  return { ...definition, denominator: null, kind: 'count', higherIsBetter: null };
}

/** The children's ids of things found for them. */
export const childrenOf = (found: readonly { child: string }[]) => found.map((thing) => thing.child);

/**
 * Builders of small hand-made councils for the indicators' table tests, in the record's own words. Dates are
 * written out; nothing is random.
 */
import { workingDayCalendar } from '../calendar/working-days.ts';
import type { ChildFacts, CouncilFacts, PlacementFacts, WorkerFacts } from './facts.ts';
import { indicatorById } from './index.ts';
import type { IndicatorFigure } from './indicator.ts';
import type { ReportingPeriod } from './periods.ts';

export const calendar = workingDayCalendar();

/** A child with nothing recorded but an id (which is also the name the tests use) and, if given, a birth date. */
export function aChild(
  id: string,
  facts: Partial<Omit<ChildFacts, 'child'>> & { born?: string } = {},
): ChildFacts {
  const { born = null, ...rest } = facts;
  return {
    child: { id, date_of_birth: born },
    contacts: [],
    episodes: [],
    assessments: [],
    strategy_discussions: [],
    section47_enquiries: [],
    initial_conferences: [],
    cp_plans: [],
    care_periods: [],
    legal_statuses: [],
    placements: [],
    missing_episodes: [],
    care_leaver_contacts: [],
    allocations: [],
    ...rest,
  };
}

/** An episode of need opened by a referral on `referralDate`, still open unless `closedOn` is given. */
export function anEpisode(id: string, referralDate: string, more: { nfa?: boolean; closedOn?: string } = {}) {
  return {
    id,
    referral_date: referralDate,
    no_further_action: more.nfa ?? false,
    closed_on: more.closedOn ?? (more.nfa ? referralDate : null),
  };
}

/** A foster placement (U4, own provision) in period `period`, with what a test says about it. */
export function aPlacement(
  period: string,
  start: string,
  more: Partial<PlacementFacts> = {},
): PlacementFacts {
  return {
    care_period_id: period,
    start_date: start,
    end_date: null,
    place: 'U4',
    provider: 'PR1',
    postcode: 'TN1 1AA',
    home_postcode: 'DA1 1AA',
    urn: 'SC100001',
    in_area: true,
    distance_miles: null,
    change_reason: null,
    ...more,
  };
}

/**
 * A period of care with its legal statuses ([from, code], each ending when the next begins) and its placements
 * (each ending when the next begins), as one child's facts.
 */
export function aPeriodOfCare(
  id: string,
  start: string,
  end: string | null,
  statuses: [string, string][],
  placements: PlacementFacts[] = [aPlacement(id, start)],
  reasonCeased: string | null = end === null ? null : 'E8',
): Pick<ChildFacts, 'care_periods' | 'legal_statuses' | 'placements'> {
  return {
    care_periods: [{ id, start_date: start, end_date: end, reason_ceased: reasonCeased }],
    legal_statuses: statuses.map(([from, code], index) => ({
      care_period_id: id,
      code,
      from_date: from,
      to_date: statuses[index + 1]?.[0] ?? end,
    })),
    placements: placements.map((placement, index) => ({
      ...placement,
      end_date: placements[index + 1]?.start_date ?? placement.end_date ?? end,
    })),
  };
}

/** Two or more periods of care as one child's facts. */
export function periodsOfCare(
  ...periods: Pick<ChildFacts, 'care_periods' | 'legal_statuses' | 'placements'>[]
): Pick<ChildFacts, 'care_periods' | 'legal_statuses' | 'placements'> {
  return {
    care_periods: periods.flatMap((period) => period.care_periods),
    legal_statuses: periods.flatMap((period) => period.legal_statuses),
    placements: periods.flatMap((period) => period.placements),
  };
}

/** The figure of the indicator `id` for these children (and workers) over `period`. */
export function figureOf(
  id: string,
  children: readonly ChildFacts[],
  period: ReportingPeriod,
  more: { workers?: readonly WorkerFacts[]; population0To17?: number } = {},
): IndicatorFigure {
  const indicator = indicatorById(id);
  if (!indicator) throw new Error(`No indicator ${id}`);
  const facts: CouncilFacts = { children, workers: more.workers ?? [], ...more };
  return indicator.compute(facts, period, calendar);
}

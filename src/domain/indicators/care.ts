import { addMonths, ageOn, type IsoDate } from '../returns/dates.ts';
import type { ChildFacts, CouncilFacts } from './facts.ts';
import {
  countIndicator,
  childrenWho,
  countOf,
  countWithRate,
  proportionOf,
  type IndicatorDefinition,
} from './indicator.ts';
import {
  endedAsShortBreak,
  episodesAsAt,
  isShortBreak,
  lookedAfterDuring,
  lookedAfterOn,
  placementOn,
  startedAsShortBreak,
} from './looked-after.ts';
import { inPeriod, rollingTwelveMonths } from './periods.ts';

const CLA_RELEASE = "DfE, 'Children looked after in England' statistics (SSDA903)";
const STABILITY_RELEASE = "DfE, 'Stability measures for children looked after in England' (SSDA903)";

/** Episodes that begin a placement (SSDA903 RNE): started care, new placement, with or without new carers. */
const NEW_PLACEMENT = new Set(['S', 'P', 'B', 'T', 'U']);
/** Episodes in which the child stays with the same carers: legal status only, or same carers (T, U). */
const SAME_CARERS = new Set(['L', 'T', 'U']);
/** SSDA903 PLACE: placed for adoption (A3 to A6). */
const PLACED_FOR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);

/** The children looked after on `day`, short breaks aside, with the period of care they are in. */
function lookedAfterOnDay(facts: CouncilFacts, day: IsoDate) {
  return facts.children.flatMap((child) => {
    const period = lookedAfterOn(child, day);
    return period ? [{ child, period }] : [];
  });
}

/**
 * Placements in the 12 months ending on `end`: the one held on their first day, if any, plus each episode
 * starting within them whose reason for a new episode is S, P, B, T or U (issue 20). Short breaks are left out,
 * as the DfE leaves them out of the stability measures.
 */
export function placementsInTwelveMonths(child: ChildFacts, end: IsoDate): number {
  const first = rollingTwelveMonths(end).start;
  const episodes = episodesAsAt(child, end).filter((episode) => !isShortBreak(episode.LS));
  const heldOnFirstDay = episodes.some(
    (episode) => episode.DECOM < first && (episode.DEC === null || episode.DEC > first),
  );
  const begun = episodes.filter((episode) => episode.DECOM >= first && NEW_PLACEMENT.has(episode.RNE));
  return (heldOnFirstDay ? 1 : 0) + begun.length;
}

/**
 * The day the child began living with the carers they are with on `day`: back through the episodes that kept the
 * same carers (RNE L, T, U). For a child placed for adoption, the placement before the adoptive one counts too
 * (DfE: "their adoptive placement and their previous placement together").
 */
export function withSameCarersSince(child: ChildFacts, day: IsoDate): IsoDate | undefined {
  const episodes = episodesAsAt(child, day);
  let index = episodes.findIndex(
    (episode) => episode.DECOM <= day && (episode.DEC === null || episode.DEC > day),
  );
  if (index < 0) return undefined;
  const placedForAdoption = PLACED_FOR_ADOPTION.has(episodes[index]!.PLACE ?? '');
  const backThroughSameCarers = () => {
    while (index > 0 && SAME_CARERS.has(episodes[index]!.RNE)) index--;
  };
  backThroughSameCarers();
  if (placedForAdoption && index > 0 && (episodes[index]!.RNE === 'P' || episodes[index]!.RNE === 'B')) {
    index--;
    backThroughSameCarers();
  }
  return episodes[index]!.DECOM;
}

/** Under 16 on `day` and looked after since at least 2½ years before it (the long-term stability cohort). */
function inLongTermCohort(child: ChildFacts, periodStart: IsoDate, day: IsoDate): boolean {
  const born = child.child.date_of_birth;
  return born !== null && ageOn(born, day) < 16 && periodStart <= addMonths(day, -30);
}

const distanceOf = (miles: string | number | null | undefined) =>
  miles === null || miles === undefined || miles === '' ? null : Number(miles);

/** Children in care: how many, starts and ends, stability, distance, area and going missing (DfE Children looked after statistics). */
export const careIndicators: readonly IndicatorDefinition[] = [
  countIndicator({
    id: 'cla-at-end',
    title: 'Children looked after',
    theme: 'children in care',
    counts: 'Children looked after on the period’s last day, not counting those on short breaks (V3, V4).',
    numerator: 'children looked after on the last day',
    reading: 'on-last-day',
    source: `${CLA_RELEASE}: children looked after at 31 March, excluding those under an agreed series of short-term placements`,
    ratePer10000: true,
    compute: (facts, period) =>
      countWithRate(
        lookedAfterOnDay(facts, period.end).map(({ child }) => child.child.id),
        facts,
      ),
  }),
  countIndicator({
    // DfE: "only the first occasion on which a child started to be looked after in the year has been counted".
    id: 'cla-started',
    title: 'Children who started to be looked after',
    theme: 'children in care',
    counts:
      'Children who started a period of care in the period, short breaks aside; a child starting twice is counted once, as the DfE counts them.',
    numerator: 'children starting a period of care in the period',
    reading: 'during',
    source: `${CLA_RELEASE}: children who started to be looked after (first occasion in the year)`,
    ratePer10000: true,
    compute: (facts, period) =>
      countWithRate(
        childrenWho(facts, (child) =>
          child.care_periods.some(
            (care) => inPeriod(care.start_date, period) && !startedAsShortBreak(child, care),
          ),
        ),
        facts,
      ),
  }),
  countIndicator({
    // DfE: "only the last occasion on which a child ceased to be looked after in the year has been counted".
    id: 'cla-ceased',
    title: 'Children who ceased to be looked after',
    theme: 'children in care',
    counts:
      'Children whose period of care ended in the period, short breaks aside; a child ceasing twice is counted once, as the DfE counts them.',
    numerator: 'children ceasing to be looked after in the period',
    reading: 'during',
    source: `${CLA_RELEASE}: children who ceased to be looked after (last occasion in the year)`,
    compute: (facts, period) =>
      countOf(
        childrenWho(facts, (child) =>
          child.care_periods.some(
            (care) => inPeriod(care.end_date, period) && !endedAsShortBreak(child, care),
          ),
        ),
      ),
  }),
  {
    id: 'cla-3-placements',
    title: 'Children looked after with three or more placements in 12 months',
    theme: 'children in care',
    counts:
      'Of the children looked after on the last day, those with three or more placements in the 12 months ending on it: the placement held on the first of those days, plus each episode starting within them whose reason for a new episode is S, P, B, T or U.',
    numerator: 'children looked after on the last day with three or more placements in the 12 months to it',
    denominator: 'children looked after on the last day',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${STABILITY_RELEASE}: children looked after at 31 March with three or more placements during the year`,
    compute: (facts, period) =>
      proportionOf(
        lookedAfterOnDay(facts, period.end).map(({ child }) => ({
          child: child.child.id,
          counted: placementsInTwelveMonths(child, period.end) >= 3,
        })),
      ),
  },
  {
    id: 'cla-long-term-stability',
    title: 'Long-term placement stability',
    theme: 'children in care',
    counts:
      'Of the children looked after on the last day who are under 16 and have been looked after continuously for at least 2½ years, those who have lived with the same carers for at least 2 years, or are placed for adoption and their adoptive placement and the one before it together last 2 years.',
    numerator:
      'children under 16 looked after 2½ years or more who have lived with the same carers for 2 years',
    denominator:
      'children looked after on the last day, under 16, looked after continuously for 2½ years or more',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: true,
    source: `${STABILITY_RELEASE}: children under 16 looked after continuously for at least 2.5 years, living with the same carer for at least 2 years`,
    compute: (facts, period) =>
      proportionOf(
        lookedAfterOnDay(facts, period.end)
          .filter(({ child, period: care }) => inLongTermCohort(child, care.start_date, period.end))
          .map(({ child }) => {
            const since = withSameCarersSince(child, period.end);
            return {
              child: child.child.id,
              counted: since !== undefined && since <= addMonths(period.end, -24),
            };
          }),
      ),
  },
  {
    id: 'cla-over-20-miles',
    title: 'Children placed more than 20 miles from home',
    theme: 'children in care',
    counts:
      'Of the children looked after on the last day whose placement’s distance from home is known, those placed more than 20 miles from home.',
    numerator: 'children looked after on the last day placed more than 20 miles from home',
    denominator: 'children looked after on the last day whose distance from home is known',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CLA_RELEASE}: distance between home and placement`,
    compute: (facts, period) =>
      proportionOf(
        lookedAfterOnDay(facts, period.end).flatMap(({ child, period: care }) => {
          const miles = distanceOf(placementOn(child, care, period.end)?.distance_miles);
          return miles === null ? [] : [{ child: child.child.id, counted: miles > 20 }];
        }),
      ),
  },
  {
    id: 'cla-out-of-area',
    title: 'Children placed outside the council’s area',
    theme: 'children in care',
    counts:
      'Of the children looked after on the last day, those whose placement on that day is outside the council’s area.',
    numerator: 'children looked after on the last day placed outside the council’s area',
    denominator: 'children looked after on the last day',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CLA_RELEASE}: placed inside or outside the council's boundary`,
    compute: (facts, period) =>
      proportionOf(
        lookedAfterOnDay(facts, period.end).map(({ child, period: care }) => ({
          child: child.child.id,
          counted: placementOn(child, care, period.end)?.in_area === false,
        })),
      ),
  },
  {
    // DfE counts "missing from placement" (M) apart from "away from placement without authorisation" (A).
    id: 'cla-missing',
    title: 'Children looked after who went missing',
    theme: 'children in care',
    counts:
      'Of the children looked after at some time in the period (short breaks aside), those who went missing from their placement at least once in it while looked after; being away without authorisation is not counted, as the DfE counts it apart.',
    numerator: 'children looked after in the period who went missing in it',
    denominator: 'children looked after at some time in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: false,
    source: `${CLA_RELEASE}: children who had a missing incident during the year`,
    compute: (facts, period) =>
      proportionOf(
        facts.children
          .filter((child) => lookedAfterDuring(child, period.start, period.end))
          .map((child) => ({
            child: child.child.id,
            counted: child.missing_episodes.some(
              (missing) =>
                missing.kind === 'M' &&
                inPeriod(missing.started_on, period) &&
                lookedAfterOn(child, missing.started_on) !== undefined,
            ),
          })),
      ),
  },
];

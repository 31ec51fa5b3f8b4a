import type { IsoDate } from '../returns/dates.ts';
import {
  ssda903EpisodesAsAt,
  type PeriodOfCareFact,
  type Ssda903Episode,
} from '../returns/ssda903/episodes.ts';
import type { ChildFacts, PlacementFacts } from './facts.ts';

type CarePeriod = ChildFacts['care_periods'][number];
type LegalStatus = ChildFacts['legal_statuses'][number];

/** V3 (a single short break) and V4 (a break in an agreed series): the DfE counts neither as looked after at 31 March. */
export const isShortBreak = (code: string | null | undefined) => code === 'V3' || code === 'V4';

/** The fact in force on `day`: begun by then and not ended (one ending on `day` gave way to the next). */
function inForce<F>(
  facts: readonly F[],
  from: (fact: F) => IsoDate,
  to: (fact: F) => IsoDate | null,
  day: IsoDate,
) {
  let found: F | undefined;
  for (const fact of facts) {
    const end = to(fact);
    if (from(fact) <= day && (end === null || day < end) && (!found || from(fact) >= from(found)))
      found = fact;
  }
  return found;
}

const statusesOf = (child: ChildFacts, period: CarePeriod) =>
  child.legal_statuses.filter((status) => status.care_period_id === period.id);

/** The legal status of a period of care on `day`. */
export function legalStatusOn(child: ChildFacts, period: CarePeriod, day: IsoDate): LegalStatus | undefined {
  return inForce(
    statusesOf(child, period),
    (status) => status.from_date,
    (status) => status.to_date,
    day,
  );
}

/** The placement of a period of care on `day`. */
export function placementOn(child: ChildFacts, period: CarePeriod, day: IsoDate): PlacementFacts | undefined {
  return inForce(
    child.placements.filter((placement) => placement.care_period_id === period.id),
    (placement) => placement.start_date,
    (placement) => placement.end_date,
    day,
  );
}

/** The period of care the child is in on `day`, short breaks aside (DfE: not looked after at 31 March on V3, V4). */
export function lookedAfterOn(child: ChildFacts, day: IsoDate): CarePeriod | undefined {
  return child.care_periods.find(
    (period) =>
      period.start_date <= day &&
      (period.end_date === null || period.end_date > day) &&
      !isShortBreak(legalStatusOn(child, period, day)?.code),
  );
}

/** Whether a period of care began on a short break (V3, V4), so the DfE leaves its start out of the starts. */
export function startedAsShortBreak(child: ChildFacts, period: CarePeriod): boolean {
  return isShortBreak(legalStatusOn(child, period, period.start_date)?.code);
}

/** Whether a period of care ended on a short break: the legal status of its last day. */
export function endedAsShortBreak(child: ChildFacts, period: CarePeriod): boolean {
  const statuses = statusesOf(child, period).filter((status) => status.from_date < period.end_date!);
  const last = statuses.reduce<LegalStatus | undefined>(
    (latest, status) => (!latest || status.from_date >= latest.from_date ? status : latest),
    undefined,
  );
  return isShortBreak((last ?? statusesOf(child, period)[0])?.code);
}

/**
 * Whether the child was looked after, other than on a short break, on some day from `start` to `end`: some
 * period of care overlaps those days with a legal status other than V3 or V4 (or none recorded) in them.
 */
export function lookedAfterDuring(child: ChildFacts, start: IsoDate, end: IsoDate): boolean {
  return child.care_periods.some((period) => {
    if (period.start_date > end || (period.end_date !== null && period.end_date <= start)) return false;
    const statuses = statusesOf(child, period);
    if (statuses.length === 0) return true;
    return statuses.some(
      (status) =>
        !isShortBreak(status.code) &&
        status.from_date <= end &&
        (status.to_date === null || status.to_date > start) &&
        (period.end_date === null || status.from_date < period.end_date),
    );
  });
}

/** The child's periods of care as the SSDA903 episode builder takes them, from the record's rows. */
export function periodsOfCare(child: ChildFacts): PeriodOfCareFact[] {
  return child.care_periods.map((period) => ({
    start: period.start_date,
    end: period.end_date,
    reasonCeased: period.reason_ceased,
    categoryOfNeed: null,
    legalStatuses: statusesOf(child, period).map((status) => ({
      from: status.from_date,
      to: status.to_date,
      code: status.code,
    })),
    placements: child.placements
      .filter((placement) => placement.care_period_id === period.id)
      .map((placement) => ({
        from: placement.start_date,
        to: placement.end_date,
        place: placement.place,
        provider: placement.provider,
        postcode: placement.postcode,
        homePostcode: placement.home_postcode,
        urn: placement.urn,
        carer: placement.carer ?? null,
        changeReason: placement.change_reason,
      })),
  }));
}

/** The child's SSDA903 episodes begun by `asAt`, as known that day (Hearth's one episode builder). */
export function episodesAsAt(child: ChildFacts, asAt: IsoDate): Ssda903Episode[] {
  return ssda903EpisodesAsAt(periodsOfCare(child), asAt);
}

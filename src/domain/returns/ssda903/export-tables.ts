import { addMonths, ageOn, birthday, daysBetween, writeUkDate, type IsoDate } from '../dates.ts';
import type { Ssda903Episode } from './episodes.ts';
import type { Ssda903Cells } from './export.ts';
import type { Ssda903ChildFacts } from './export-facts.ts';

/** The collection year: 1 April to 31 March. */
export interface YearBounds {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const uk = (date: IsoDate | null) => (date === null ? '' : writeUkDate(date));
const yesNo = (value: boolean | null) => (value === null ? '' : value ? '1' : '0');
/** Reasons a period of care ended after which the young person is no care leaver for OC3 (died, transferred, adopted, SGO). */
const notCareLeaver = new Set(['E2', 'E3', 'E11', 'E12', 'E41', 'E45', 'E46', 'E47', 'E48']);

/**
 * OC3 for a care leaver whose 17th to 21st birthday fell in the year, after their last period of care ended
 * (1007, 1016): the keeping-in-touch contact nearest that birthday, from three months before it to one month
 * after (SSDA903 guide: information is collected "around" the birthday). With no contact then, the council was
 * not in touch (NO, activity and accommodation 0).
 */
export function careLeaverRow(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'OC3'> | null {
  if (!child.careLeaver || child.dateOfBirth === null || child.periods.length === 0) return null;
  const dob = child.dateOfBirth;
  const day = [17, 18, 19, 20, 21]
    .map((years) => birthday(dob, years))
    .find((date) => year.start <= date && date <= year.end);
  if (!day || child.careLeaver.since > day) return null;
  const last = [...child.periods].sort((a, b) => (a.start < b.start ? -1 : 1)).at(-1)!;
  if (last.end === null || last.end >= day || notCareLeaver.has(last.reasonCeased ?? '')) return null;
  const [from, to] = [addMonths(day, -3), addMonths(day, 1)];
  const nearest = child.careLeaver.contacts
    .filter((contact) => from <= contact.on && contact.on <= to && contact.on <= year.end)
    .sort((a, b) => Math.abs(daysBetween(day, a.on)) - Math.abs(daysBetween(day, b.on)))[0];
  const gone = !nearest || ['NO', 'DIED', 'RHOM'].includes(nearest.inTouch);
  return {
    CHILD: child.localId,
    DOB: uk(dob),
    IN_TOUCH: nearest?.inTouch ?? 'NO',
    ACTIV: gone ? '0' : (nearest.activity ?? ''),
    ACCOM: gone ? '0' : (nearest.accommodation ?? ''),
  };
}

/**
 * Whether the child is in OC2's cohort: looked after continuously through the year to 31 March, that is
 * for at least 12 months then, and not only on short breaks (the validator's `continuouslyLookedAfter`).
 */
function lookedAfterAllYear(episodes: readonly Ssda903Episode[], year: YearBounds): boolean {
  const breaks = (episode: Ssda903Episode) =>
    (episode.RNE === 'S' && year.start < episode.DECOM && episode.DECOM <= year.end) ||
    (episode.REC !== 'X1' && episode.DEC !== null && year.start <= episode.DEC && episode.DEC < year.end) ||
    episode.LS === 'V3' ||
    episode.LS === 'V4';
  return episodes.length > 0 && !episodes.some(breaks);
}

/**
 * OC2 for a child looked after for 12 months at 31 March. Health assessments and dental checks are counted
 * from the record of them in the year; the rest comes from the year's outcomes as recorded, and is blank
 * (for validation to ask for it) when they were not. The SDQ is asked of children aged 4 to 16, conviction of
 * those 10 or over, the health check (health promotion) of those under 5 (DfE 2025–26 rules 186, 543, 545).
 */
export function outcomesRow(
  child: Ssda903ChildFacts,
  episodes: readonly Ssda903Episode[],
  year: YearBounds,
): Ssda903Cells<'OC2'> | null {
  if (!lookedAfterAllYear(episodes, year) || child.dateOfBirth === null) return null;
  const dob = child.dateOfBirth;
  const recorded = child.outcomes.find((outcome) => outcome.yearEnding === year.end);
  const inYear = (kind: 'dental' | 'health') =>
    child.healthChecks.some(
      (check) =>
        (kind === 'dental' ? check.kind === 'dental' : check.kind !== 'dental') &&
        year.start <= check.on &&
        check.on <= year.end,
    );
  const ageAtEnd = ageOn(dob, year.end);
  const sdqAsked = birthday(dob, 4) <= year.end && birthday(dob, 17) > year.start;
  const misuse = recorded?.substanceMisuse ?? null;
  const received = misuse ? (recorded?.interventionReceived ?? null) : null;
  return {
    CHILD: child.localId,
    DOB: uk(dob),
    SDQ_SCORE: sdqAsked && recorded?.sdqScore != null ? String(recorded.sdqScore) : '',
    SDQ_REASON: sdqAsked && recorded?.sdqScore == null ? (recorded?.sdqReason ?? '') : '',
    CONVICTED: ageAtEnd >= 10 ? yesNo(recorded?.convicted ?? null) : '',
    HEALTH_CHECK: ageAtEnd < 5 ? yesNo(inYear('health')) : '',
    IMMUNISATIONS: yesNo(recorded?.immunisationsUpToDate ?? null),
    TEETH_CHECK: yesNo(inYear('dental')),
    HEALTH_ASSESSMENT: yesNo(inYear('health')),
    SUBSTANCE_MISUSE: yesNo(misuse),
    INTERVENTION_RECEIVED: yesNo(received),
    INTERVENTION_OFFERED: received === false ? yesNo(recorded?.interventionOffered ?? null) : '',
  };
}

/**
 * PrevPerm for a child whose latest period of care began in the year (630): what was recorded when it began,
 * blank when nothing was (for validation to ask for it).
 */
export function previousPermanenceRow(
  child: Ssda903ChildFacts,
  year: YearBounds,
): Ssda903Cells<'PrevPerm'> | null {
  const started = child.periods
    .filter((period) => year.start <= period.start && period.start <= year.end)
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .at(-1);
  if (!started) return null;
  const permanence = started.previousPermanence;
  return {
    CHILD: child.localId,
    DOB: uk(child.dateOfBirth),
    PREV_PERM: permanence?.code ?? '',
    LA_PERM: permanence?.council ?? '',
    DATE_PERM: permanence?.date?.toUpperCase() ?? '',
  };
}

/**
 * SWEpisodes: the child's allocated social workers from 1 April of the year before to 31 March, one row per
 * stretch with one worker (allocations to the same worker back to back are one). SW_REASON is the reason
 * recorded with the allocation; without one, FCONTA for the first worker of a new involvement (none before,
 * or more than 7 days since the last: SW10), LEFTRL when the worker before had left the council, else OTHERS.
 */
export function socialWorkerRows(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'SWEpisodes'>[] {
  const from = `${Number(year.start.slice(0, 4)) - 1}-04-01`;
  const sorted = [...child.socialWorkers].sort((a, b) => (a.from < b.from ? -1 : 1));
  const stretches: { first: (typeof sorted)[number]; to: IsoDate | null; reason: string }[] = [];
  for (const fact of sorted) {
    if (fact.to !== null && fact.to <= fact.from) continue;
    const previous = stretches.at(-1);
    if (previous && previous.first.workerId === fact.workerId && previous.to === fact.from) {
      previous.to = fact.to;
      continue;
    }
    const newInvolvement = !previous || previous.to === null || daysBetween(previous.to, fact.from) > 7;
    const reason = fact.reason ?? (newInvolvement ? 'FCONTA' : fact.previousWorkerLeft ? 'LEFTRL' : 'OTHERS');
    stretches.push({ first: fact, to: fact.to, reason });
  }
  // The episodes are those of the child's care: none begins after care ended, and one running on when care
  // ended is returned open, as the DfE expects of the latest episode (SW17).
  const careEnded = lastCareEnd(child, year);
  return stretches
    .filter(
      (stretch) =>
        stretch.first.from <= year.end &&
        (careEnded === null || stretch.first.from < careEnded) &&
        (stretch.to === null || stretch.to >= from),
    )
    .map((stretch) => ({
      CHILD: child.localId,
      DOB: uk(child.dateOfBirth),
      SW_ID: stretch.first.registration ?? '',
      SW_DECOM: uk(stretch.first.from),
      SW_DEC:
        stretch.to !== null && stretch.to <= year.end && (careEnded === null || stretch.to < careEnded)
          ? uk(stretch.to)
          : '',
      SW_REASON: stretch.reason,
    }));
}

/** The day the child's latest period of care ended, when it ended by 31 March; null while looked after. */
function lastCareEnd(child: Ssda903ChildFacts, year: YearBounds): IsoDate | null {
  const latest = [...child.periods]
    .filter((period) => period.start <= year.end)
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .at(-1);
  return latest?.end != null && latest.end <= year.end ? latest.end : null;
}

/**
 * PlacedAdoption: each decision that the child should be placed for adoption in force at some time in the year
 * (made by 31 March, not reversed before 1 April), with its reversal when that came by 31 March.
 */
export function placedForAdoptionRows(
  child: Ssda903ChildFacts,
  year: YearBounds,
): Ssda903Cells<'PlacedAdoption'>[] {
  return [...child.adoptionDecisions]
    .filter(
      (decision) =>
        decision.decidedOn <= year.end && (decision.reversedOn === null || decision.reversedOn >= year.start),
    )
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1))
    .map((decision) => {
      const reversed = decision.reversedOn !== null && decision.reversedOn <= year.end;
      return {
        CHILD: child.localId,
        DOB: uk(child.dateOfBirth),
        DATE_PLACED: uk(decision.decidedOn),
        DATE_PLACED_CEASED: reversed ? uk(decision.reversedOn) : '',
        REASON_PLACED_CEASED: reversed ? (decision.reversalReason ?? '') : '',
      };
    });
}

/**
 * AD1 for a child adopted in the year (the period of care ended E11 or E12 by 31 March): the latest decision to
 * place for adoption, the match and the adopters, blank where not recorded (601 then asks for them).
 */
export function adoptionRow(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'AD1'> | null {
  const adopted = child.periods.some(
    (period) =>
      period.end !== null &&
      year.start <= period.end &&
      period.end <= year.end &&
      (period.reasonCeased === 'E11' || period.reasonCeased === 'E12'),
  );
  if (!adopted) return null;
  const decision = [...child.adoptionDecisions]
    .filter((each) => each.decidedOn <= year.end)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1))
    .at(-1);
  const matched = decision?.matchedOn != null && decision.matchedOn <= year.end ? decision.matchedOn : null;
  return {
    CHILD: child.localId,
    DOB: uk(child.dateOfBirth),
    DATE_INT: uk(decision?.decidedOn ?? null),
    DATE_MATCH: uk(matched),
    FOSTER_CARE: yesNo(decision?.adopters.fosterCarers ?? null),
    NB_ADOPTR: decision?.adopters.count == null ? '' : String(decision.adopters.count),
    SEX_ADOPTR: decision?.adopters.sex ?? '',
    LS_ADOPTR: decision?.adopters.legalStatus ?? '',
  };
}

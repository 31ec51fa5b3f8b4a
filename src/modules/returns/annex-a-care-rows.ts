import { addMonths, writeUkDate, type IsoDate } from '../../domain/returns/dates.ts';
import type { AnnexARow } from '../../domain/returns/annex-a/lists.ts';
import type { ChildRecord } from '../record/service.ts';
import type { AnnexAWindow } from './annex-a-rows.ts';
import { childIdentity, workerOn } from './annex-a-rows.ts';

const uk = (date: IsoDate | null | undefined): string => (date ? writeUkDate(date) : '');
const byStart = <T extends { start_date: IsoDate }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.start_date < b.start_date ? -1 : 1));
const latestOf = (dates: readonly IsoDate[]): IsoDate | null => [...dates].sort().at(-1) ?? null;

/** List 8: each child looked after at some time in the window, from their latest period of care. */
export function lookedAfterRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  const periods = byStart(record.care_periods);
  const period = periods
    .filter(
      (each) => each.start_date <= window.to && (each.end_date === null || each.end_date >= window.from),
    )
    .at(-1);
  if (!period) return [];
  const yearAgo = addMonths(window.to, -12);
  const inPeriod = <T extends { care_period_id: string }>(rows: readonly T[]) =>
    rows.filter((row) => row.care_period_id === period.id);
  const status = byStart(
    inPeriod(record.legal_statuses).map((each) => ({ ...each, start_date: each.from_date })),
  ).at(-1);
  const placements = byStart(inPeriod(record.placements));
  const placement = placements.at(-1);
  const missing = record.missing_episodes.filter(
    (each) => each.started_on > yearAgo && each.started_on <= window.to,
  );
  const lastMissing = [...missing]
    .filter((each) => each.kind === 'M')
    .sort((a, b) => (a.started_on < b.started_on ? -1 : 1))
    .at(-1);
  const yesNo = (value: boolean | null | undefined) =>
    value === null || value === undefined ? '' : value ? 'Y' : 'N';
  const seen = record.child_visits
    .filter((visit) => visit.seen && visit.visited_on <= window.to)
    .map((visit) => visit.visited_on);
  const health = (kinds: readonly string[]) =>
    latestOf(
      record.health_assessments
        .filter((each) => kinds.includes(each.kind) && each.completed_on <= window.to)
        .map((each) => each.completed_on),
    );
  return [
    {
      ...childIdentity(record, window),
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': record.child.uasc
        ? 'Y'
        : 'N',
      'Date Started to be Looked After': uk(period.start_date),
      "Child's Category of Need": period.category_of_need ?? '',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)':
        periods.some(
          (other) =>
            other.id !== period.id &&
            other.end_date !== null &&
            other.end_date > yearAgo &&
            other.end_date < period.start_date,
        )
          ? 'Y'
          : 'N',
      'Start date of current legal status': uk(status?.from_date),
      "Child's Legal Status": status?.code ?? '',
      'Date of Latest Statutory Review': uk(
        latestOf(inPeriod(record.cla_reviews).map((review) => review.held_on)),
      ),
      'Date of Last Social Work Visit': uk(latestOf(seen)),
      'What is the permanence plan for this child?': '',
      'Date of Last IRO Visit / Contact to the Child': '',
      'Date of Last Health Assessment': uk(health(['initial', 'review'])),
      'Date of Last Dental Check': uk(health(['dental'])),
      'Number of Placements in the Last 12 months': placements.filter(
        (each) => each.end_date === null || each.end_date > yearAgo,
      ).length,
      'Date Ceased to be Looked After': uk(period.end_date),
      'Reason Ceased to be Looked After': period.reason_ceased ?? '',
      'Start Date of Most Recent Placement': uk(placement?.start_date),
      'Placement Type': placement?.place ?? '',
      'Placement Provider': placement?.provider ?? '',
      'Placement postcode': placement?.postcode ?? '',
      'URN of Placement': placement?.urn ?? '',
      'Placement Location':
        placement?.in_area === null || placement === undefined ? '' : placement.in_area ? 'In' : 'Out',
      'LA of Placement': '',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months":
        missing.filter((each) => each.kind === 'M').length,
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months":
        missing.filter((each) => each.kind === 'A').length,
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': yesNo(
        lastMissing?.return_interview_offered,
      ),
      'Did the child accept a Return Interview after their last missing episode (Y/N)?': yesNo(
        lastMissing?.return_interview_accepted,
      ),
      ...workerOn(record, window),
    },
  ];
}

/** List 10: each child with a decision that they should be placed for adoption, in force at some time in the window. */
export function adoptionRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  return record.adoption_decisions
    .filter(
      (decision) =>
        decision.decided_on <= window.to &&
        (decision.reversed_on === null || decision.reversed_on >= window.from),
    )
    .map((decision) => {
      const period = byStart(record.care_periods.filter((each) => each.start_date <= decision.decided_on)).at(
        -1,
      );
      const order = record.legal_statuses.find(
        (status) => status.code === 'E1' && status.care_period_id === period?.id,
      );
      const placed = byStart(
        record.placements.filter((each) => /^A[3-6]$/.test(each.place) && each.care_period_id === period?.id),
      )[0];
      const fostering = byStart(
        record.placements.filter(
          (each) => ['U2', 'U5'].includes(each.place) && each.care_period_id === period?.id,
        ),
      )[0];
      const adopted = period && ['E11', 'E12'].includes(period.reason_ceased ?? '') ? period.end_date : null;
      return {
        ...childIdentity(record, window),
        'Family identifier': '',
        'Date the Child Entered Care': uk(period?.start_date),
        'Date of Decision that Child Should be Placed for Adoption': uk(decision.decided_on),
        'Date of Placement Order': uk(order?.from_date),
        'Date of Matching Child and Prospective Adopters': uk(decision.matched_on),
        'Date Placed for Adoption': uk(placed?.start_date),
        'Date of Adoption Order': uk(adopted),
        'Date of Decision that Child Should No Longer be Placed for Adoption': uk(decision.reversed_on),
        'Reason Why Child No Longer Placed for Adoption': decision.reversal_reason ?? '',
        'Date the child was placed for fostering in FFA or concurrent planning placement': uk(
          fostering?.start_date,
        ),
      };
    });
}

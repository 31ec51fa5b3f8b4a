import { ageOn, birthday, later, type IsoDate } from '../returns/dates.ts';

/**
 * How long a child's record is kept (issue 22, part 8). Hearth never deletes a record: it says when each record
 * is due for review under the council's retention schedule, and a person decides.
 *
 * - Adopted: at least 100 years from the adoption order (Adoption Agencies Regulations 2005, regulation 42).
 * - Ever looked after: until the 75th birthday, or 15 years from the death of a child who dies before 18 (Care
 *   Planning, Placement and Case Review (England) Regulations 2010, regulation 50).
 * - Everyone else: the council's own policy. The default is the IRMS Retention Guidelines for Local Authorities'
 *   schedule for children's social care records: until the 25th birthday, or the 26th for a young person who
 *   was 17 when the case closed.
 * A record still open is kept while it is open: its review date is worked out when the involvement ends.
 */
export interface RetentionPolicy {
  /** The birthday until which the records of children never looked after are kept (default 25). */
  othersUntilBirthday: number;
}

export const defaultRetentionPolicy: RetentionPolicy = { othersUntilBirthday: 25 };

export interface RecordForRetention {
  dateOfBirth: IsoDate | null;
  dateOfDeath: IsoDate | null;
  everLookedAfter: boolean;
  adoptionOrderDate: IsoDate | null;
  /** The day the council's last involvement ended (the last episode's close), or null while one is open. */
  involvementEndedOn: IsoDate | null;
  /** Whether any episode is open today. */
  open: boolean;
}

export type RetentionReason = 'adopted' | 'looked-after' | 'looked-after-died' | 'council-policy';

export type Retention =
  | { kind: 'kept-while-open' }
  | { kind: 'no-date-of-birth' }
  | { kind: 'review'; reason: RetentionReason; reviewOn: IsoDate };

export const retentionReasonWords: Record<RetentionReason, string> = {
  adopted: 'Adopted',
  'looked-after': 'Looked after',
  'looked-after-died': 'Looked after, died before 18',
  'council-policy': 'Never looked after',
};

export function retentionOf(
  record: RecordForRetention,
  policy: RetentionPolicy = defaultRetentionPolicy,
): Retention {
  if (record.adoptionOrderDate)
    return { kind: 'review', reason: 'adopted', reviewOn: birthday(record.adoptionOrderDate, 100) };
  if (record.open) return { kind: 'kept-while-open' };
  const birth = record.dateOfBirth;
  if (record.everLookedAfter) {
    if (record.dateOfDeath && birth && ageOn(birth, record.dateOfDeath) < 18)
      return { kind: 'review', reason: 'looked-after-died', reviewOn: birthday(record.dateOfDeath, 15) };
    if (birth) return { kind: 'review', reason: 'looked-after', reviewOn: birthday(birth, 75) };
    return { kind: 'no-date-of-birth' };
  }
  if (!birth) return { kind: 'no-date-of-birth' };
  const until = birthday(birth, policy.othersUntilBirthday);
  // Closed at 17: a year more, so that a young person has time to ask for their record as an adult.
  const closedAt17 = record.involvementEndedOn !== null && ageOn(birth, record.involvementEndedOn) === 17;
  const reviewOn = closedAt17 ? birthday(birth, policy.othersUntilBirthday + 1) : until;
  return {
    kind: 'review',
    reason: 'council-policy',
    reviewOn: record.involvementEndedOn ? later(reviewOn, record.involvementEndedOn) : reviewOn,
  };
}

/** Whether a record is due for review by `by` (today, or the end of the period a report looks ahead to). */
export function reviewDueBy(retention: Retention, by: IsoDate): boolean {
  return retention.kind === 'review' && retention.reviewOn <= by;
}

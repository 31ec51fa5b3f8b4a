import { Temporal } from 'temporal-polyfill';
import type { Problem } from '../journey/rules.ts';

/** The kinds of absence a manager records. Only the kind is kept, never a medical reason. */
export const absenceKinds = {
  'annual-leave': 'Annual leave',
  sickness: 'Sickness',
  'parental-leave': 'Parental leave',
  training: 'Training',
  'other-leave': 'Other leave',
} as const;
export type AbsenceKind = keyof typeof absenceKinds;

export function isAbsenceKind(kind: string): kind is AbsenceKind {
  return Object.hasOwn(absenceKinds, kind);
}

/** A worker's absence: the first and last day away (the last is null while the return is not known). */
export interface Absence {
  readonly kind: string;
  readonly from: string;
  readonly to: string | null;
}

/**
 * How far ahead leave may be booked. Leave years run a year; beyond that a date is almost always a typing
 * mistake (2062 for 2026), and it would hide the worker from cover planning for decades.
 */
const furthestAhead = { months: 18 };

/**
 * What is wrong with a new absence, given the worker's other absences: the days in order, not booked absurdly
 * far ahead, and not overlapping another absence (a day cannot be both leave and sickness, and the team's view of
 * who is away must have one answer). An absence with no return date runs on indefinitely.
 */
export function absenceProblems(absence: Absence, others: readonly Absence[], today: string): Problem[] {
  const problems: Problem[] = [];
  if (!isAbsenceKind(absence.kind)) problems.push({ path: 'kind', message: 'Select the kind of absence' });
  if (absence.to !== null && absence.to < absence.from)
    problems.push({
      path: 'to',
      message: 'The last day away must be the same as or after the first day away',
    });
  const limit = Temporal.PlainDate.from(today).add(furthestAhead).toString();
  if (absence.from > limit)
    problems.push({ path: 'from', message: 'The first day away must be within 18 months of today' });
  else if (absence.to !== null && absence.to > limit)
    problems.push({ path: 'to', message: 'The last day away must be within 18 months of today' });
  if (problems.length) return problems;
  const clash = others.find((other) => overlaps(absence, other));
  if (clash) {
    const until = clash.to === null ? 'with no return date' : `to ${longDate(clash.to)}`;
    const kind = isAbsenceKind(clash.kind) ? absenceKinds[clash.kind].toLowerCase() : clash.kind;
    problems.push({
      path: 'from',
      message: `These days overlap ${kind} already recorded from ${longDate(clash.from)} ${until}`,
    });
  }
  return problems;
}

const longDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function longDate(isoDate: string): string {
  return longDateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

function overlaps(a: Absence, b: Absence): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/** The absence that covers the day, if the worker is away that day. */
export function absenceOn(absences: readonly Absence[], day: string): Absence | undefined {
  return absences.find((absence) => absence.from <= day && (absence.to === null || day <= absence.to));
}

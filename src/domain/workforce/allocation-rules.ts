import { Temporal } from 'temporal-polyfill';
import { writtenDay } from '../calendar/dates.ts';
import type { JourneyStage } from '../journey/status.ts';
import type { DateEntry, Problem } from '../journey/rules.ts';

/** The ways a worker can hold a child's case, in the words the pages use. */
export const caseRoles = {
  'allocated-worker': 'Allocated worker',
  'personal-adviser': 'Personal adviser',
  'independent-reviewing-officer': 'Independent reviewing officer',
  'co-worker': 'Co-worker',
  cover: 'Cover',
} as const;
export type CaseRole = keyof typeof caseRoles;

export function isCaseRole(role: string): role is CaseRole {
  return Object.hasOwn(caseRoles, role);
}

/**
 * The staff roles that may hold each case role. A reviewing officer holds no other role on a case, because the
 * IRO must be independent of its management (Care Planning Regulations 2010, reg. 46; IRO Handbook 2010, 2.3);
 * a personal adviser is a role of its own (Children Act 1989, sch. 2 para 19C; Care Leavers Regulations 2010).
 */
const staffFor: Record<CaseRole, readonly string[]> = {
  'allocated-worker': ['social-worker', 'team-manager'],
  'personal-adviser': ['personal-adviser'],
  'independent-reviewing-officer': ['independent-reviewing-officer'],
  'co-worker': ['social-worker', 'team-manager', 'personal-adviser'],
  cover: ['social-worker', 'team-manager', 'personal-adviser'],
};

/** Whether a worker in this staff role may hold this case role. */
export function mayHold(caseRole: CaseRole, staffRole: string): boolean {
  return staffFor[caseRole].includes(staffRole);
}

const staffWords: Record<string, string> = {
  'social-worker': 'a social worker',
  'team-manager': 'a team manager',
  'personal-adviser': 'a personal adviser',
  'independent-reviewing-officer': 'an independent reviewing officer',
};

/** The worker proposed for a case role. A student social worker is not yet qualified. */
export interface ProposedWorker {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly qualified: boolean;
}

/** One of the child's allocations, current or past. */
export interface ChildAllocation {
  readonly workerId: string;
  readonly workerName: string;
  readonly caseRole: string;
  readonly from: string;
  readonly to: string | null;
}

/** What the rules need to know about the child. */
export interface ChildForAllocation {
  readonly givenName: string;
  readonly stage: JourneyStage;
  /** On a child in need plan, a child protection plan or looked after (a care plan). */
  readonly onPlan: boolean;
  /** The referral that opened the child's latest episode of need, if any. */
  readonly referralDate: string | null;
  readonly dateOfBirth: string | null;
  readonly allocations: readonly ChildAllocation[];
}

export interface AllocationRequest {
  readonly caseRole: string;
  readonly worker: ProposedWorker | null;
  readonly from: DateEntry;
  readonly reason: string;
}

/**
 * What is wrong with allocating a worker to a child (issue 17, part 3), field by field, in words for the manager:
 * - the case role only for staff who hold it: reviewing officers as IRO and nothing else, personal advisers as
 *   PA (and only for a young person in or leaving care, aged 16 or over), qualified social workers as allocated
 *   worker or cover of a child on a plan (Working Together 2023, ch. 2: a social worker leads the plan);
 * - the start no earlier than the referral (or birth, if there was none), and not after today (or, for cover
 *   arranged ahead of an absence, its first day);
 * - one allocation of a kind at a time: the new one starts after every earlier one of its kind began and after
 *   any that has already ended, so ending the current one never rewrites the history.
 * Returns the problems and, when the date itself is good, the start date.
 */
export function allocationProblems(
  request: AllocationRequest,
  child: ChildForAllocation,
  today: string,
  absenceStart: string | null = null,
): { problems: Problem[]; from: string | null } {
  const latestStart = absenceStart && absenceStart > today ? absenceStart : today;
  const problems: Problem[] = [];
  const worker = request.worker;
  if (!worker) problems.push({ path: 'workerId', message: 'Select the worker to allocate' });
  if (!isCaseRole(request.caseRole))
    problems.push({ path: 'caseRole', message: 'Select the worker’s role on the case' });
  else if (worker) {
    const misfit = roleProblem(request.caseRole, worker, child, datePart(request.from));
    if (misfit) problems.push({ path: 'workerId', message: misfit });
  }
  const from = startProblems(problems, request, child, latestStart, today);
  if (!request.reason.trim())
    problems.push({ path: 'reason', message: 'Enter the reason for the allocation' });
  return { problems, from };
}

/**
 * Why this worker cannot hold this case role for this child, or null if they can. Used by the allocation form
 * and by the cover proposal, so a proposed cover worker always passes the rules.
 */
export function roleProblem(
  caseRole: CaseRole,
  worker: ProposedWorker,
  child: ChildForAllocation,
  on: string | null,
): string | null {
  const words = caseRoles[caseRole].toLowerCase();
  if (!mayHold(caseRole, worker.role)) {
    const they = `${worker.name} is ${staffWords[worker.role] ?? `a ${worker.role.replaceAll('-', ' ')}`}`;
    if (worker.role === 'independent-reviewing-officer')
      return `${they}: a reviewing officer must stay independent of the case, so cannot be its ${words}`;
    if (caseRole === 'independent-reviewing-officer')
      return `${they}: only an independent reviewing officer can be ${child.givenName}’s reviewing officer`;
    if (caseRole === 'personal-adviser')
      return `${they}: only a personal adviser can be ${child.givenName}’s personal adviser`;
    return `${they}, who cannot be a child’s ${words}`;
  }
  if (caseRole === 'personal-adviser' && !inOrLeavingCareAt16(child, on))
    return `${child.givenName} is not a care leaver or in care aged 16 or over, so has no personal adviser`;
  if (
    (caseRole === 'allocated-worker' || caseRole === 'cover') &&
    child.onPlan &&
    worker.role === 'social-worker' &&
    !worker.qualified
  )
    return `${worker.name} is a student social worker: ${child.givenName} is on a plan, so needs a qualified social worker as ${words}`;
  if (child.allocations.some((a) => a.workerId === worker.id && a.caseRole === caseRole && isOpen(a, on)))
    return `${worker.name} is already ${child.givenName}’s ${words}`;
  return null;
}

function inOrLeavingCareAt16(child: ChildForAllocation, on: string | null): boolean {
  if (child.stage === 'care-leaver') return true;
  if (child.stage !== 'looked-after' || !child.dateOfBirth) return false;
  const sixteenth = Temporal.PlainDate.from(child.dateOfBirth).add({ years: 16 }).toString();
  return (on ?? '0000-01-01') >= sixteenth;
}

function startProblems(
  problems: Problem[],
  request: AllocationRequest,
  child: ChildForAllocation,
  latestStart: string,
  today: string,
): string | null {
  const entry = request.from;
  const problem =
    'problem' in entry ? entry.problem : startProblem(entry.date, request, child, latestStart, today);
  if (problem) problems.push({ path: 'from', message: problem });
  return problem || !('date' in entry) ? null : entry.date;
}

function startProblem(
  from: string | null,
  request: AllocationRequest,
  child: ChildForAllocation,
  latestStart: string,
  today: string,
): string | null {
  const name = child.givenName;
  if (from === null) return 'Enter the date the allocation starts';
  if (from > latestStart)
    return latestStart !== today
      ? `Cover cannot start after the first day away, ${longDate(latestStart)}`
      : 'The date the allocation starts must be today or in the past';
  if (child.referralDate && from < child.referralDate)
    return `The allocation cannot start before ${name}’s referral on ${longDate(child.referralDate)}`;
  if (!child.referralDate && child.dateOfBirth && from < child.dateOfBirth)
    return `The allocation cannot start before ${name} was born on ${longDate(child.dateOfBirth)}`;
  return isCaseRole(request.caseRole) ? historyClash(request.caseRole, from, child) : null;
}

/** Whether starting on `from` would rewrite an earlier allocation of the same kind. */
function historyClash(caseRole: CaseRole, from: string, child: ChildForAllocation): string | null {
  const words = caseRoles[caseRole].toLowerCase();
  for (const earlier of child.allocations.filter((a) => a.caseRole === caseRole)) {
    if (from <= earlier.from)
      return `${earlier.workerName} has been ${child.givenName}’s ${words} since ${longDate(earlier.from)}: a new ${words} must start after that day, so the history stays as it was`;
    if (earlier.to !== null && from <= earlier.to)
      return `${earlier.workerName} was ${child.givenName}’s ${words} until ${longDate(earlier.to)}: a new ${words} must start after that day, so the history stays as it was`;
  }
  return null;
}

/** What allocating will change: the allocation of the same kind that ends, and the day it ends. */
export function allocationEnding(
  caseRole: string,
  from: string,
  child: ChildForAllocation,
): { workerName: string; endsOn: string } | null {
  const current = child.allocations.find((a) => a.caseRole === caseRole && a.to === null);
  if (!current) return null;
  return { workerName: current.workerName, endsOn: dayBefore(from) };
}

/** The last day of an allocation that another of its kind follows: the new one's first day is not shared. */
export function dayBefore(day: string): string {
  return Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
}

function isOpen(allocation: ChildAllocation, on: string | null): boolean {
  return on === null ? allocation.to === null : allocation.to === null || allocation.to >= on;
}

function datePart(entry: DateEntry): string | null {
  return 'date' in entry ? entry.date : null;
}

/** "7 December 2026", as every page writes a date. */
export function longDate(isoDate: string): string {
  return writtenDay(Temporal.PlainDate.from(isoDate));
}

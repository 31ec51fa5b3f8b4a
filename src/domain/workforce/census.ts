import { Temporal } from 'temporal-polyfill';
import { countWorkingDays, type WorkingDayCalendar } from '../calendar/working-days.ts';

/**
 * Workforce measures as the DfE's children's social work workforce census defines them (Children's social work
 * workforce: methodology, and the census guide for local authorities): counted on a day (the census takes
 * 30 September) over the year that ends on it (1 October to 30 September).
 */

/** The jobs that are registered social work, which the census counts; personal advisers, family support workers
 *  and students are not. */
export const SOCIAL_WORK_JOBS = [
  'social-worker',
  'advanced-practitioner',
  'senior-practitioner',
  'team-manager',
  'reviewing-officer',
  'service-manager',
] as const;
/** The social work jobs that hold cases, for caseload per case-holding FTE. */
export const CASE_HOLDING_JOBS = ['social-worker', 'advanced-practitioner', 'senior-practitioner'] as const;

export interface CensusWorker {
  id: string;
  job: string | null;
  contract: string;
  fte: number;
  startedOn: string | null;
  leftOn: string | null;
  leavingReason: string | null;
  asyeStartedOn: string | null;
  asyeCompletedOn: string | null;
}

export interface CensusPost {
  id: string;
  job: string;
  fte: number;
  from: string;
  to: string | null;
}

export interface CensusHolding {
  postId: string;
  workerId: string;
  from: string;
  to: string | null;
}

export interface CensusAbsence {
  workerId: string;
  kind: string;
  from: string;
  to: string | null;
}

export interface Workforce {
  workers: readonly CensusWorker[];
  posts: readonly CensusPost[];
  holdings: readonly CensusHolding[];
  absences: readonly CensusAbsence[];
  /** Children allocated to each worker on the day (allocated worker role). */
  casesByWorker: ReadonlyMap<string, number>;
}

export interface WorkforceMeasures {
  day: string;
  yearFrom: string;
  inPostFte: number;
  agencyFte: number;
  vacantFte: number;
  leaversFte: number;
  /** Percentages to one decimal place; null when there is nothing to divide by. */
  turnoverRate: number | null;
  agencyRate: number | null;
  vacancyRate: number | null;
  sicknessDaysPerFte: number | null;
  /** Children allocated to the case-holding social workers in post, and those workers' FTE. */
  cases: number;
  caseHoldingFte: number;
  caseloadPerCaseHoldingFte: number | null;
  /** Social workers (employed and agency) in their assessed and supported year in employment, as a percentage. */
  newlyQualifiedShare: number | null;
}

const isSocialWork = (job: string | null) => (SOCIAL_WORK_JOBS as readonly string[]).includes(job ?? '');
/** Employees: the census's "in post" are social workers on permanent or fixed-term contracts. */
const isEmployee = (worker: CensusWorker) =>
  worker.contract === 'permanent' || worker.contract === 'fixed-term';
/** Agency workers, locums among them, who cover posts without being employed. */
const isAgency = (worker: CensusWorker) => worker.contract === 'agency' || worker.contract === 'locum';

/**
 * In post on the day: started by it and not yet left. A worker whose leaving date is the census day itself is a
 * leaver of that year and not in post on it (census guide: a leaver on 30 September counts among the year's
 * leavers, not the FTE in post).
 */
export function inPostOn(worker: CensusWorker, day: string): boolean {
  return (
    (worker.startedOn === null || worker.startedOn <= day) && (worker.leftOn === null || worker.leftOn > day)
  );
}

/** The case-holding social workers (social workers and advanced or senior practitioners) in post on `day`. */
export function caseHoldersOn(workers: readonly CensusWorker[], day: string): CensusWorker[] {
  return workers.filter(
    (worker) => (CASE_HOLDING_JOBS as readonly string[]).includes(worker.job ?? '') && inPostOn(worker, day),
  );
}

const current = (row: { from: string; to: string | null }, day: string) =>
  row.from <= day && (row.to === null || row.to >= day);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const rounded = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;
const percent = (part: number, whole: number) => (whole > 0 ? rounded((100 * part) / whole) : null);

/** The measures on `day` over the year ending on it. */
export function workforceMeasures(
  workforce: Workforce,
  day: string,
  calendar: WorkingDayCalendar,
): WorkforceMeasures {
  const yearFrom = Temporal.PlainDate.from(day).subtract({ years: 1 }).add({ days: 1 }).toString();
  const socialWorkers = workforce.workers.filter((worker) => isSocialWork(worker.job));
  const present = socialWorkers.filter((worker) => inPostOn(worker, day));
  const employees = present.filter(isEmployee);
  const agency = present.filter(isAgency);
  const inPostFte = rounded(sum(employees.map((worker) => worker.fte)), 2);
  const agencyFte = rounded(sum(agency.map((worker) => worker.fte)), 2);
  // Leavers of the year; a move to another social work post in the council is not leaving (census guide).
  const leaversFte = rounded(
    sum(
      socialWorkers
        .filter((worker) => isEmployee(worker) && worker.leftOn !== null)
        .filter((worker) => worker.leftOn! >= yearFrom && worker.leftOn! <= day)
        .filter((worker) => worker.leavingReason !== 'moved-within-council')
        .map((worker) => worker.fte),
    ),
    2,
  );
  // A vacancy is a post not filled by an employee: a post an agency worker covers is still vacant.
  const employed = new Map(employees.map((worker) => [worker.id, worker]));
  const vacantFte = rounded(
    sum(
      workforce.posts
        .filter((post) => isSocialWork(post.job) && current(post, day))
        .map((post) => {
          const filled = sum(
            workforce.holdings
              .filter((holding) => holding.postId === post.id && current(holding, day))
              .map((holding) => employed.get(holding.workerId)?.fte ?? 0),
          );
          return Math.max(0, post.fte - filled);
        }),
    ),
    2,
  );
  const sicknessDays = sum(
    workforce.absences
      .filter((absence) => absence.kind === 'sickness' && employed.has(absence.workerId))
      .map((absence) => workingDaysWithin(absence, yearFrom, day, calendar)),
  );
  const caseHolders = caseHoldersOn(workforce.workers, day);
  const caseHoldingFte = rounded(sum(caseHolders.map((worker) => worker.fte)), 2);
  const cases = sum(caseHolders.map((worker) => workforce.casesByWorker.get(worker.id) ?? 0));
  const inAsye = present.filter(
    (worker) =>
      worker.asyeStartedOn !== null &&
      worker.asyeStartedOn <= day &&
      (worker.asyeCompletedOn ?? Temporal.PlainDate.from(worker.asyeStartedOn).add({ years: 1 }).toString()) >
        day,
  );
  return {
    day,
    yearFrom,
    inPostFte,
    agencyFte,
    vacantFte,
    leaversFte,
    turnoverRate: percent(leaversFte, inPostFte),
    agencyRate: percent(agencyFte, agencyFte + inPostFte),
    vacancyRate: percent(vacantFte, vacantFte + inPostFte),
    sicknessDaysPerFte: inPostFte > 0 ? rounded(sicknessDays / inPostFte) : null,
    cases,
    caseHoldingFte,
    caseloadPerCaseHoldingFte: caseHoldingFte > 0 ? rounded(cases / caseHoldingFte) : null,
    newlyQualifiedShare: percent(inAsye.length, present.length),
  };
}

/** Working days of an absence that fall within the year (both ends counted). */
export function workingDaysWithin(
  absence: Pick<CensusAbsence, 'from' | 'to'>,
  yearFrom: string,
  day: string,
  calendar: WorkingDayCalendar,
): number {
  const from = absence.from > yearFrom ? absence.from : yearFrom;
  const to = absence.to === null || absence.to > day ? day : absence.to;
  if (from > to) return 0;
  const before = Temporal.PlainDate.from(from).subtract({ days: 1 });
  return countWorkingDays(calendar, before, Temporal.PlainDate.from(to)).workingDays;
}

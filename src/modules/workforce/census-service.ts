import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { workingDayCalendar } from '../../domain/calendar/working-days.ts';
import {
  CENSUS_LA_COLUMNS,
  CENSUS_WORKER_COLUMNS,
  censusCouncilLine,
  censusWorkerLines,
  csvOf,
} from '../../domain/workforce/census-return.ts';
import {
  inPostOn,
  workforceMeasures,
  type Workforce,
  type WorkforceMeasures,
} from '../../domain/workforce/census.ts';
import {
  casesOn,
  censusHoldings,
  censusPosts,
  censusWorkers,
  keepMeasureDays,
  keptMeasureDays,
  measureInputsGeneration,
  sicknessWithin,
} from './census-queries.ts';

const yearBefore = (day: string) =>
  Temporal.PlainDate.from(day).subtract({ years: 1 }).add({ days: 1 }).toString();

/** The council's workforce as the census reads it, with sickness from `from` to `day`, without the caseloads. */
async function censusWorkforce(db: Database, councilId: string, from: string, day: string) {
  const [workers, posts, holdings, absences] = await Promise.all([
    censusWorkers(db, councilId),
    censusPosts(db, councilId),
    censusHoldings(db, councilId),
    sicknessWithin(db, councilId, from, day),
  ]);
  const workforce: Omit<Workforce, 'casesByWorker'> = {
    workers: workers.map((worker) => ({
      id: worker.id,
      job: worker.job,
      contract: worker.contract,
      fte: Number(worker.fte),
      startedOn: worker.started_on,
      leftOn: worker.left_on,
      leavingReason: worker.leaving_reason,
      asyeStartedOn: worker.asye_started_on,
      asyeCompletedOn: worker.asye_completed_on,
    })),
    posts: posts.map((post) => ({
      id: post.id,
      job: post.job,
      fte: Number(post.fte),
      from: post.from_date,
      to: post.to_date,
    })),
    holdings: holdings.map((holding) => ({
      postId: holding.post_id,
      workerId: holding.worker_id,
      from: holding.from_date,
      to: holding.to_date,
    })),
    absences: absences.map((absence) => ({
      workerId: absence.worker_id,
      kind: absence.kind,
      from: absence.from_date,
      to: absence.to_date,
    })),
  };
  return { workforce, sweNumbers: new Map(workers.map((worker) => [worker.id, worker.swe_number])) };
}

/** The council's workforce as the census reads it, with sickness from `from` to `day` and the cases on `day`. */
async function councilWorkforce(db: Database, councilId: string, from: string, day: string) {
  const [{ workforce, sweNumbers }, casesByWorker] = await Promise.all([
    censusWorkforce(db, councilId, from, day),
    casesOn(db, councilId, day),
  ]);
  return { workforce: { ...workforce, casesByWorker } as Workforce, sweNumbers };
}

/**
 * The whole workforce as the census reads it, every sickness absence included, for the indicators (issue 21,
 * part 3: `workforce-turnover`, `workforce-agency`, `workforce-vacancy`, `caseload-per-fte`), which take the
 * caseloads from the children's records.
 */
export async function workforceForIndicators(
  db: Database,
  councilId: string,
): Promise<Omit<Workforce, 'casesByWorker'>> {
  return (await censusWorkforce(db, councilId, '0001-01-01', '9999-12-31')).workforce;
}

/**
 * The council's workforce measures on `day` over the year ending on it (issue 21, part 3), for the command, the
 * measures page and the indicators. It names no child and no worker.
 */
export async function councilWorkforceMeasures(
  db: Database,
  councilId: string,
  day: string,
): Promise<WorkforceMeasures> {
  const { workforce } = await councilWorkforce(db, councilId, yearBefore(day), day);
  return workforceMeasures(workforce, day, workingDayCalendar());
}

/** The ends of the twelve quarters before a day, the oldest first. */
export function quarterEndsBefore(day: string): string[] {
  const ends: string[] = [];
  let end = Temporal.PlainDate.from(day).with({ day: 1 });
  while (ends.length < 12) {
    end = end.subtract({ days: 1 });
    if ([3, 6, 9, 12].includes(end.month)) ends.unshift(end.toString());
    end = end.with({ day: 1 });
  }
  return ends;
}

/**
 * The measures at the end of each quarter over the three years to `asAt` (12 points, the oldest first), for the
 * measures page. A day's measures are kept once worked out (migration 0085) and read again while none of the
 * records they came from has changed; the days not kept are worked out together, the workforce read once and the
 * caseloads counted on each day. The generation is read before the records, so figures worked out while a change
 * was being made are kept under a generation already past.
 */
export async function councilWorkforceMeasuresOverTime(
  db: Database,
  councilId: string,
  asAt: string,
  now: Date = new Date(),
): Promise<Array<WorkforceMeasures>> {
  const ends = quarterEndsBefore(asAt);
  const generation = await measureInputsGeneration(db, councilId);
  const kept = new Map(
    (await keptMeasureDays(db, councilId, ends, generation)).map((row) => [
      row.day,
      row.measures as WorkforceMeasures,
    ]),
  );
  const missing = ends.filter((day) => !kept.has(day));
  if (missing.length) {
    const { workforce } = await councilWorkforce(db, councilId, yearBefore(missing[0]!), missing.at(-1)!);
    const calendar = workingDayCalendar();
    const worked = await Promise.all(
      missing.map(async (day) => ({
        day,
        measures: workforceMeasures(
          { ...workforce, casesByWorker: await casesOn(db, councilId, day) },
          day,
          calendar,
        ),
      })),
    );
    await keepMeasureDays(db, councilId, generation, worked, now);
    for (const each of worked) kept.set(each.day, each.measures as WorkforceMeasures);
  }
  return ends.map((day) => kept.get(day)!);
}

/**
 * The workforce census return on `day` (the census takes 30 September) as the DfE lays it out: the worker
 * module's lines and the council's line, each as CSV.
 */
export async function councilCensusReturn(db: Database, councilId: string, day: string) {
  const { workforce, sweNumbers } = await councilWorkforce(db, councilId, yearBefore(day), day);
  const calendar = workingDayCalendar();
  const lines = censusWorkerLines({ ...workforce, sweNumbers }, day, calendar);
  const agencyHeadcount = workforce.workers.filter(
    (worker) => (worker.contract === 'agency' || worker.contract === 'locum') && inPostOn(worker, day),
  ).length;
  const measures = workforceMeasures(workforce, day, calendar);
  return {
    workers: csvOf(CENSUS_WORKER_COLUMNS, lines),
    council: csvOf(CENSUS_LA_COLUMNS, [censusCouncilLine(measures, agencyHeadcount)]),
  };
}

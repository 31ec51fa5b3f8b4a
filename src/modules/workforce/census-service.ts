import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { workingDayCalendar } from '../../domain/calendar/working-days.ts';
import { workforceMeasures, type WorkforceMeasures } from '../../domain/workforce/census.ts';
import { casesOn, censusHoldings, censusPosts, censusWorkers, sicknessWithin } from './census-queries.ts';

/**
 * The council's workforce measures on `day` over the year ending on it (issue 21, part 3), for the command and,
 * later, the indicators. Read by the council's own job, not by a person: it names no child and no worker.
 */
export async function councilWorkforceMeasures(
  db: Database,
  councilId: string,
  day: string,
): Promise<WorkforceMeasures> {
  const yearFrom = Temporal.PlainDate.from(day).subtract({ years: 1 }).add({ days: 1 }).toString();
  const [workers, posts, holdings, absences, casesByWorker] = await Promise.all([
    censusWorkers(db, councilId),
    censusPosts(db, councilId),
    censusHoldings(db, councilId),
    sicknessWithin(db, councilId, yearFrom, day),
    casesOn(db, councilId, day),
  ]);
  return workforceMeasures(
    {
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
      casesByWorker,
    },
    day,
    workingDayCalendar(),
  );
}

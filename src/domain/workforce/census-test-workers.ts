import { workingDayCalendar } from '../calendar/working-days.ts';
import type { CensusWorker } from './census.ts';

/** The workforce census's tests' world: England's calendar, the census day, and a worker to vary. */
export const calendar = workingDayCalendar();
export const censusDay = '2026-09-30';

/** A permanent full-time social worker since 2020, unless the situation says otherwise. */
export function aSocialWorker(id: string, situation: Partial<CensusWorker> = {}): CensusWorker {
  return {
    id,
    job: 'social-worker',
    contract: 'permanent',
    fte: 1,
    startedOn: '2020-01-06',
    leftOn: null,
    leavingReason: null,
    asyeStartedOn: null,
    asyeCompletedOn: null,
    ...situation,
  };
}

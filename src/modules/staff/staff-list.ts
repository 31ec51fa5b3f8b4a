import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  readStaffRows,
  type StaffColumn,
  type StaffProblem,
  type StaffRow,
} from '../../domain/workforce/staff-rows.ts';
import {
  inductionCell,
  inductionDates,
  trainingCell,
  type StaffInductionStep,
  type StaffTraining,
} from '../../domain/workforce/staff-cells.ts';
import {
  currentTrainingOfCouncil,
  inductionStepsOfCouncil,
  insertInductionStepDone,
  insertTrainingRecord,
  insertWorker,
  setInductionStepDay,
  setTrainingExpiry,
  staffListOf,
  updateStaffWorker,
  workerNamedBy,
} from './queries.ts';
import { staffTableOf, type StaffListRow } from './staff-file.ts';

/** What a person may do in Hearth, for a worker an import adds without a sign-in: from their job. */
const roleOfJob: Record<string, string> = {
  'team-manager': 'team-manager',
  'service-manager': 'service-manager',
  'personal-adviser': 'personal-adviser',
  'reviewing-officer': 'independent-reviewing-officer',
};

/** The council's staff list, in the columns an import reads back. */
export async function staffList(db: Database, councilId: string): Promise<StaffListRow[]> {
  const rows = await staffListOf(db, councilId);
  const training = byWorker(await currentTrainingOfCouncil(db, councilId));
  const steps = byWorker(await inductionStepsOfCouncil(db, councilId));
  return rows.map((row) => ({
    email: row.email ?? '',
    given_name: row.given_name ?? '',
    family_name: row.family_name ?? '',
    job: row.job ?? '',
    contract: row.contract ?? '',
    fte: row.fte ?? '',
    started_on: row.started_on ?? '',
    left_on: row.left_on ?? '',
    leaving_reason: row.leaving_reason ?? '',
    swe_number: row.swe_number ?? '',
    swe_expires_on: row.swe_expires_on ?? '',
    asye_started_on: row.asye_started_on ?? '',
    asye_completed_on: row.asye_completed_on ?? '',
    appraised_on: row.appraised_on ?? '',
    appraisal_due_on: row.appraisal_due_on ?? '',
    lead_areas: row.lead_areas ?? '',
    recruited_from: row.recruited_from ?? '',
    induction_steps: inductionCell(
      (steps.get(row.id!) ?? []).map((each) => ({ step: each.step, completedOn: each.completed_on })),
    ),
    training: trainingCell(
      (training.get(row.id!) ?? []).map((each) => ({
        course: each.course,
        completedOn: each.completed_on,
        expiresOn: each.expires_on,
      })),
    ),
  }));
}

function byWorker<T extends { worker_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.worker_id, [...(grouped.get(row.worker_id) ?? []), row]);
  return grouped;
}

export interface StaffImport {
  problems: StaffProblem[];
  added: number;
  updated: number;
  /** Whether anything was written: not when the file had problems, unless the good rows were chosen. */
  applied: boolean;
}

/**
 * Imports a staff list (CSV or XLSX): each row updates the worker it names (by sign-in email or Social Work
 * England number) or adds a worker without a sign-in. A file with any problem writes nothing, unless
 * `goodRowsOnly` chooses to write its good rows (issue 21, part 1). One transaction: all of it or none.
 */
export async function importStaffList(
  db: Database,
  councilId: string,
  file: Buffer,
  name: string,
  options: { goodRowsOnly: boolean },
): Promise<StaffImport> {
  let table: string[][];
  try {
    table = await staffTableOf(file, name);
  } catch {
    // Not a workbook (or a CSV whose quotes never close): a problem with the file, not with Hearth.
    const message = 'Hearth cannot read this file: save it again from the spreadsheet as XLSX or CSV';
    return { problems: [{ line: 1, column: 'file', message }], added: 0, updated: 0, applied: false };
  }
  const { rows, problems, columns } = readStaffRows(table);
  if (problems.length && !options.goodRowsOnly) return { problems, added: 0, updated: 0, applied: false };
  let added = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    const training = byWorker(await currentTrainingOfCouncil(trx, councilId));
    const steps = byWorker(await inductionStepsOfCouncil(trx, councilId));
    for (const row of rows) {
      let workerId = await workerNamedBy(trx, councilId, row);
      if (workerId) {
        await updateStaffWorker(trx, councilId, workerId, censusFields(row, columns));
        updated += 1;
      } else {
        workerId = uuidv7();
        await insertWorker(trx, {
          council_id: councilId,
          id: workerId,
          given_name: row.givenName,
          family_name: row.familyName,
          role: roleOfJob[row.job] ?? 'social-worker',
          ...censusFields(row, columns),
        });
        added += 1;
      }
      const place = { councilId, workerId };
      if (columns.includes('training'))
        await importTraining(trx, place, row.training, training.get(workerId));
      if (columns.includes('induction_steps'))
        await importInduction(trx, place, row.inductionSteps, steps.get(workerId));
    }
  });
  return { problems, added, updated, applied: true };
}

/** The worker's fields a row gives: only those of the file's columns, so a column left out changes nothing. */
function censusFields(row: StaffRow, columns: readonly StaffColumn[]) {
  const fields = {
    job: row.job,
    contract: row.contract,
    fte: row.fte,
    started_on: row.startedOn,
    left_on: row.leftOn,
    leaving_reason: row.leavingReason,
    swe_number: row.sweNumber,
    swe_expires_on: row.sweExpiresOn,
    asye_started_on: row.asyeStartedOn,
    asye_completed_on: row.asyeCompletedOn,
    appraised_on: row.appraisedOn,
    appraisal_due_on: row.appraisalDueOn,
    lead_areas: row.leadAreas,
    recruited_from: row.recruitedFrom,
  };
  const { swe_number: sweNumber, ...given } = Object.fromEntries(
    Object.entries(fields).filter(([column]) => (columns as readonly string[]).includes(column)),
  ) as Partial<typeof fields>;
  // The file's swe_number is the worker's one Social Work England number (migration 0075), SSDA903 SW_ID too.
  return sweNumber === undefined ? given : { ...given, social_work_england_number: sweNumber };
}

type Place = { councilId: string; workerId: string };

/**
 * A row's training: a course not yet recorded (by its name, whatever its case, and the day it was completed) is
 * added, and a recorded one takes the file's expiry. A course the file leaves out is not ended: ending a record
 * says why, which a spreadsheet does not (the worker's page does it).
 */
async function importTraining(
  db: Database,
  place: Place,
  training: readonly StaffTraining[],
  recorded: ReadonlyArray<{
    id: string;
    course: string;
    completed_on: string;
    expires_on: string | null;
  }> = [],
) {
  for (const course of training) {
    const same = recorded.find(
      (each) =>
        each.course.trim().toLowerCase() === course.course.toLowerCase() &&
        each.completed_on === course.completedOn,
    );
    if (!same) {
      await insertTrainingRecord(db, {
        council_id: place.councilId,
        id: uuidv7(),
        worker_id: place.workerId,
        course: course.course,
        completed_on: course.completedOn,
        expires_on: course.expiresOn,
      });
    } else if (same.expires_on !== course.expiresOn) {
      await setTrainingExpiry(db, place.councilId, same.id, course.expiresOn);
    }
  }
}

/**
 * A row's induction steps: each step not yet done is added, a step done on another day takes the file's day, and
 * the induction's first and last days follow from all the worker's steps. A step left out is kept.
 */
async function importInduction(
  db: Database,
  place: Place,
  steps: readonly StaffInductionStep[],
  recorded: ReadonlyArray<{ id: string; step: string; completed_on: string }> = [],
) {
  if (!steps.length) return;
  const all = new Map(recorded.map((each) => [each.step, each.completed_on]));
  for (const step of steps) {
    const same = recorded.find((each) => each.step === step.step);
    if (!same) {
      await insertInductionStepDone(db, {
        council_id: place.councilId,
        id: uuidv7(),
        worker_id: place.workerId,
        step: step.step,
        completed_on: step.completedOn,
      });
    } else if (same.completed_on !== step.completedOn) {
      await setInductionStepDay(db, place.councilId, same.id, step.completedOn);
    }
    all.set(step.step, step.completedOn);
  }
  const dates = inductionDates([...all].map(([step, completedOn]) => ({ step, completedOn })));
  await updateStaffWorker(db, place.councilId, place.workerId, {
    induction_started_on: dates.startedOn,
    induction_completed_on: dates.completedOn,
  });
}

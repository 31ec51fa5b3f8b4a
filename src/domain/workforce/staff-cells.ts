import { Temporal } from 'temporal-polyfill';
import { inductionSteps } from './people-records.ts';

/**
 * The staff list's cells that hold several dated things (issue 21, part 1): a worker's current training and the
 * steps of an international recruit's induction, each one cell of a row, so that a council's HR spreadsheet of
 * one row a person carries them. Each entry is a name and its dates in brackets, entries separated by
 * semicolons:
 *
 *   training:        Safeguarding children level 3 (2023-07-20 to 2026-07-20); First aid (2025-01-10)
 *   induction_steps: swe-registration (2025-01-10); right-to-work (2025-01-12)
 *
 * A course with no expiry has one date. Entries are split only at a semicolon after a closing bracket, so a
 * course named with a semicolon reads back as written.
 */

export interface StaffTraining {
  course: string;
  completedOn: string;
  expiresOn: string | null;
}

export interface StaffInductionStep {
  step: string;
  completedOn: string;
}

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const trainingEntry = new RegExp(String.raw`^(.+?)\s*\((${DATE})(?:\s+to\s+(${DATE}))?\)$`);
const stepEntry = new RegExp(String.raw`^([a-z-]+)\s*\((${DATE})\)$`);

function isRealDate(text: string): boolean {
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

const entriesOf = (cell: string) =>
  cell
    .split(/(?<=\))\s*;\s*/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Reads a training cell: the courses, and a message for each entry that is not a course with its dates. */
export function readTrainingCell(cell: string): { training: StaffTraining[]; problems: string[] } {
  const training: StaffTraining[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entriesOf(cell)) {
    const match = trainingEntry.exec(entry);
    if (!match) {
      problems.push(
        `“${entry}” is not a course with its dates: write it as Course (YYYY-MM-DD) or Course (YYYY-MM-DD to YYYY-MM-DD)`,
      );
      continue;
    }
    const [, course, completedOn, expiresOn] = match as unknown as [
      string,
      string,
      string,
      string | undefined,
    ];
    if (!isRealDate(completedOn) || (expiresOn && !isRealDate(expiresOn)))
      problems.push(`“${entry}” has a date that is not a real date`);
    else if (expiresOn && expiresOn <= completedOn)
      problems.push(`“${entry}” expires on or before the day it was completed`);
    else if (seen.has(`${course.toLowerCase()} ${completedOn}`)) problems.push(`“${entry}” is given twice`);
    else {
      seen.add(`${course.toLowerCase()} ${completedOn}`);
      training.push({ course, completedOn, expiresOn: expiresOn ?? null });
    }
  }
  return { training, problems };
}

/** Reads an induction cell: the steps done, and a message for each entry that is not a known step with its day. */
export function readInductionCell(cell: string): { steps: StaffInductionStep[]; problems: string[] } {
  const steps: StaffInductionStep[] = [];
  const problems: string[] = [];
  for (const entry of entriesOf(cell)) {
    const match = stepEntry.exec(entry);
    const [, step, completedOn] = (match ?? []) as unknown as [string, string, string];
    if (!match || !(step in inductionSteps))
      problems.push(
        `“${entry}” is not an induction step with its date: write it as step (YYYY-MM-DD), the step one of ${Object.keys(inductionSteps).join(', ')}`,
      );
    else if (!isRealDate(completedOn)) problems.push(`“${entry}” has a date that is not a real date`);
    else if (steps.some((each) => each.step === step)) problems.push(`The step ${step} is given twice`);
    else steps.push({ step, completedOn });
  }
  return { steps, problems };
}

/** Writes a training cell, oldest course first, as `readTrainingCell` reads it. */
export function trainingCell(training: readonly StaffTraining[]): string {
  return [...training]
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.course.localeCompare(b.course))
    .map((each) => `${each.course} (${each.completedOn}${each.expiresOn ? ` to ${each.expiresOn}` : ''})`)
    .join('; ');
}

/** Writes an induction cell, in the order the steps were done. */
export function inductionCell(steps: readonly StaffInductionStep[]): string {
  return [...steps]
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn))
    .map((each) => `${each.step} (${each.completedOn})`)
    .join('; ');
}

/** An induction's first and last days from its steps: started at the first, complete once every step is done. */
export function inductionDates(steps: readonly StaffInductionStep[]): {
  startedOn: string | null;
  completedOn: string | null;
} {
  const days = steps.map((each) => each.completedOn).sort();
  const all = Object.keys(inductionSteps).every((key) => steps.some((each) => each.step === key));
  return { startedOn: days[0] ?? null, completedOn: all ? days.at(-1)! : null };
}

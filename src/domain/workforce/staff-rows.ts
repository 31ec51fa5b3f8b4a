import { Temporal } from 'temporal-polyfill';
import {
  readInductionCell,
  readTrainingCell,
  type StaffInductionStep,
  type StaffTraining,
} from './staff-cells.ts';

/**
 * The staff list as councils keep it in HR spreadsheets (issue 21, part 1): one row a person, these columns, in
 * any order, headed by these names. Read by `readStaffRows`, which reports every bad cell by line and column.
 */
export const STAFF_COLUMNS = [
  'email',
  'given_name',
  'family_name',
  'job',
  'contract',
  'fte',
  'started_on',
  'left_on',
  'leaving_reason',
  'swe_number',
  'swe_expires_on',
  'asye_started_on',
  'asye_completed_on',
  'appraised_on',
  'appraisal_due_on',
  'lead_areas',
  'recruited_from',
  'induction_steps',
  'training',
] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

export const jobs = {
  'social-worker': 'Social worker',
  'advanced-practitioner': 'Advanced practitioner',
  'senior-practitioner': 'Senior practitioner',
  'personal-adviser': 'Personal adviser',
  'family-support-worker': 'Family support worker',
  student: 'Student',
  'team-manager': 'Team manager',
  'reviewing-officer': 'Reviewing officer',
  'service-manager': 'Service manager',
  other: 'Other',
} as const;
export const contracts = ['permanent', 'fixed-term', 'agency', 'locum', 'student'] as const;
export const leavingReasons = [
  'resigned',
  'retired',
  'end-of-contract',
  'dismissed',
  'moved-within-council',
  'other',
] as const;

export interface StaffRow {
  line: number;
  email: string | null;
  givenName: string;
  familyName: string;
  job: string;
  contract: string;
  fte: number;
  startedOn: string | null;
  leftOn: string | null;
  leavingReason: string | null;
  sweNumber: string | null;
  sweExpiresOn: string | null;
  asyeStartedOn: string | null;
  asyeCompletedOn: string | null;
  appraisedOn: string | null;
  appraisalDueOn: string | null;
  /** The worker's lead areas, written in one cell separated by semicolons ("Gangs; Unaccompanied minors"). */
  leadAreas: string[];
  /** Where an international recruit was recruited from (a country), for their induction. */
  recruitedFrom: string | null;
  /** The induction steps done, as `staff-cells.ts` reads them. */
  inductionSteps: StaffInductionStep[];
  /** The worker's current training, as `staff-cells.ts` reads it. */
  training: StaffTraining[];
}

export interface StaffProblem {
  line: number;
  column: string;
  message: string;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a staff list: the first row names the columns, each later row is a person (line numbers as the
 * spreadsheet shows them, the header being line 1). Blank rows are skipped; a column left out is not read. Every problem is reported, each with
 * its line and column; a row with any problem is not among the rows returned.
 */
export function readStaffRows(table: readonly (readonly string[])[]): {
  rows: StaffRow[];
  problems: StaffProblem[];
  /** The columns the file has: an import changes only these, leaving what the file does not say as it was. */
  columns: StaffColumn[];
} {
  const problems: StaffProblem[] = [];
  const header = (table[0] ?? []).map((name) => name.trim().toLowerCase());
  for (const column of ['given_name', 'family_name', 'job', 'contract'] as const) {
    if (!header.includes(column))
      problems.push({ line: 1, column, message: `The column ${column} is missing` });
  }
  header.forEach((name) => {
    if (name && !(STAFF_COLUMNS as readonly string[]).includes(name))
      problems.push({ line: 1, column: name, message: `${name} is not a column of the staff list` });
  });
  const columns = STAFF_COLUMNS.filter((column) => header.includes(column));
  if (problems.length) return { rows: [], problems, columns };
  const rows: StaffRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: StaffColumn) => {
      const at = header.indexOf(column);
      return at < 0 ? '' : (cells[at] ?? '').trim();
    };
    if (cells.every((value) => value.trim() === '')) return;
    const own: StaffProblem[] = [];
    const problem = (column: string, message: string) => own.push({ line, column, message });
    const date = (column: StaffColumn) => {
      const text = cell(column);
      if (text && !isDate(text)) problem(column, `${text} is not a date: write it as YYYY-MM-DD`);
      return text || null;
    };
    const email = cell('email').toLowerCase() || null;
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) problem('email', `${email} is not an email address`);
    if (email && seen.has(email)) problem('email', `${email} is already on line ${seen.get(email)}`);
    if (email) seen.set(email, line);
    if (!cell('given_name')) problem('given_name', 'Enter the given name');
    if (!cell('family_name')) problem('family_name', 'Enter the family name');
    if (!(cell('job') in jobs))
      problem('job', `${cell('job') || 'Nothing'} is not a job: use one of ${Object.keys(jobs).join(', ')}`);
    if (!(contracts as readonly string[]).includes(cell('contract')))
      problem(
        'contract',
        `${cell('contract') || 'Nothing'} is not a contract: use one of ${contracts.join(', ')}`,
      );
    const fteText = cell('fte') || '1';
    const fte = Number(fteText);
    if (!/^\d(\.\d{1,2})?$/.test(fteText) || !(fte > 0 && fte <= 1))
      problem('fte', `${fteText} is not an FTE: give a number above 0 up to 1, like 0.6`);
    const startedOn = date('started_on');
    const leftOn = date('left_on');
    if (startedOn && leftOn && leftOn < startedOn)
      problem('left_on', 'The leaving date is before the start date');
    const leavingReason = cell('leaving_reason') || null;
    if (leavingReason && !(leavingReasons as readonly string[]).includes(leavingReason))
      problem(
        'leaving_reason',
        `${leavingReason} is not a reason for leaving: use one of ${leavingReasons.join(', ')}`,
      );
    if (leavingReason && !leftOn) problem('leaving_reason', 'A reason for leaving needs a leaving date');
    const sweNumber = cell('swe_number').toUpperCase() || null;
    if (sweNumber && !/^SW\d{1,7}$/.test(sweNumber))
      problem('swe_number', `${sweNumber} is not a Social Work England number, like SW123456`);
    const asyeStartedOn = date('asye_started_on');
    const asyeCompletedOn = date('asye_completed_on');
    if (asyeCompletedOn && (!asyeStartedOn || asyeCompletedOn < asyeStartedOn))
      problem('asye_completed_on', 'The ASYE must start before it is completed: give asye_started_on too');
    const induction = readInductionCell(cell('induction_steps'));
    for (const message of induction.problems) problem('induction_steps', message);
    const training = readTrainingCell(cell('training'));
    for (const message of training.problems) problem('training', message);
    const row: StaffRow = {
      line,
      email,
      givenName: cell('given_name'),
      familyName: cell('family_name'),
      job: cell('job'),
      contract: cell('contract'),
      fte,
      startedOn,
      leftOn,
      leavingReason,
      sweNumber,
      sweExpiresOn: date('swe_expires_on'),
      asyeStartedOn,
      asyeCompletedOn,
      appraisedOn: date('appraised_on'),
      appraisalDueOn: date('appraisal_due_on'),
      leadAreas: cell('lead_areas')
        .split(';')
        .map((area) => area.trim())
        .filter(Boolean),
      recruitedFrom: cell('recruited_from') || null,
      inductionSteps: induction.steps,
      training: training.training,
    };
    if (own.length) problems.push(...own);
    else rows.push(row);
  });
  return { rows, problems, columns };
}

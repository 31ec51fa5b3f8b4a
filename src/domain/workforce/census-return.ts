import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import {
  inPostOn,
  SOCIAL_WORK_JOBS,
  workingDaysWithin,
  type Workforce,
  type WorkforceMeasures,
} from './census.ts';

/**
 * The children's social work workforce census return (DfE, collected each year as at 30 September) in the DfE's
 * layout: a row per registered social worker in post on the day or who left in the year to it, in the worker
 * module's data items and order, and the council's own line of vacancies and agency workers. Items Hearth does not
 * hold (date of birth, gender, ethnicity, qualification, origin, Step Up and Frontline, CFKSS status, contract
 * weeks, destination) are left blank for the council to fill from its HR system before it sends the return. The
 * codes are those of the census guide; check them against the guide of the collection year.
 */
export const CENSUS_WORKER_COLUMNS = [
  'AgencyWorker',
  'SWENo',
  'FTE30',
  'PersonBirthDate',
  'GenderCurrent',
  'Ethnicity',
  'QualInst',
  'StepUpGrad',
  'OrgRole',
  'RoleStartDate',
  'StartOrigin',
  'Cases30',
  'WorkingDaysLost',
  'ContractWeeks',
  'FrontlineGrad',
  'Absat30Sept',
  'ReasonAbsence',
  'CFKSSstatus',
  'RoleEndDate',
  'LeaverDestination',
  'ReasonLeave',
] as const;
export const CENSUS_LA_COLUMNS = ['NumberOfVacancies', 'NoAgencyFTE', 'NoAgencyHeadcount'] as const;

type WorkerLine = Record<(typeof CENSUS_WORKER_COLUMNS)[number], string>;

/** OrgRole: 1 senior manager, 2 middle manager, 3 first line manager, 4 senior practitioner, 5 case holder,
 *  6 qualified without cases. */
const orgRoles: Record<string, string> = {
  'service-manager': '2',
  'team-manager': '3',
  'senior-practitioner': '4',
  'advanced-practitioner': '4',
  'social-worker': '5',
  'reviewing-officer': '6',
};
/** ReasonLeave: 1 resignation, 4 dismissal, 5 retirement, 8 other (end of a fixed-term contract among them). */
const reasonsLeft: Record<string, string> = {
  resigned: '1',
  dismissed: '4',
  retired: '5',
  'end-of-contract': '8',
  other: '8',
};
/** ReasonAbsence on the day: SIC sickness, MAT maternity, paternity or adoption leave, TRN training. */
const absenceReasons: Record<string, string> = { sickness: 'SIC', 'parental-leave': 'MAT', training: 'TRN' };

/** The worker module's lines, agency workers in post first marked 1, each worker once. */
export function censusWorkerLines(
  workforce: Workforce & { sweNumbers: ReadonlyMap<string, string | null> },
  day: string,
  calendar: WorkingDayCalendar,
): WorkerLine[] {
  const yearFrom = Temporal.PlainDate.from(day).subtract({ years: 1 }).add({ days: 1 }).toString();
  const socialWork = (job: string | null) => (SOCIAL_WORK_JOBS as readonly string[]).includes(job ?? '');
  const lines: WorkerLine[] = [];
  for (const worker of workforce.workers) {
    if (!socialWork(worker.job)) continue;
    const agency = worker.contract === 'agency' || worker.contract === 'locum';
    const present = inPostOn(worker, day);
    const leaver =
      !agency &&
      worker.leftOn !== null &&
      worker.leftOn >= yearFrom &&
      worker.leftOn <= day &&
      worker.leavingReason !== 'moved-within-council';
    if (!present && !leaver) continue;
    const absences = workforce.absences.filter((absence) => absence.workerId === worker.id);
    const away = absences.find(
      (absence) =>
        absence.from <= day && (absence.to === null || absence.to >= day) && absence.kind in absenceReasons,
    );
    const lost = absences
      .filter((absence) => absence.kind === 'sickness')
      .reduce((total, absence) => total + workingDaysWithin(absence, yearFrom, day, calendar), 0);
    const line = Object.fromEntries(CENSUS_WORKER_COLUMNS.map((column) => [column, ''])) as WorkerLine;
    line.AgencyWorker = agency ? '1' : '0';
    line.SWENo = workforce.sweNumbers.get(worker.id) ?? '';
    line.FTE30 = worker.fte.toFixed(2);
    if (!agency) {
      line.OrgRole = orgRoles[worker.job!] ?? '';
      line.RoleStartDate = worker.startedOn ?? '';
      line.Cases30 = present ? String(workforce.casesByWorker.get(worker.id) ?? 0) : '';
      line.WorkingDaysLost = String(lost);
      line.Absat30Sept = present ? (away ? '1' : '0') : '';
      line.ReasonAbsence = present && away ? absenceReasons[away.kind]! : '';
      line.RoleEndDate = leaver ? worker.leftOn! : '';
      line.ReasonLeave = leaver ? (reasonsLeft[worker.leavingReason ?? 'other'] ?? '8') : '';
    }
    lines.push(line);
  }
  return lines.sort((a, b) => b.AgencyWorker.localeCompare(a.AgencyWorker) || a.SWENo.localeCompare(b.SWENo));
}

/** The council's line: vacancies (FTE), agency workers (FTE and headcount) on the day. */
export function censusCouncilLine(measures: WorkforceMeasures, agencyHeadcount: number) {
  return {
    NumberOfVacancies: measures.vacantFte.toFixed(2),
    NoAgencyFTE: measures.agencyFte.toFixed(2),
    NoAgencyHeadcount: String(agencyHeadcount),
  };
}

/**
 * A cell a spreadsheet shows as text: one starting = + - @, a tab or a carriage return would be run as a formula
 * when the CSV is opened (OWASP, "CSV Injection"), so it gets a leading apostrophe. Numbers such as -1.50 are left.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** A cell of a CSV Hearth wrote, read back: the apostrophe `spreadsheetSafe` added is taken off. */
export function fromSpreadsheetSafe(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A cell as CSV: safe from a spreadsheet's formulas, and quoted where it needs it (RFC 4180). */
export function csvCell(value: string | number): string {
  const text = spreadsheetSafe(String(value));
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as CSV with CRLF line ends, headed by its columns (the census return and the staff list). */
export function csvOf<C extends string>(
  columns: readonly C[],
  lines: ReadonlyArray<Record<C, string>>,
): string {
  return [columns.join(','), ...lines.map((line) => columns.map((column) => csvCell(line[column])).join(','))]
    .map((text) => `${text}\r\n`)
    .join('');
}

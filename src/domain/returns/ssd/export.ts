import { csvOf } from '../../workforce/census-return.ts';
import { leavingCareRows, lookedAfterRows, visitAndWorkerRows, wellbeingRows } from './care-rows.ts';
import type { SsdChildFacts, SsdTeamFact, SsdWorkerFact } from './facts.ts';
import { childInNeedRows, involvedIn, personRows, protectionRows, ssdRow, type SsdWindow } from './rows.ts';
import { SSD_TABLES, ssdTableNames, type SsdField, type SsdRow, type SsdTable } from './tables.ts';

/** Every SSD table's rows: a table Hearth cannot fill has none, and is written as its header. */
export type SsdExport = { [T in SsdTable]: SsdRow<T>[] };

/**
 * The Standard Safeguarding Dataset for the children involved with children's social care in the window (a
 * contact, a referral open, a period of care or a care leaver's status in it), with each of their facts open in it,
 * and the council's workers and teams (docs/returns/ssd.md says what each table is made from).
 */
export function buildSsd(
  children: readonly SsdChildFacts[],
  organisation: { readonly workers: readonly SsdWorkerFact[]; readonly teams: readonly SsdTeamFact[] },
  window: SsdWindow,
): SsdExport {
  const tables = Object.fromEntries(ssdTableNames.map((table) => [table, []])) as unknown as SsdExport;
  const names = new Map(organisation.workers.map((worker) => [worker.id, worker.name]));
  const append = (made: Partial<SsdExport>) => {
    for (const [table, rows] of Object.entries(made)) (tables[table as SsdTable] as unknown[]).push(...rows);
  };
  for (const child of children) {
    if (!involvedIn(child, window)) continue;
    append(personRows(child, window));
    append(childInNeedRows(child, window));
    append(protectionRows(child, window));
    append(lookedAfterRows(child, window));
    append(wellbeingRows(child, window));
    append(leavingCareRows(child, window, names));
    append(visitAndWorkerRows(child, window));
  }
  tables.ssd_professionals = organisation.workers.map((worker) =>
    ssdRow('ssd_professionals', {
      prof_professional_id: worker.id,
      prof_staff_id: worker.id,
      prof_professional_name: worker.name,
      prof_social_worker_registration_no: worker.registration ?? '',
      prof_professional_job_title: worker.job ?? '',
      prof_professional_department: worker.teamName ?? '',
      prof_full_time_equivalency: worker.fte,
      prof_agency_worker_flag: worker.agency ? 'Y' : 'N',
    }),
  );
  tables.ssd_department = organisation.teams.map((team) =>
    ssdRow('ssd_department', { dept_team_id: team.id, dept_team_name: team.name }),
  );
  return tables;
}

/** The file each table is written to: its SSD name. */
export const ssdFileName = (table: SsdTable) => `${table}.csv`;

/** A table as CSV with the SSD's field names as its header; cells a spreadsheet would run as a formula escaped. */
export function ssdCsv<T extends SsdTable>(table: T, rows: readonly SsdRow<T>[]): string {
  return csvOf(SSD_TABLES[table] as readonly SsdField<T>[], rows);
}

/** Every table's file, in the SSD's order. */
export function ssdFiles(tables: SsdExport): { name: string; table: SsdTable; rows: number; text: string }[] {
  return ssdTableNames.map((table) => ({
    name: ssdFileName(table),
    table,
    rows: tables[table].length,
    text: ssdCsv(table, tables[table] as SsdRow<typeof table>[]),
  }));
}

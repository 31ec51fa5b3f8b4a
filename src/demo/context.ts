import type { Day } from './days.ts';
import type { Random } from './random.ts';

/** The sizes of council the demo makes, by 0–17 population (ONS mid-year estimates: a small unitary, a typical
 * London borough or shire district, and the largest English county councils). */
export const demoSizes = { small: 15_000, medium: 60_000, large: 280_000 } as const;
export type DemoSize = keyof typeof demoSizes;

export interface DemoOptions {
  size: DemoSize;
  seed: number;
  /** Years of history before `asAt`. */
  years: number;
  /** The day the council is generated as at: nothing happens after it. */
  asAt: string;
  password: string;
}

/** One row of a table, by column name, as it will be written. */
export type Row = Record<string, unknown>;

/** The rows of one child (or of the council), by table. */
export type Rows = Record<string, Row[]>;

export function addRow(rows: Rows, table: string, row: Row): Row {
  (rows[table] ??= []).push(row);
  return row;
}

/** What every part of the generator needs: the council, its dates, and where its workers are. */
export interface Council {
  id: string;
  random: Random;
  population: number;
  asAt: Day;
  /** The first day of the history asked for (`years` before `asAt`). */
  windowStart: Day;
  /** Episodes that ended before this day are not kept: a year before the window, so re-referrals are counted. */
  keepFrom: Day;
  staff: Staff;
}

export type CaseTeam =
  | 'mash'
  | 'assessment'
  | 'child-in-need'
  | 'child-protection'
  | 'children-in-care'
  | 'care-experienced'
  | 'disabled-children';

export interface Worker {
  id: string;
  role: string;
  teamId: string | null;
  kind: CaseTeam | null;
  /** How many children this worker should hold: the team's target × FTE × the team's pressure. */
  capacity: number;
  load: number;
  startedOn: Day;
}

export interface Staff {
  /** Case-holding workers by the kind of team they work in. */
  byKind: Record<CaseTeam, Worker[]>;
  /** The independent reviewing officers. */
  reviewingOfficers: Worker[];
  /** Managers of each team, by team id, for authorisations and restricted-record lists. */
  managerOf: Map<string, string>;
}

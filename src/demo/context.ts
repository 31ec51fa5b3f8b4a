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
  /**
   * A yes or no that comes out yes for `probability` of the times it is asked under `name`, spread evenly
   * rather than drawn (a running sum), so that the council's rates hold steady from seed to seed.
   */
  share: (name: string, probability: number) => boolean;
  /** The next of an evenly spread sequence of numbers in [0, 1) under `name` (golden-ratio steps). */
  spread: (name: string) => number;
  /** The UPNs given so far (without their check letter): no two children share one (CIN census 1520). */
  upns: Set<string>;
}

/** The sequences behind `Council.spread`. */
export function evenSpreads(): (name: string) => number {
  const counts = new Map<string, number>();
  return (name) => {
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return (count * 0.6180339887498949) % 1;
  };
}

/** A length from a mixture of ranges, at `position` (0 to 1) along it: the range by weight, then within it. */
export function lengthAt(
  position: number,
  ranges: readonly (readonly [low: number, high: number, weight: number])[],
): number {
  const total = ranges.reduce((sum, [, , weight]) => sum + weight, 0);
  let left = position * total;
  for (const [low, high, weight] of ranges) {
    if (left < weight) return Math.round(low + (left / weight) * (high - low));
    left -= weight;
  }
  return ranges.at(-1)![1];
}

/** The running sums behind `Council.share`. */
export function evenShares(): (name: string, probability: number) => boolean {
  const sums = new Map<string, number>();
  return (name, probability) => {
    const sum = (sums.get(name) ?? 0.5) + probability;
    sums.set(name, sum >= 1 ? sum - 1 : sum);
    return sum >= 1;
  };
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
  /** The first day of an absence (leave or sickness) that covers the as-at day, if the worker is away then. */
  awayFrom?: Day;
}

export interface Staff {
  /** Case-holding workers by the kind of team they work in. */
  byKind: Record<CaseTeam, Worker[]>;
  /** The independent reviewing officers. */
  reviewingOfficers: Worker[];
  /** Managers of each team, by team id, for authorisations and restricted-record lists. */
  managerOf: Map<string, string>;
  /** Its own stream for arranging cover, so that absences do not change the children's stories. */
  coverRandom: Random;
}

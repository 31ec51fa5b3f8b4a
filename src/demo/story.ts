import { addRow, type CaseTeam, type Council, type Row, type Rows, type Worker } from './context.ts';
import type { Period } from '../domain/timescales/deadline-rules.ts';
import {
  addMonths,
  addWorkingDays,
  instantOf,
  isoOf,
  millisecondsOf,
  onWorkingDay,
  onWorkingDayBefore,
  type Day,
} from './days.ts';
import type { Random } from './random.ts';
import { allocate } from './workforce.ts';

/**
 * One child's story as it is generated: their rows by table, the dates on which the next things may happen, and
 * the small helpers every stage shares (ids, allocation, recurring statutory work with varied timeliness).
 */
export class Story {
  readonly rows: Rows = {};
  readonly council: Council;
  readonly random: Random;
  readonly childId: string;
  readonly born: Day;
  /** The allocation open now, closed when the child moves to another team. */
  private allocation: Row | undefined;

  constructor(council: Council, random: Random, childId: string, born: Day) {
    this.council = council;
    this.random = random;
    this.childId = childId;
    this.born = born;
  }

  get asAt(): Day {
    return this.council.asAt;
  }

  id(day: Day): string {
    return this.random.uuid(millisecondsOf(day) + this.random.int(0, 36_000_000));
  }

  add(table: string, day: Day, row: Row): Row {
    const created =
      (row.created_at as string | undefined) ?? instantOf(Math.min(day, this.asAt), this.random.int(0, 540));
    const added = addRow(this.rows, table, {
      council_id: this.council.id,
      id: this.id(day),
      child_id: this.childId,
      ...row,
      created_at: created,
    });
    if ('updated_at' in row && row.updated_at === null) added.updated_at = created;
    return added;
  }

  /** Someone from a team of `kind` who recorded something (not an allocation). */
  worker(kind: CaseTeam, day: Day): string {
    return allocate(this.council.staff, kind, this.random, false, day).id;
  }

  /**
   * Moves the child's case to a worker of a team of `kind` from `day`, ending the allocation before it. Cases
   * still open today go to the least loaded worker, so caseloads follow the teams' targets.
   */
  allocateTo(kind: CaseTeam | null, day: Day, reason: string | null = null): void {
    if (this.allocation) {
      if (this.allocation.from_date === isoOf(day) && kind) {
        this.allocation.kind = kind;
        this.allocation.case_role = kind === 'care-experienced' ? 'personal-adviser' : 'allocated-worker';
        return;
      }
      this.allocation.to_date = isoOf(day);
      this.allocation = undefined;
    }
    if (!kind || day > this.asAt) return;
    this.allocation = this.add('allocations', day, {
      worker_id: '',
      case_role: kind === 'care-experienced' ? 'personal-adviser' : 'allocated-worker',
      from_date: isoOf(day),
      to_date: null,
      reason,
      kind,
    });
  }

  /** Once the story is told, open allocations go to the least loaded worker; closed ones to anyone then. */
  settleAllocations(): void {
    for (const row of this.rows.allocations ?? []) {
      const kind = row.kind as CaseTeam;
      delete row.kind;
      const from = dayFromIso(row.from_date as string);
      if (row.worker_id) continue;
      const worker = allocate(this.council.staff, kind, this.random, row.to_date === null, from);
      row.worker_id = worker.id;
      if (row.to_date === null && worker.awayFrom !== undefined) this.cover(row, worker, worker.awayFrom);
    }
  }

  /**
   * While a worker is away, a teammate covers most of their children (a cover allocation, from the first day
   * away or the day the child came to them); about a third are still waiting for cover, for the managers' view.
   */
  private cover(allocation: Row, worker: Worker, awayFrom: Day): void {
    const { coverRandom: random, byKind } = this.council.staff;
    const teammates = byKind[worker.kind!].filter(
      (other) => other.teamId === worker.teamId && other.id !== worker.id && other.awayFrom === undefined,
    );
    if (!teammates.length || !random.chance(0.65)) return;
    const from = Math.max(awayFrom, dayFromIso(allocation.from_date as string));
    addRow(this.rows, 'allocations', {
      council_id: this.council.id,
      id: random.uuid(millisecondsOf(from)),
      child_id: this.childId,
      worker_id: random.pick(teammates).id,
      case_role: 'cover',
      from_date: isoOf(from),
      to_date: null,
      reason: 'Cover while the allocated worker is away',
      created_at: instantOf(from, random.int(0, 540)),
    });
  }

  /**
   * A date `within` working days of `from` most of the time (`onTime`, a chance or, from `Council.share`, the
   * answer), otherwise up to half as late again.
   */
  withinWorkingDays(from: Day, within: number, onTime: number | boolean, earliest = 1): Day {
    const days = (typeof onTime === 'boolean' ? onTime : this.random.chance(onTime))
      ? this.random.int(Math.min(earliest, within), within)
      : this.random.int(within + 1, Math.ceil(within * 1.6) + 2);
    return addWorkingDays(from, days);
  }

  /**
   * Recurring statutory or local work from `from` to `until`: each due within `first` (then `every`, which may
   * depend on the date of the one before) of the one before, counted as the domain's timescales count it
   * (src/domain/timescales/deadline-rules.ts), so that "on time" here is on time there. Each is on time with
   * probability `onTime`, otherwise late by up to half the interval again; on working days. Work that fell due
   * before a placement, plan or period of care ended is done before it ended, late if need be: councils catch up
   * before closing, and nothing is left overdue once the child's involvement has ended.
   */
  recurring(
    from: Day,
    until: Day,
    first: Period,
    every: Period | ((previous: Day) => Period),
    onTime: number,
  ): Day[] {
    const dates: Day[] = [];
    const end = Math.min(until, this.asAt);
    let previous = from;
    let period = first;
    for (;;) {
      const due = dueAfter(previous, period);
      const span = due - previous;
      let date = this.random.chance(onTime)
        ? onWorkingDayBefore(previous + this.random.int(Math.max(1, Math.floor(span * 0.55)), span))
        : onWorkingDay(due + this.random.int(1, Math.ceil(span / 2)));
      if (date <= previous) date = onWorkingDay(previous + 1);
      if (date > end && until < this.asAt && due < end)
        date = onWorkingDayBefore(this.random.int(due + 1, end));
      if (date > end || date <= previous) break;
      dates.push(date);
      previous = date;
      period = typeof every === 'function' ? every(date) : every;
    }
    return dates;
  }
}

/** The day a period counted from `from` runs out, as the domain's addPeriod counts it (deadline-rules.ts). */
export function dueAfter(from: Day, period: Period): Day {
  switch (period.unit) {
    case 'working days':
      return addWorkingDays(from, period.amount);
    case 'days':
      return from + period.amount;
    case 'weeks':
      return from + 7 * period.amount;
    case 'months':
      return addMonths(from, period.amount);
  }
}

export function dayFromIso(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

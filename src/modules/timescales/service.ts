import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { caseRoleOwes } from '../../domain/workforce/case-role-work.ts';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { workingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import {
  childObligations,
  typicalSchoolTerms,
  type VersionedLocalStandard,
} from '../../domain/timescales/child-obligations.ts';
import { describePeriod } from '../../domain/timescales/deadline-rules.ts';
import {
  obligationStatus,
  type Obligation,
  type ObligationKind,
  type ObligationStatus,
} from '../../domain/timescales/obligation.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { NotFound } from '../../platform/errors.ts';
import { readRecords, type ChildScope } from '../record/service.ts';
import { keepCountsForDay, obligationCounts, recountChildren } from './count-queries.ts';
import { timescaleFactsOf } from './facts.ts';
import {
  childInNeedTracker,
  childName,
  childNames,
  allocationsOfWorker,
  childrenBehind,
  councilChildIds,
  councilTimescaleSettings,
  replaceStoredObligations,
  storedCompliance,
  storedObligations,
  teamNamed,
  workerNamed,
  vacuumStoredObligations,
} from './queries.ts';

/** What a council's timescales are worked out with: its calendar, its local standards and school terms. */
export interface TimescaleSettings {
  calendar: WorkingDayCalendar;
  standards: VersionedLocalStandard[];
}

export async function timescaleSettings(db: Kysely<Tables>, councilId: string): Promise<TimescaleSettings> {
  const { closures, standards } = await councilTimescaleSettings(db, councilId);
  return {
    calendar: workingDayCalendar({
      councilClosureDays: closures.map((closure) => ({ date: closure.day, name: closure.name })),
    }),
    standards: standards.map((standard) => ({
      kind: standard.kind as VersionedLocalStandard['kind'],
      interval: { amount: standard.amount, unit: standard.unit },
      source: standard.source,
      effectiveFrom: Temporal.PlainDate.from(standard.effective_from),
    })),
  };
}

/**
 * The school terms obligations are worked out with as at `day`: those begun by then (a term still to come owes
 * nothing yet), and with `nextTerm` the first still to come as well.
 */
function schoolTermsFor(day: Temporal.PlainDate, nextTerm: boolean) {
  const terms = typicalSchoolTerms(day.year - 6, day.year + 1);
  const begun = terms.filter((term) => Temporal.PlainDate.compare(term.startsOn, day) <= 0);
  const toCome = terms.filter((term) => Temporal.PlainDate.compare(term.startsOn, day) > 0);
  return nextTerm ? [...begun, ...toCome.slice(0, 1)] : begun;
}

/**
 * Works out the obligations of the children in scope as at `today` from their record as it stood that day (so a
 * visit recorded with a later date does not meet an obligation as at an earlier one), keyed by child. With
 * `ahead`, what will be owed from a day still to come is included too, counted from that day (see
 * `rebuildObligations`): the review of a personal education plan owed in the next school term, and the initial
 * PEP of a child in care who turns 3 later.
 */
export async function workOutObligations(
  db: Kysely<Tables>,
  councilId: string,
  scope: ChildScope,
  today: string,
  settings?: TimescaleSettings,
  options: { ahead?: boolean } = {},
): Promise<Map<string, Obligation[]>> {
  const { calendar, standards } = settings ?? (await timescaleSettings(db, councilId));
  const records = await readRecords(db, councilId, scope, { asAt: today });
  const day = Temporal.PlainDate.from(today);
  const context = {
    today: day,
    calendar,
    standards,
    schoolTerms: schoolTermsFor(day, options.ahead ?? false),
    ahead: options.ahead ?? false,
  };
  const result = new Map<string, Obligation[]>();
  for (const [childId, record] of records) {
    result.set(childId, childObligations(timescaleFactsOf(record, today), context));
  }
  return result;
}

/** An obligation as a row of `child_obligations` holds it, less whose it is and when it was written. */
interface ObligationRow {
  position: number;
  kind: string;
  due_by: string;
  met_on: string | null;
  lapsed: boolean;
  missed: boolean;
  rule: string;
  source: string;
  counted_from: string;
  counted_from_event: string;
  period: string;
  skipped: Array<{ date: string; name: string }>;
}

function rowOf(obligation: Obligation, position: number): ObligationRow {
  return {
    position,
    kind: obligation.kind,
    due_by: obligation.dueBy.toString(),
    met_on: obligation.metOn?.toString() ?? null,
    lapsed: obligation.status === 'not-applicable',
    missed: obligation.status === 'missed',
    rule: obligation.explanation.rule,
    source: obligation.explanation.source,
    counted_from: obligation.explanation.countedFrom.toString(),
    counted_from_event: obligation.explanation.countedFromEvent,
    period: describePeriod(obligation.explanation.period),
    skipped: obligation.explanation.skipped.map((skipped) => ({
      date: skipped.date.toString(),
      name: skipped.name,
    })),
  };
}

/** Everything a child's stored obligations say, as one string, to tell whether working them out changed them. */
function fingerprint(rows: readonly Omit<ObligationRow, 'position'>[]): string {
  return rows
    .map((row) =>
      [
        row.kind,
        row.due_by,
        row.met_on ?? '',
        row.lapsed,
        row.missed,
        row.rule,
        row.source,
        row.counted_from,
        row.counted_from_event,
        row.period,
        row.skipped.map((skipped) => `${skipped.date} ${skipped.name}`).join(';'),
      ].join('\u0001'),
    )
    .join('\u0002');
}

/**
 * Replaces the stored obligations of some children with those worked out now, in the caller's transaction, and
 * returns them. They include what will be owed from a day still to come, stored ahead and owed from that day
 * (`counted_from`), which every reader of the stored rows leaves out until then: the review owed in the next school
 * term, and the initial PEP owed from the 3rd birthday of a child in care. So when a term begins, or a child turns
 * 3, with nothing recorded and no rebuild yet, the pages still agree with the obligations worked out that day
 * (issue 16). Only the children whose obligations changed are written (`refreshed_at` is when a child's last
 * changed): on most days nearly every child's are as they were, and rewriting 1.7 million rows was much of the
 * daily job's time.
 */
export async function rebuildObligations(
  trx: Kysely<Tables>,
  councilId: string,
  childIds: readonly string[],
  clock: { now: Date; today: string },
  settings?: TimescaleSettings,
): Promise<Map<string, Obligation[]>> {
  const obligations = await workOutObligations(trx, councilId, { childIds }, clock.today, settings, {
    ahead: true,
  });
  const stored = new Map<string, Omit<ObligationRow, 'position'>[]>(childIds.map((id) => [id, []]));
  for (const row of await storedObligations(trx, councilId, childIds)) stored.get(row.child_id)?.push(row);
  const changed = new Map<string, ObligationRow[]>();
  for (const childId of childIds) {
    const rows = (obligations.get(childId) ?? []).map(rowOf);
    if (fingerprint(rows) !== fingerprint(stored.get(childId) ?? [])) changed.set(childId, rows);
  }
  await replaceStoredObligations(trx, councilId, changed, clock.now);
  await recountChildren(trx, councilId, [...changed.keys()], clock.today);
  return obligations;
}

/**
 * Rebuilds the stored obligations of the children in scope, a batch per transaction, so the team and service
 * views can count them with SQL. Recording on a child rebuilds that child's; the daily job rebuilds the council's.
 */
export async function refreshObligations(
  db: Database,
  councilId: string,
  scope: ChildScope,
  clock: { now: Date; today: string },
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const childIds = scope === 'all' ? await councilChildIds(db, councilId) : [...scope.childIds];
  const settings = await timescaleSettings(db, councilId);
  let written = 0;
  const batchSize = 2000;
  for (let start = 0; start < childIds.length; start += batchSize) {
    const batch = childIds.slice(start, start + batchSize);
    const rebuilt = await db
      .transaction()
      .execute((trx) => rebuildObligations(trx, councilId, batch, clock, settings));
    for (const list of rebuilt.values()) written += list.length;
    onProgress?.(Math.min(start + batchSize, childIds.length), childIds.length);
  }
  // Every row has just been rewritten. Without fresh statistics the planner guessed a handful of rows and the team
  // view took 2.1 s on the large demo council until autovacuum caught up (66 ms after); and until the old rows are
  // vacuumed the service view reads a table twice its size (901 ms, 520 ms after). See docs/performance.md.
  // (Never inside a transaction, where VACUUM cannot run: the batches above open their own.)
  if (scope === 'all') {
    await vacuumStoredObligations(db);
    await db.transaction().execute((trx) => keepCountsForDay(trx, councilId, clock.today));
  }
  return written;
}

const statusOrder: Record<Obligation['status'], number> = {
  overdue: 0,
  due: 1,
  missed: 2,
  'met-late': 3,
  met: 4,
  'not-applicable': 5,
};

/** An obligation as stored when it was last worked out from the record, with its status as at today. */
export interface StoredObligation {
  kind: ObligationKind;
  dueBy: string;
  metOn?: string;
  status: ObligationStatus;
  explanation: {
    rule: string;
    source: string;
    period: string;
    countedFrom: string;
    countedFromEvent: string;
    skipped: ReadonlyArray<{ date: string; name: string }>;
  };
}

/**
 * The stored obligations of some children owed by `today`, keyed by child, each with its status as at `today` (a
 * stored obligation is met, met late, lapsed, missed, or open; an open one is overdue once today is past its date). Pages and
 * lists read these, never working obligations out on a GET, so that every page gives the same answer.
 */
export async function obligationsOf(
  db: Kysely<Tables>,
  councilId: string,
  childIds: readonly string[],
  today: string,
  openOnly = false,
): Promise<Map<string, StoredObligation[]>> {
  const day = Temporal.PlainDate.from(today);
  const result = new Map<string, StoredObligation[]>(childIds.map((id) => [id, []]));
  for (const row of await storedObligations(db, councilId, childIds, openOnly)) {
    // Stored ahead for a school term still to come: not owed yet (see `rebuildObligations`).
    if (row.counted_from > today) continue;
    const dueBy = Temporal.PlainDate.from(row.due_by);
    const metOn = row.met_on ? Temporal.PlainDate.from(row.met_on) : undefined;
    result.get(row.child_id)?.push({
      kind: row.kind as ObligationKind,
      dueBy: row.due_by,
      ...(row.met_on ? { metOn: row.met_on } : {}),
      status: row.lapsed
        ? 'not-applicable'
        : row.missed
          ? 'missed'
          : obligationStatus(dueBy, metOn, undefined, day),
      explanation: {
        rule: row.rule,
        source: row.source,
        period: row.period,
        countedFrom: row.counted_from,
        countedFromEvent: row.counted_from_event,
        skipped: row.skipped,
      },
    });
  }
  return result;
}

/** Open obligations first (overdue, then due), then the rest; soonest first within each. */
export function byUrgency(a: { status: ObligationStatus; dueBy: string }, b: typeof a) {
  return statusOrder[a.status] - statusOrder[b.status] || a.dueBy.localeCompare(b.dueBy);
}

/** A child's obligations as stored from their record, overdue first, each with why its date is what it is. */
export async function childTimescales(db: Database, actor: Actor, childId: string) {
  const obligations = await withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'read', [childId]);
    const stored = await obligationsOf(trx, actor.councilId, [childId], actor.today);
    await appendAudit(trx, auditSource(actor), { action: 'timescales.viewed', childId });
    return stored.get(childId) ?? [];
  });
  return [...obligations].sort(byUrgency);
}

/** What is due for a child, with the child's name for the page that shows it. */
export async function childTimescalesPage(db: Database, actor: Actor, childId: string) {
  const obligations = await childTimescales(db, actor, childId);
  return { childName: await childName(db, actor.councilId, childId), obligations };
}

/** The service view (by team) or a team view (by worker): figures only. */
export async function timescaleFigures(db: Database, actor: Actor, teamId?: string) {
  const team = teamId ? await teamNamed(db, actor.councilId, teamId) : undefined;
  if (teamId && !team) throw new NotFound();
  return { team, rows: await obligationCounts(db, actor.councilId, actor.today, teamId) };
}

/**
 * One page of the children behind a figure, with how many pieces of work the figure counts and how many of them
 * are for children the actor may not see (counted, not named). The read is audited with the children shown.
 */
export async function timescaleChildren(
  db: Database,
  actor: Actor,
  filter: Parameters<typeof childrenBehind>[2],
  list: Parameters<typeof childrenBehind>[3],
) {
  return withTransaction(db, actor, async (trx) => {
    const whose = await whoseFigure(trx, actor, filter);
    const behind = await childrenBehind(trx, actor, filter, list);
    await appendAudit(trx, auditSource(actor), {
      action: 'children.listed',
      details: {
        list: 'timescales',
        ...filter,
        childIds: [...new Set(behind.rows.map((row) => row.child_id))],
      },
    });
    return { ...behind, whose, notShown: behind.counted - behind.window.total };
  });
}

/**
 * Whose figure a drill-down opened, so its page can name them ("Overdue: Children in care team"), with the page
 * of figures it came from; an unknown team or worker is not found.
 */
async function whoseFigure(
  db: Kysely<Tables>,
  actor: Actor,
  filter: Parameters<typeof childrenBehind>[2],
): Promise<{ name: string; figuresHref: string }> {
  if (filter.workerId) {
    const worker = await workerNamed(db, actor.councilId, filter.workerId, actor.today);
    if (!worker) throw new NotFound();
    return {
      name: worker.name,
      figuresHref: worker.team_id ? `/timescales/teams/${worker.team_id}` : '/timescales',
    };
  }
  if (filter.teamId) {
    const team = await teamNamed(db, actor.councilId, filter.teamId);
    if (!team) throw new NotFound();
    return { name: team.name, figuresHref: '/timescales' };
  }
  return {
    name: filter.unallocated ? 'No team (unallocated)' : 'The whole service',
    figuresHref: '/timescales',
  };
}

/** One page of the child in need tracker; the read is audited with the children shown. */
export async function viewChildInNeedTracker(
  db: Database,
  actor: Actor,
  filter: Parameters<typeof childInNeedTracker>[2],
  list: Parameters<typeof childInNeedTracker>[3],
) {
  return withTransaction(db, actor, async (trx) => {
    const tracked = await childInNeedTracker(trx, actor, filter, list);
    await appendAudit(trx, auditSource(actor), {
      action: 'children.listed',
      details: { list: 'cin-tracker', ...filter, childIds: tracked.rows.map((row) => row.child_id) },
    });
    return tracked;
  });
}

/**
 * One worker's obligations as at a date, worked out from the record: what they owe in their case role on each child
 * (src/domain/workforce/case-role-work.ts), the open ones first, soonest first.
 */
export async function workerObligations(db: Database, councilId: string, workerId: string, date: string) {
  const allocations = await allocationsOfWorker(db, councilId, workerId, date);
  const childIds = [...new Set(allocations.map((allocation) => allocation.child_id))];
  const children = await childNames(db, councilId, childIds);
  const worked = await workOutObligations(db, councilId, { childIds }, date);
  const owes = (childId: string, kind: string) =>
    allocations.some(
      (allocation) => allocation.child_id === childId && caseRoleOwes(allocation.case_role, kind),
    );
  return children
    .flatMap((child) => (worked.get(child.id) ?? []).map((obligation) => ({ child, obligation })))
    .filter(({ child, obligation }) => owes(child.id, obligation.kind))
    .sort(
      (a, b) =>
        statusOrder[a.obligation.status] - statusOrder[b.obligation.status] ||
        Temporal.PlainDate.compare(a.obligation.dueBy, b.obligation.dueBy),
    );
}

export interface ComplianceRow {
  kind: string;
  due: number;
  onTime: number;
  late: number;
  missed: number;
  onTimeRate: number | null;
}

/**
 * The service's on-time rate for each kind of obligation due in the financial year starting 1 April `year`, as at
 * the year's end or `today` if earlier: done by the due date, done late, or not done (missed). Obligations that
 * lapsed because the work ended are left out.
 */
export async function compliance(
  db: Database,
  councilId: string,
  year: number,
  today: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ComplianceRow[]> {
  const yearEnd = `${year + 1}-03-31`;
  return complianceBetween(db, councilId, `${year}-04-01`, today < yearEnd ? today : yearEnd, onProgress);
}

/** The on-time rate for each kind of obligation due from `from` to `asAt`, as at `asAt` (see `compliance`). */
export async function complianceBetween(
  db: Database,
  councilId: string,
  from: string,
  asAt: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ComplianceRow[]> {
  const settings = await timescaleSettings(db, councilId);
  const childIds = await councilChildIds(db, councilId);
  const rows = new Map<string, ComplianceRow>();
  for (let start = 0; start < childIds.length; start += 2000) {
    const worked = await workOutObligations(
      db,
      councilId,
      { childIds: childIds.slice(start, start + 2000) },
      asAt,
      settings,
    );
    for (const obligations of worked.values()) {
      for (const obligation of obligations) {
        const due = obligation.dueBy.toString();
        if (due < from || due > asAt || obligation.status === 'not-applicable') continue;
        const row = rows.get(obligation.kind) ?? {
          kind: obligation.kind,
          due: 0,
          onTime: 0,
          late: 0,
          missed: 0,
          onTimeRate: null,
        };
        row.due += 1;
        if (obligation.status === 'met') row.onTime += 1;
        else if (obligation.status === 'met-late') row.late += 1;
        else row.missed += 1;
        rows.set(obligation.kind, row);
      }
    }
    onProgress?.(Math.min(start + 2000, childIds.length), childIds.length);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, onTimeRate: row.due ? Math.round((1000 * row.onTime) / row.due) / 10 : null }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

/**
 * The same figures as `complianceBetween`, counted from the obligations stored as at `asAt` (so only when the daily
 * job's rows are of that day): a lapsed obligation is left out, met by its date is on time, met after it late,
 * and the rest were missed.
 */
export async function storedComplianceBetween(
  db: Database,
  councilId: string,
  from: string,
  asAt: string,
): Promise<ComplianceRow[]> {
  return (await storedCompliance(db, councilId, from, asAt))
    .map((row) => ({
      kind: row.kind,
      due: row.due,
      onTime: row.on_time,
      late: row.late,
      missed: row.due - row.on_time - row.late,
      onTimeRate: row.due ? Math.round((1000 * row.on_time) / row.due) / 10 : null,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

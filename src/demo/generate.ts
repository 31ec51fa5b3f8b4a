import type { Database } from '../db/database.ts';
import { appendAudit } from '../platform/audit.ts';
import { tellChild, type Arrival } from './children.ts';
import {
  addRow,
  demoSizes,
  evenShares,
  evenSpreads,
  type Council,
  type DemoOptions,
  type Rows,
} from './context.ts';
import { SHIPPED_YEARS } from '../domain/calendar/bank-holidays.ts';
import { addYears, CALENDAR_FIRST, dayOf, instantOf, millisecondsOf, type Day } from './days.ts';
import { Random } from './random.ts';
import { flows, targets } from './rates.ts';
import { analyse, holdsDemoCouncil, isPglite } from './queries.ts';
import { childProblems } from './validate.ts';
import { generateWorkforce } from './workforce.ts';
import { demoCouncilCodes } from './postcodes.ts';
import { writeRows } from './write.ts';

/**
 * The demonstration council (issue 7): a workforce and, child by child, journeys generated in memory, each checked
 * with the domain's rules (validate.ts) and then written in bulk. The same seed, size, years and date give the
 * same council, row for row.
 */
export interface DemoResult {
  councilId: string;
  children: number;
  rows: number;
  seconds: number;
}

export class DemoRefused extends Error {}

const FLUSH_ROWS = 60_000;

function arrivals(council: Council, random: Random): Arrival[] {
  const perYear = (per10k: number) => (per10k * council.population) / 10_000;
  const list: Arrival[] = [];
  const spread = (kind: Arrival['kind'], from: Day, per10k: number) => {
    const count = random.poisson((perYear(per10k) * (council.asAt - from)) / 365.25);
    // Evenly spaced with a little jitter, so that no stretch of months is busier than another by chance.
    const step = (council.asAt - from) / count;
    for (let index = 0; index < count; index++)
      list.push({ kind, day: Math.min(council.asAt, from + Math.floor((index + random.next()) * step)) });
  };
  // Care lasts years: its starts go back up to 18 years (or to the calendar's first year), so that today's
  // children in care include those who came in long ago.
  spread('care', Math.max(CALENDAR_FIRST + 60, addYears(council.asAt, -18)), flows.careStartsPer10k);
  spread(
    'referral',
    Math.max(CALENDAR_FIRST + 60, addYears(council.windowStart, -3)),
    flows.firstReferralsPer10k,
  );
  spread('contact', council.windowStart, targets.referralsPer10k * flows.otherContacts * 0.4);
  list.sort((a, b) => a.day - b.day || a.kind.localeCompare(b.kind));
  // Unaccompanied children come evenly among the starts of care rather than by chance, so that their share of
  // a council's children in care is steady even in a small council.
  let share = 0.5;
  let uascCount = 0;
  for (const arrival of list)
    if (arrival.kind === 'care') {
      share += flows.careStartsUasc;
      arrival.uasc = share >= 1;
      // The golden-ratio sequence: each next young person's age falls where the ones before left most room.
      if (arrival.uasc) arrival.spread = (uascCount++ * 0.6180339887498949) % 1;
      if (share >= 1) share -= 1;
    }
  return list;
}

/** Generates the council into `db`, reporting progress as children are done. */
export async function loadDemoCouncil(
  db: Database,
  options: DemoOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<DemoResult> {
  const started = performance.now();
  if (await holdsDemoCouncil(db))
    throw new DemoRefused('This database already holds the demonstration council: use an empty database.');
  const random = new Random(`hearth-demo:${options.seed}:${options.size}`);
  const asAt = dayOf(options.asAt);
  const windowStart = addYears(asAt, -options.years);
  if (addYears(windowStart, -3) < CALENDAR_FIRST)
    throw new DemoRefused(
      `The history asked for starts before the working-day calendar Hearth ships (${SHIPPED_YEARS.first}).`,
    );
  const council: Council = {
    id: random.uuid(millisecondsOf(addYears(windowStart, -2))),
    random,
    population: demoSizes[options.size],
    asAt,
    windowStart,
    keepFrom: addYears(windowStart, -1),
    staff: undefined as never,
    share: evenShares(),
    spread: evenSpreads(),
    upns: new Set(),
  };
  const rows: Rows = {};
  addRow(rows, 'councils', {
    id: council.id,
    name: 'Hearthshire (demonstration)',
    // Leicestershire's codes, so that the returns work out where placements are as they would for a real
    // children's services authority (issue 18, part 6).
    dfe_code: demoCouncilCodes.number,
    gss_code: demoCouncilCodes.gss,
    created_at: instantOf(addYears(windowStart, -2)),
  });
  council.staff = await generateWorkforce(council, rows, options.password);
  let written = await writeRows(db, rows);

  const childRandom = random.fork('children');
  const list = arrivals(council, random.fork('arrivals'));
  let batch: Rows = {};
  let batchRows = 0;
  // PostgreSQL takes two batches at once (one per core, while this process generates the next); PGlite, one.
  const writers = (await isPglite(db)) ? 1 : 2;
  const pending: Promise<number>[] = [];
  let children = 0;
  let analysedAt = 0;
  const flush = async (all = false) => {
    while (pending.length >= writers || (all && pending.length)) written += await pending.shift()!;
    // The foreign-key checks plan their lookups on the tables' statistics: refreshed as the tables grow (each
    // doubling), they use the indexes rather than scanning tables that were empty when first planned.
    if (written > analysedAt * 2) {
      await analyse(db);
      analysedAt = written;
    }
    if (batchRows) {
      const writing = writeRows(db, batch);
      writing.catch(() => {}); // awaited in turn above; this only keeps a failure from going unhandled meanwhile
      pending.push(writing);
    }
    batch = {};
    batchRows = 0;
  };
  for (const [index, arrival] of list.entries()) {
    const story = tellChild(council, childRandom, arrival);
    if (story) {
      children++;
      const child = story.rows.children![0]!;
      child.local_id = `HS${100000 + children}`;
      // A few children (one in a thousand) are restricted: only the workers named on their list may see them.
      if (children % 1000 === 500) {
        child.restricted = true;
        const workers = new Set((story.rows.allocations ?? []).map((row) => row.worker_id as string));
        for (const workerId of workers)
          addRow(story.rows, 'child_access_lists', {
            council_id: council.id,
            child_id: child.id,
            worker_id: workerId,
            added_at: child.created_at,
          });
      }
      const problems = childProblems(story.rows, options.asAt);
      if (problems.length)
        throw new Error(
          `The demo made a record the domain refuses (child ${child.local_id}):\n${problems.join('\n')}`,
        );
      for (const [table, tableRows] of Object.entries(story.rows)) {
        (batch[table] ??= []).push(...tableRows);
        batchRows += tableRows.length;
      }
    }
    if (batchRows >= FLUSH_ROWS) await flush();
    if (index % 500 === 0) onProgress(index, list.length);
  }
  await flush();
  await flush(true);
  // The entry says when the council was loaded, the real time (not a time on the demo's last day): the records
  // the demo wrote are dated in the children's lives, but loading them is an event of today.
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      { councilId: council.id, route: 'hearth demo', now: new Date() },
      {
        action: 'demo.generated',
        details: {
          size: options.size,
          seed: options.seed,
          years: options.years,
          asAt: options.asAt,
          children,
          rows: written,
        },
      },
    ),
  );
  onProgress(list.length, list.length);
  return { councilId: council.id, children, rows: written, seconds: (performance.now() - started) / 1000 };
}

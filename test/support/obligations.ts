import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Actor } from '../../src/platform/actor.ts';
import {
  refreshObligations,
  timescaleChildren,
  timescaleFigures,
} from '../../src/modules/timescales/service.ts';
import type { Database } from '../../src/db/database.ts';

/** The kinds of work owed to a child in care, to a child on a plan, and to a child in need, as stored. */
const IN_CARE = [
  'looked-after-review',
  'looked-after-visit',
  'initial-health-assessment',
  'health-assessment-review',
  'personal-education-plan',
  'personal-education-plan-review',
];
const ON_A_PLAN = ['first-core-group', 'child-protection-review', 'child-protection-visit'];
const IN_NEED = ['child-in-need-visit', 'child-in-need-plan-review'];
const AS_A_CARE_LEAVER = ['pathway-plan-review', 'care-leaver-contact', 'contact-decision'];

/**
 * The stored obligations that outlive their reason (issue 16), by what is wrong with them: due before the child
 * was born; still open on `today` although due after an 18th birthday that has come (work owed to a child; until
 * the birthday it is still owed); still open although the care, the plan or the episode of need it hangs on had
 * ended by its date. Each list should be empty.
 */
export async function obligationsWithoutAReason(db: Database, councilId: string, today: string) {
  const open = sql`o.council_id = ${councilId} and o.met_on is null and not o.lapsed and not o.missed`;
  const [beforeBirth, afterEighteen, afterCare, afterPlan, afterNeed] = await Promise.all([
    sql<{ child_id: string; kind: string; due_by: string }>`
      select o.child_id, o.kind, o.due_by::text from child_obligations o
        join children c on c.council_id = o.council_id and c.id = o.child_id
      where o.council_id = ${councilId} and o.due_by < c.date_of_birth`.execute(db),
    sql<{ child_id: string; kind: string; due_by: string }>`
      select o.child_id, o.kind, o.due_by::text from child_obligations o
        join children c on c.council_id = o.council_id and c.id = o.child_id
      where ${open} and o.kind not in (${sql.join(AS_A_CARE_LEAVER)})
        and o.due_by >= c.date_of_birth + interval '18 years'
        and c.date_of_birth + interval '18 years' <= ${today}::date`.execute(db),
    sql<{ child_id: string; kind: string; due_by: string }>`
      select o.child_id, o.kind, o.due_by::text from child_obligations o
      where ${open} and o.kind in (${sql.join(IN_CARE)})
        and not exists (select 1 from care_periods p where p.council_id = o.council_id and p.child_id = o.child_id
          and p.start_date <= o.due_by and (p.end_date is null or p.end_date > o.due_by))`.execute(db),
    sql<{ child_id: string; kind: string; due_by: string }>`
      select o.child_id, o.kind, o.due_by::text from child_obligations o
      where ${open} and o.kind in (${sql.join(ON_A_PLAN)})
        and not exists (select 1 from cp_plans p join episodes e on e.council_id = p.council_id and e.id = p.episode_id
          where p.council_id = o.council_id and p.child_id = o.child_id and p.start_date <= o.due_by
            and (p.end_date is null or p.end_date > o.due_by) and (e.closed_on is null or e.closed_on > o.due_by))`.execute(
      db,
    ),
    sql<{ child_id: string; kind: string; due_by: string }>`
      select o.child_id, o.kind, o.due_by::text from child_obligations o
      where ${open} and o.kind in (${sql.join(IN_NEED)})
        and not exists (select 1 from cin_plans p join episodes e on e.council_id = p.council_id and e.id = p.episode_id
          where p.council_id = o.council_id and p.child_id = o.child_id and p.start_date <= o.due_by
            and (p.end_date is null or p.end_date > o.due_by) and (e.closed_on is null or e.closed_on > o.due_by))`.execute(
      db,
    ),
  ]);
  return {
    beforeBirth: beforeBirth.rows,
    afterEighteen: afterEighteen.rows,
    afterCare: afterCare.rows,
    afterPlan: afterPlan.rows,
    afterNeed: afterNeed.rows,
  };
}

/** The council's director as an actor on `today`, to read the service's figures and their drill-downs as they do. */
export async function directorOn(db: Database, councilId: string, today: string): Promise<Actor> {
  const director = await db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select(['u.id as userId', 'w.id as workerId', 'w.given_name', 'w.family_name', 'u.email'])
    .where('u.council_id', '=', councilId)
    .where('w.role', '=', 'director')
    .executeTakeFirstOrThrow();
  return {
    councilId,
    userId: director.userId,
    workerId: director.workerId,
    role: 'director',
    name: `${director.given_name} ${director.family_name}`,
    email: director.email,
    sessionId: null,
    ip: null,
    route: 'test',
    now: new Date(`${today}T17:00:00Z`),
    today,
  };
}

/**
 * Issue 16: once the daily job has stored every obligation, none is due before birth or still open after its
 * reason ended, and each of the service view's figures counts exactly what its drill-down lists.
 */
export async function expectObligationsToFollowTheRecord(db: Database, councilId: string, asAt: string) {
  await refreshObligations(db, councilId, 'all', { now: new Date(`${asAt}T06:00:00Z`), today: asAt });
  expect(await obligationsWithoutAReason(db, councilId, asAt)).toEqual({
    beforeBirth: [],
    afterEighteen: [],
    afterCare: [],
    afterPlan: [],
    afterNeed: [],
  });
  const director = await directorOn(db, councilId, asAt);
  const figures = await timescaleFigures(db, director);
  const measures = {
    'due-this-week': 'due_this_week',
    overdue: 'overdue',
    'met-on-time': 'met_on_time',
  } as const;
  for (const row of figures.rows) {
    for (const [measure, column] of Object.entries(measures)) {
      const behind = await timescaleChildren(
        db,
        director,
        {
          measure: measure as keyof typeof measures,
          ...(row.group_id ? { teamId: row.group_id } : { unallocated: true }),
        },
        { sort: 'due-by', order: 'ascending' },
      );
      expect({ team: row.group_name, measure, listed: behind.counted }).toEqual({
        team: row.group_name,
        measure,
        listed: row[column],
      });
    }
  }
}

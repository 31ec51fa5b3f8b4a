import { sql, type Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/** Whether a dated row with `start_date`/`end_date` holds on the day. */
const openOn = (alias: string, day: string) =>
  sql`${sql.ref(`${alias}.start_date`)} <= ${day} and (${sql.ref(`${alias}.end_date`)} is null or ${sql.ref(`${alias}.end_date`)} > ${day})`;

/**
 * Each current member of some teams with, for each child they hold that day (allocated worker or personal
 * adviser), the facts that make the kind of case (issue 21, part 2). Counts only: no child is named.
 */
export async function caseloadFacts(db: Db, councilId: string, teamIds: readonly string[], day: string) {
  if (!teamIds.length) return [];
  const { rows } = await sql<{
    team_id: string;
    worker_id: string;
    given_name: string;
    family_name: string;
    job: string | null;
    role: string;
    fte: string;
    manages: boolean;
    child_id: string | null;
    looked_after: boolean | null;
    protection_plan: boolean | null;
    care_leaver: boolean | null;
    being_assessed: boolean | null;
    open_episode: boolean | null;
    in_proceedings: boolean | null;
  }>`
    select m.team_id, w.id as worker_id, w.given_name, w.family_name, w.job, w.role, w.fte::text as fte, m.manages,
      a.child_id,
      exists (select 1 from care_periods p where p.council_id = a.council_id and p.child_id = a.child_id
        and ${openOn('p', day)}) as looked_after,
      exists (select 1 from cp_plans p where p.council_id = a.council_id and p.child_id = a.child_id
        and ${openOn('p', day)}) as protection_plan,
      exists (select 1 from care_leaver_statuses s where s.council_id = a.council_id and s.child_id = a.child_id
        and ${currentOn('s', day)}) as care_leaver,
      exists (select 1 from assessments x join episodes e on e.council_id = x.council_id and e.id = x.episode_id
        where x.council_id = a.council_id and x.child_id = a.child_id and x.start_date <= ${day}
          and (x.authorised_on is null or x.authorised_on > ${day}) and (e.closed_on is null or e.closed_on > ${day}))
        as being_assessed,
      exists (select 1 from episodes e where e.council_id = a.council_id and e.child_id = a.child_id
        and e.referral_date <= ${day} and (e.closed_on is null or e.closed_on > ${day})) as open_episode,
      exists (select 1 from child_flags f where f.council_id = a.council_id and f.child_id = a.child_id
        and f.kind = 'court-proceedings' and f.from_date <= ${day} and (f.ended_on is null or f.ended_on > ${day}))
        as in_proceedings
    from team_memberships m
    join workers w on w.council_id = m.council_id and w.id = m.worker_id
    left join allocations a on a.council_id = w.council_id and a.worker_id = w.id
      and a.case_role in ('allocated-worker', 'personal-adviser') and ${currentOn('a', day)}
    where m.council_id = ${councilId} and m.team_id in (${sql.join(teamIds)}) and ${currentOn('m', day)}
      and (w.left_on is null or w.left_on > ${day})
    order by m.team_id, w.family_name, w.given_name, w.id`.execute(db);
  return rows;
}

/** The council's own weights by kind of case. */
export function councilWeights(db: Db, councilId: string) {
  return db
    .selectFrom('caseload_weights')
    .select(['kind', 'weight'])
    .where('council_id', '=', councilId)
    .execute();
}

/** Sets the council's weights, replacing those it had. */
export async function replaceWeights(
  db: Db,
  councilId: string,
  weights: ReadonlyArray<{ kind: string; weight: number }>,
) {
  await db.deleteFrom('caseload_weights').where('council_id', '=', councilId).execute();
  if (weights.length)
    await db
      .insertInto('caseload_weights')
      .values(weights.map((each) => ({ council_id: councilId, ...each })))
      .execute();
}

import { sql, type Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * The teams a person may see in the Workforce section: every team of the council, or (`managerId` given) only the
 * teams that worker manages on the day. Each with its caseload target and its managers' names.
 */
export async function workforceTeams(db: Db, councilId: string, day: string, managerId: string | null) {
  const { rows } = await sql<{
    id: string;
    name: string;
    kind: string;
    caseload_target: number | null;
    managers_hold_cases: boolean;
    managers: string | null;
  }>`
    select t.id, t.name, t.kind, t.caseload_target, t.managers_hold_cases,
      (select string_agg(w.given_name || ' ' || w.family_name, ', ' order by w.family_name)
        from team_memberships m join workers w on w.council_id = m.council_id and w.id = m.worker_id
        where m.council_id = t.council_id and m.team_id = t.id and m.manages and ${currentOn('m', day)}) as managers
    from teams t
    where t.council_id = ${councilId}
      and (${managerId}::uuid is null or exists (select 1 from team_memberships mm
        where mm.council_id = t.council_id and mm.team_id = t.id and mm.worker_id = ${managerId}::uuid
          and mm.manages and ${currentOn('mm', day)}))
    order by t.name`.execute(db);
  return rows;
}

/** The established posts of some teams on the day, each with whoever holds it then and on what contract. */
export async function postsOfTeams(db: Db, councilId: string, teamIds: readonly string[], day: string) {
  if (!teamIds.length) return [];
  const { rows } = await sql<{
    id: string;
    team_id: string;
    title: string;
    job: string;
    fte: string;
    holder_id: string | null;
    holder_name: string | null;
    holder_contract: string | null;
    holder_fte: string | null;
  }>`
    select p.id, p.team_id, p.title, p.job, p.fte::text as fte, w.id as holder_id,
      w.given_name || ' ' || w.family_name as holder_name, w.contract as holder_contract,
      w.fte::text as holder_fte
    from posts p
    left join post_holders h on h.council_id = p.council_id and h.post_id = p.id and ${currentOn('h', day)}
    left join workers w on w.council_id = h.council_id and w.id = h.worker_id
      and (w.left_on is null or w.left_on > ${day})
    where p.council_id = ${councilId} and p.team_id in (${sql.join(teamIds)})
      and p.from_date <= ${day} and (p.to_date is null or p.to_date >= ${day})
    order by p.team_id, p.title, p.id`.execute(db);
  return rows;
}

const workerColumns = sql`w.id, w.given_name, w.family_name, w.job, w.role, w.contract, w.fte::text as fte,
  w.started_on::text as started_on, w.left_on::text as left_on, w.leaving_reason,
  w.social_work_england_number as swe_number,
  w.swe_expires_on::text as swe_expires_on, w.asye_started_on::text as asye_started_on,
  w.asye_completed_on::text as asye_completed_on, w.lead_areas, w.recruited_from,
  w.induction_started_on::text as induction_started_on, w.induction_completed_on::text as induction_completed_on,
  w.appraised_on::text as appraised_on, w.appraisal_due_on::text as appraisal_due_on,
  (select min(r.expires_on)::text from training_records r
    where r.council_id = w.council_id and r.worker_id = w.id and r.expires_on is not null and r.ended_on is null
      and not exists (select 1 from training_records later where later.council_id = r.council_id
        and later.worker_id = r.worker_id and lower(trim(later.course)) = lower(trim(r.course)) and later.completed_on > r.completed_on
        and later.ended_on is null))
    as training_expires_on`;

export interface WorkerRow {
  id: string;
  given_name: string;
  family_name: string;
  job: string | null;
  role: string;
  contract: string;
  fte: string;
  started_on: string | null;
  left_on: string | null;
  leaving_reason: string | null;
  swe_number: string | null;
  swe_expires_on: string | null;
  asye_started_on: string | null;
  asye_completed_on: string | null;
  lead_areas: string[];
  recruited_from: string | null;
  induction_started_on: string | null;
  induction_completed_on: string | null;
  appraised_on: string | null;
  appraisal_due_on: string | null;
  training_expires_on: string | null;
  team_names: string | null;
}

/**
 * Workers in post on the day (or who left within the year before it), with their teams that day: every worker
 * of the council, or (`teamIds` given) the members of those teams.
 */
export async function workersOfTeams(
  db: Db,
  councilId: string,
  day: string,
  teamIds: readonly string[] | null,
) {
  if (teamIds && !teamIds.length) return [];
  const inTeams = teamIds
    ? sql`and exists (select 1 from team_memberships x where x.council_id = w.council_id and x.worker_id = w.id
        and x.team_id in (${sql.join(teamIds)}) and x.from_date <= ${day})`
    : sql``;
  const { rows } = await sql<WorkerRow>`
    select ${workerColumns},
      (select string_agg(t.name, ', ' order by t.name) from team_memberships m
        join teams t on t.council_id = m.council_id and t.id = m.team_id
        where m.council_id = w.council_id and m.worker_id = w.id
          and m.from_date <= ${day} and (m.to_date is null or m.to_date >= coalesce(w.left_on, ${day}::date)))
        as team_names
    from workers w
    where w.council_id = ${councilId} and (w.started_on is null or w.started_on <= ${day})
      and (w.left_on is null or w.left_on > (${day}::date - interval '1 year')::date)
      ${inTeams}
    order by w.left_on is not null, w.family_name, w.given_name`.execute(db);
  return rows;
}

/** One worker, with their teams today, their practice educator's name and the students they educate. */
export async function workerDetails(db: Db, councilId: string, workerId: string, day: string) {
  const { rows } = await sql<
    WorkerRow & { team_ids: string[] | null; educator_name: string | null; students: string | null }
  >`
    select ${workerColumns},
      (select string_agg(t.name, ', ' order by t.name) from team_memberships m
        join teams t on t.council_id = m.council_id and t.id = m.team_id
        where m.council_id = w.council_id and m.worker_id = w.id and ${currentOn('m', day)}) as team_names,
      (select array_agg(m.team_id) from team_memberships m
        where m.council_id = w.council_id and m.worker_id = w.id and m.from_date <= ${day}) as team_ids,
      (select e.given_name || ' ' || e.family_name from workers e
        where e.council_id = w.council_id and e.id = w.practice_educator_id) as educator_name,
      (select string_agg(s.given_name || ' ' || s.family_name, ', ' order by s.family_name) from workers s
        where s.council_id = w.council_id and s.practice_educator_id = w.id
          and (s.left_on is null or s.left_on > ${day})) as students
    from workers w
    where w.council_id = ${councilId} and w.id = ${workerId}::uuid`.execute(db);
  return rows[0];
}

/** A worker's training, latest first, ended records among them. */
export function trainingOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('training_records')
    .select(['id', 'course', 'completed_on', 'expires_on', 'ended_on', 'end_reason'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .orderBy('completed_on', 'desc')
    .execute();
}

/** The steps of a worker's induction they have done, in the order they did them. */
export function inductionStepsOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('induction_steps')
    .select(['step', 'completed_on'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .orderBy('completed_on')
    .execute();
}

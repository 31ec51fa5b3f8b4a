import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** The council's own codes, for the return and its validation (SSDA903 LA). */
export async function councilCodes(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('councils')
    .select(['name', 'dfe_code', 'gss_code'])
    .where('id', '=', councilId)
    .executeTakeFirst();
}

/** Every worker's Social Work England number and leaving date, for the social worker episodes (SW_ID). */
export async function socialWorkerRegistrations(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'social_work_england_number', 'left_on'])
    .where('council_id', '=', councilId)
    .execute();
}

/**
 * Every worker's name and the team they were in on `on` (Annex A's allocated team and worker), with what the SSD's
 * professionals table shows of them.
 */
export async function workersAndTeams(db: Kysely<Tables>, councilId: string, on: string) {
  return db
    .selectFrom('workers as w')
    .leftJoin('team_memberships as m', (join) =>
      join
        .onRef('m.council_id', '=', 'w.council_id')
        .onRef('m.worker_id', '=', 'w.id')
        .on('m.from_date', '<=', on)
        .on((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>=', on)])),
    )
    .leftJoin('teams as t', (join) =>
      join.onRef('t.council_id', '=', 'm.council_id').onRef('t.id', '=', 'm.team_id'),
    )
    .select([
      'w.id',
      sql<string>`w.given_name || ' ' || w.family_name`.as('name'),
      't.name as team',
      'w.social_work_england_number',
      'w.job',
      'w.fte',
      'w.contract',
    ])
    .where('w.council_id', '=', councilId)
    .execute();
}

/** The ids of the council's children with these local ids (the returns name children by their local id). */
export async function childIdsByLocalId(db: Kysely<Tables>, councilId: string, localIds: readonly string[]) {
  if (localIds.length === 0) return [];
  return db
    .selectFrom('children')
    .select(['id', 'local_id'])
    .where('council_id', '=', councilId)
    .where('local_id', 'in', [...localIds])
    .execute();
}

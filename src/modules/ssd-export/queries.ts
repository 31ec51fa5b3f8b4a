import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** The council's teams (ssd_department). */
export async function teamsOf(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('id')
    .execute();
}

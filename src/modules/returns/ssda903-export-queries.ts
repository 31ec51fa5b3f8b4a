import type { Kysely } from 'kysely';
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

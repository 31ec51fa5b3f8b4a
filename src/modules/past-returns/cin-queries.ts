import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** SQL of the CIN census import (issue 19, part 1). */

/** The council's DfE (LEA) code, to refuse another council's census. */
export async function councilDfeCode(
  db: Kysely<Tables>,
  councilId: string,
): Promise<string | null | undefined> {
  const council = await db
    .selectFrom('councils')
    .select('dfe_code')
    .where('id', '=', councilId)
    .executeTakeFirst();
  return council === undefined ? undefined : council.dfe_code;
}

/** The council's first administrator still able to sign in: who a command-line import is recorded as. */
export function councilAdministrator(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('users')
    .innerJoin('workers', (join) =>
      join.onRef('workers.council_id', '=', 'users.council_id').onRef('workers.id', '=', 'users.worker_id'),
    )
    .select(['users.id as userId', 'workers.id as workerId'])
    .where('users.council_id', '=', councilId)
    .where('workers.role', '=', 'administrator')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.created_at')
    .orderBy('users.id')
    .limit(1)
    .executeTakeFirst();
}

/** What Hearth holds of the children a census names, by their LAchildID. */
export async function childrenByLocalId(db: Kysely<Tables>, councilId: string, localIds: readonly string[]) {
  const found = [];
  for (let start = 0; start < localIds.length; start += 5000)
    found.push(
      ...(await db
        .selectFrom('children')
        .select([
          'id',
          'local_id',
          'upn',
          'date_of_birth',
          'expected_date_of_birth',
          'sex',
          'date_of_death',
          'ethnicity',
          'disabilities',
          'uasc',
        ])
        .where('council_id', '=', councilId)
        .where('local_id', 'in', localIds.slice(start, start + 5000))
        .execute()),
    );
  return found;
}

/** The episodes of need Hearth holds for these children. */
export async function episodesOfChildren(db: Kysely<Tables>, councilId: string, childIds: readonly string[]) {
  const found = [];
  for (let start = 0; start < childIds.length; start += 5000)
    found.push(
      ...(await db
        .selectFrom('episodes')
        .select(['id', 'child_id', 'referral_date', 'closed_on', 'closure_reason'])
        .where('council_id', '=', councilId)
        .where('child_id', 'in', childIds.slice(start, start + 5000))
        .execute()),
    );
  return found;
}

/** Closes (or trims) an episode Hearth holds, as a later census gives it. */
export async function closeRecordedEpisode(
  db: Kysely<Tables>,
  councilId: string,
  episodeId: string,
  closedOn: string | null,
  closureReason: string | null,
): Promise<void> {
  await db
    .updateTable('episodes')
    .set((update) => ({
      closed_on: closedOn,
      closure_reason: closureReason,
      version: update('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('council_id', '=', councilId)
    .where('id', '=', episodeId)
    .execute();
}

/** Changes what a census says of a child Hearth holds: identifiers and characteristics. */
export async function updateChildFromCensus(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('children')
    .set((update) => ({ ...changes, version: update('version', '+', 1), updated_at: new Date() }))
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .execute();
}

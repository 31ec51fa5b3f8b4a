import { sql, type Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

/**
 * The workers named on a child's allocations, each with the team they are in on `today` (the latest membership,
 * as My caseload shows it). Organisation facts, not the child's record: the record's reader gives the allocations.
 */
export async function workersWithTeams(
  db: Kysely<Tables>,
  councilId: string,
  workerIds: readonly string[],
  today: string,
) {
  if (!workerIds.length) return [];
  const found = await sql<{ id: string; given_name: string; family_name: string; team_name: string | null }>`
    select w.id, w.given_name, w.family_name,
      (select t.name from team_memberships m join teams t on t.council_id = m.council_id and t.id = m.team_id
        where m.council_id = w.council_id and m.worker_id = w.id and ${currentOn('m', today)}
        order by m.from_date desc limit 1) as team_name
    from workers w
    where w.council_id = ${councilId} and w.id in (${sql.join(workerIds)})`.execute(db);
  return found.rows;
}

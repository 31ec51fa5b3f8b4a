import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

export interface ReminderRow {
  worker_id: string;
  child_id: string;
  child_name: string;
  kind: string;
  due_by: string;
}

/**
 * The open stored obligations due before `horizon` of the children each worker holds today, and of the children
 * of the teams each manager manages; for one worker when `workerId` is given. The daily e-mail and the home page
 * read the same rows, so they cannot disagree with My caseload.
 */
export async function remindersDue(
  db: Kysely<Tables>,
  councilId: string,
  today: string,
  horizonDays: number,
  workerId?: string,
): Promise<ReminderRow[]> {
  const open = sql`o.met_on is null and not o.lapsed and o.due_by < ${today}::date + ${horizonDays}::int`;
  const current = (alias: string) =>
    sql`${sql.ref(`${alias}.from_date`)} <= ${today} and (${sql.ref(`${alias}.to_date`)} is null or ${sql.ref(`${alias}.to_date`)} >= ${today})`;
  const forWorker = (column: string) => (workerId ? sql`and ${sql.ref(column)} = ${workerId}` : sql``);
  const rows = await sql<ReminderRow>`
    select distinct a.worker_id, o.child_id, c.given_name || ' ' || c.family_name as child_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${current('a')}
    where o.council_id = ${councilId} and ${open} ${forWorker('a.worker_id')}
    union
    select distinct mm.worker_id, o.child_id, c.given_name || ' ' || c.family_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${current('a')}
      join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id and ${current('tm')}
      join team_memberships mm on mm.council_id = tm.council_id and mm.team_id = tm.team_id and mm.manages and ${current('mm')}
    where o.council_id = ${councilId} and ${open} ${forWorker('mm.worker_id')}
    order by 5, 3`.execute(db);
  return rows.rows;
}

/** Which of some children the actor may see. */
export async function visibleChildren(db: Kysely<Tables>, actor: Actor, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('children')
    .select('id')
    .where('council_id', '=', actor.councilId)
    .where('id', 'in', childIds)
    .where(sql<boolean>`id in (${allowedChildren(actor)})`)
    .execute();
}

import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import { WORK_OF_CASE_ROLE } from '../../domain/workforce/case-role-work.ts';

type Db = Kysely<Tables>;

/** One obligation on one worker's list: theirs by allocation, or by managing the allocated worker's team. */
export interface ReminderRow {
  worker_id: string;
  child_id: string;
  child_name: string;
  kind: string;
  due_by: string;
}

/**
 * Whether the allocation `a` owes the obligation `o` by its case role: a reviewing officer the looked-after reviews,
 * a personal adviser the pathway plan's reviews and keeping in touch, any other holder everything
 * (src/domain/workforce/case-role-work.ts).
 */
const limitedRoles = Object.entries(WORK_OF_CASE_ROLE);
const owedByCaseRole = sql`(a.case_role not in (${sql.join(limitedRoles.map(([role]) => role))})
  or ${sql.join(
    limitedRoles.map(([role, kinds]) => sql`(a.case_role = ${role} and o.kind in (${sql.join(kinds!)}))`),
    sql` or `,
  )})`;

/**
 * The council's open stored obligations due before `today` + `dueSoonDays` (so overdue ones too), once for each
 * worker allocated to the child today and once for each manager of such a worker's team today; for one worker
 * when `workerId` is given. The daily e-mail and the home page read the same rows as My caseload.
 */
export async function obligationsDueSoon(
  db: Db,
  councilId: string,
  today: string,
  dueSoonDays: number,
  workerId?: string,
) {
  // Owed by today (one stored ahead for a school term still to come is owed from the term's first day), unmet.
  const open = sql`o.met_on is null and not o.lapsed and not o.missed and o.counted_from <= ${today}::date
    and o.due_by < ${today}::date + ${dueSoonDays}::int`;
  const forWorker = (column: string) => (workerId ? sql`and ${sql.ref(column)} = ${workerId}` : sql``);
  const found = await sql<ReminderRow>`
    select distinct a.worker_id, o.child_id, c.given_name || ' ' || c.family_name as child_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${currentOn('a', today)}
    where o.council_id = ${councilId} and ${open} and ${owedByCaseRole} ${forWorker('a.worker_id')}
    union
    select distinct mm.worker_id, o.child_id, c.given_name || ' ' || c.family_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${currentOn('a', today)}
      join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id and ${currentOn('tm', today)}
      join team_memberships mm on mm.council_id = tm.council_id and mm.team_id = tm.team_id and mm.manages and ${currentOn('mm', today)}
    where o.council_id = ${councilId} and ${open} and ${owedByCaseRole} ${forWorker('mm.worker_id')}
    order by 5, 3`.execute(db);
  return found.rows;
}

/** The email address of each of the council's users, by their worker id. */
export function userEmails(db: Db, councilId: string) {
  return db.selectFrom('users').select(['worker_id', 'email']).where('council_id', '=', councilId).execute();
}

/** Replaces the council's reminder lists of the day `builtOn`, inserting in batches of 500. */
export async function replaceReminderLists(
  trx: Transaction<Tables>,
  councilId: string,
  builtOn: string,
  lists: Insertable<Tables['reminder_lists']>[],
): Promise<void> {
  await trx
    .deleteFrom('reminder_lists')
    .where('council_id', '=', councilId)
    .where('built_on', '=', builtOn)
    .execute();
  for (let offset = 0; offset < lists.length; offset += 500) {
    await trx
      .insertInto('reminder_lists')
      .values(lists.slice(offset, offset + 500))
      .execute();
  }
}

/** Every council, for the daily job. */
export function councils(db: Db) {
  return db.selectFrom('councils').select('id').execute();
}

/** Whether any reminder list of the council was built on `builtOn`. */
export async function remindersBuiltOn(db: Db, councilId: string, builtOn: string): Promise<boolean> {
  const built = await db
    .selectFrom('reminder_lists')
    .select('built_on')
    .where('council_id', '=', councilId)
    .where('built_on', '=', builtOn)
    .limit(1)
    .executeTakeFirst();
  return built !== undefined;
}

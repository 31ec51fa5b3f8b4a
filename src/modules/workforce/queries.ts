import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';

type Db = Kysely<Tables>;

/** Service managers and directors see the whole workforce; a team manager sees the teams they manage today. */
export function seesEveryTeam(actor: Actor): boolean {
  return actor.role === 'service-manager' || actor.role === 'director';
}

/**
 * A worker the actor may manage: any current worker for those who see every team, otherwise a current member of
 * a team the actor manages today. Anyone else is "not found", as for children.
 */
export function managedWorker(db: Db, actor: Actor, workerId: string) {
  const managed = sql<SqlBool>`(${seesEveryTeam(actor)} or exists (select 1 from team_memberships m
    join team_memberships mm on mm.council_id = m.council_id and mm.team_id = m.team_id
    where m.council_id = w.council_id and m.worker_id = w.id
      and ${currentOn('m', actor.today)}
      and mm.worker_id = ${actor.workerId} and mm.manages
      and ${currentOn('mm', actor.today)}))`;
  return db
    .selectFrom('workers as w')
    .select(['w.id', 'w.given_name', 'w.family_name', 'w.role'])
    .where('w.council_id', '=', actor.councilId)
    .where('w.id', '=', workerId)
    .where(managed)
    .executeTakeFirst();
}

/** A worker's absences, latest first. */
export function absencesOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('worker_absences')
    .select(['id', 'kind', 'from_date', 'to_date', 'created_at'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .orderBy('from_date', 'desc')
    .execute();
}

export function insertAbsence(db: Db, absence: Insertable<Tables['worker_absences']>) {
  return db.insertInto('worker_absences').values(absence).execute();
}

/** Locks a worker's row until the transaction ends, so two absences recorded at once are checked in turn. */
export async function lockWorker(db: Db, councilId: string, workerId: string): Promise<void> {
  await sql`select 1 from workers where council_id = ${councilId} and id = ${workerId} for update`.execute(
    db,
  );
}

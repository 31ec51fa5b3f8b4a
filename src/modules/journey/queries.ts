import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/**
 * Locks the child's row for the rest of the transaction, so that two people recording on the same child take
 * turns: checks such as "no overlapping periods of care" then hold until the change is committed.
 */
export async function lockChild(db: Kysely<Tables>, councilId: string, childId: string) {
  const result = await sql<{ date_of_birth: string | null; given_name: string; family_name: string }>`
    select date_of_birth, given_name, family_name from children
    where council_id = ${councilId} and id = ${childId} for update`.execute(db);
  return result.rows[0];
}

/** What is open for the child now: the facts the journey's status follows from. */
export async function openJourneyRecords(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  today: string,
) {
  const [episode, section47, cpPlan, cinPlan, carePeriod, careLeaver] = await Promise.all([
    db
      .selectFrom('episodes as e')
      .select(['e.id', 'e.referral_date', 'e.version'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('assessments as a')
              .select('a.id')
              .whereRef('a.council_id', '=', 'e.council_id')
              .whereRef('a.episode_id', '=', 'e.id')
              .where('a.authorised_on', 'is not', null),
          )
          .as('assessment_authorised'),
      )
      .where('e.council_id', '=', councilId)
      .where('e.child_id', '=', childId)
      .where('e.closed_on', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('section47_enquiries as s')
      .innerJoin('strategy_discussions as d', (join) =>
        join.onRef('d.council_id', '=', 's.council_id').onRef('d.id', '=', 's.strategy_discussion_id'),
      )
      .select(['s.id', 's.started_on', 'd.held_on as strategy_discussion_on'])
      .where('s.council_id', '=', councilId)
      .where('s.child_id', '=', childId)
      .where('s.ended_on', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('cp_plans')
      .select(['id', 'start_date', 'version'])
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .where('end_date', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('cin_plans')
      .select(['id', 'start_date'])
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .where('end_date', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('care_periods')
      .select(['id', 'start_date', 'version'])
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .where('end_date', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('care_leaver_statuses')
      .select(['id', 'status', 'from_date', 'personal_adviser_id'])
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .where('from_date', '<=', today)
      .where('to_date', 'is', null)
      .executeTakeFirst(),
  ]);
  return { episode, section47, cpPlan, cinPlan, carePeriod, careLeaver };
}

/** The child's names, read without a lock. */
export function childNames(db: Kysely<Tables>, councilId: string, childId: string) {
  return db
    .selectFrom('children')
    .select(['given_name', 'family_name', 'date_of_birth'])
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
}

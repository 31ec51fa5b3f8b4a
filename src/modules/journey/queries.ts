import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/**
 * Locks the child's row for the rest of the transaction, so that two people recording on the same child take
 * turns: checks such as "no overlapping periods of care" then hold until the change is committed.
 */
export async function lockChild(db: Kysely<Tables>, councilId: string, childId: string) {
  const result = await sql<{
    date_of_birth: string | null;
    date_of_death: string | null;
    given_name: string;
    family_name: string;
    version: number;
  }>`
    select date_of_birth, date_of_death, given_name, family_name, version from children
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

/**
 * The latest day anything happened on the child's record as the journey records it (contacts, referrals,
 * assessments, enquiries, conferences, plans and their reviews, care and its reviews and visits, leaving care), so
 * that a death is not recorded before something already recorded as having happened.
 */
export async function latestEventOn(db: Kysely<Tables>, councilId: string, childId: string) {
  const result = await sql<{ latest: string | null }>`
    select max(day)::text as latest from (
      select decided_on as day from contacts where council_id = ${councilId} and child_id = ${childId}
      union all select greatest(referral_date, closed_on) from episodes where council_id = ${councilId} and child_id = ${childId}
      union all select greatest(start_date, authorised_on) from assessments where council_id = ${councilId} and child_id = ${childId}
      union all select held_on from strategy_discussions where council_id = ${councilId} and child_id = ${childId}
      union all select held_on from initial_conferences where council_id = ${councilId} and child_id = ${childId}
      union all select greatest(start_date, end_date) from cp_plans where council_id = ${councilId} and child_id = ${childId}
      union all select greatest(start_date, end_date) from cin_plans where council_id = ${councilId} and child_id = ${childId}
      union all select greatest(start_date, end_date) from care_periods where council_id = ${councilId} and child_id = ${childId}
      union all select start_date from placements where council_id = ${councilId} and child_id = ${childId}
      union all select held_on from cla_reviews where council_id = ${councilId} and child_id = ${childId}
      union all select visited_on from child_visits where council_id = ${councilId} and child_id = ${childId}
      union all select contacted_on from care_leaver_contacts where council_id = ${councilId} and child_id = ${childId}
    ) as events`.execute(db);
  return result.rows[0]?.latest ?? null;
}

/**
 * Ends the child's open period of care on the day they died, with SSDA903 reason ceased E2 (died), and its open
 * legal status and placement with it.
 */
export async function endCareOnDeath(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  ending: { diedOn: string; now: Date },
) {
  const periods = await db
    .updateTable('care_periods')
    .set((eb) => ({
      end_date: ending.diedOn,
      reason_ceased: 'E2',
      version: eb('version', '+', 1),
      updated_at: ending.now,
    }))
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .returning('id')
    .execute();
  const ids = periods.map((period) => period.id);
  if (!ids.length) return ids;
  await db
    .updateTable('legal_statuses')
    .set({ to_date: ending.diedOn })
    .where('council_id', '=', councilId)
    .where('care_period_id', 'in', ids)
    .where('to_date', 'is', null)
    .execute();
  await db
    .updateTable('placements')
    .set({ end_date: ending.diedOn })
    .where('council_id', '=', councilId)
    .where('care_period_id', 'in', ids)
    .where('end_date', 'is', null)
    .execute();
  return ids;
}

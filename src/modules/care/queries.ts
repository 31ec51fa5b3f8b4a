import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** Everything recorded about the child's care and leaving care, oldest first. */
export async function careRecords(db: Kysely<Tables>, councilId: string, childId: string) {
  const [
    periods,
    legalStatuses,
    placements,
    reviews,
    visits,
    health,
    educationPlans,
    missing,
    careLeaver,
    pathwayPlans,
    pathwayReviews,
    contacts,
  ] = await Promise.all([
    db
      .selectFrom('care_periods')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('legal_statuses')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('placements')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('cla_reviews')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('child_visits')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('visited_on')
      .execute(),
    db
      .selectFrom('health_assessments')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('completed_on')
      .execute(),
    db
      .selectFrom('personal_education_plans')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('completed_on')
      .execute(),
    db
      .selectFrom('missing_episodes')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('started_on')
      .execute(),
    db
      .selectFrom('care_leaver_statuses as s')
      .leftJoin('workers as w', (join) =>
        join.onRef('w.council_id', '=', 's.council_id').onRef('w.id', '=', 's.personal_adviser_id'),
      )
      .select(['s.status', 's.from_date', 's.to_date', 'w.given_name', 'w.family_name'])
      .where('s.council_id', '=', councilId)
      .where('s.child_id', '=', childId)
      .orderBy('s.from_date')
      .execute(),
    db
      .selectFrom('pathway_plans')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('started_on')
      .execute(),
    db
      .selectFrom('pathway_plan_reviews')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('care_leaver_contacts')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('contacted_on')
      .execute(),
  ]);
  return {
    periods,
    legalStatuses,
    placements,
    reviews,
    visits,
    health,
    educationPlans,
    missing,
    careLeaver,
    pathwayPlans,
    pathwayReviews,
    contacts,
  };
}

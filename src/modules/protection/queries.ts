import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** Everything recorded in child protection and child in need work for one child, oldest first. */
export async function protectionRecords(db: Kysely<Tables>, councilId: string, childId: string) {
  const [
    strategyDiscussions,
    enquiries,
    conferences,
    cpPlans,
    coreGroups,
    reviewConferences,
    cinPlans,
    cinReviews,
  ] = await Promise.all([
    db
      .selectFrom('strategy_discussions')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('section47_enquiries')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('started_on')
      .execute(),
    db
      .selectFrom('initial_conferences')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('cp_plans')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('cp_core_groups')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('cp_review_conferences')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('cin_plans')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('cin_plan_reviews')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('child_id', '=', childId)
      .orderBy('held_on')
      .execute(),
  ]);
  return {
    strategyDiscussions,
    enquiries,
    conferences,
    cpPlans,
    coreGroups,
    reviewConferences,
    cinPlans,
    cinReviews,
  };
}

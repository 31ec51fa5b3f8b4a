import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

// ---- The writes of the child protection and child in need use cases (service.ts) ----

export function insertStrategyDiscussion(db: Db, discussion: Insertable<Tables['strategy_discussions']>) {
  return db.insertInto('strategy_discussions').values(discussion).execute();
}

export function insertSection47Enquiry(db: Db, enquiry: Insertable<Tables['section47_enquiries']>) {
  return db.insertInto('section47_enquiries').values(enquiry).execute();
}

/** Ends a section 47 enquiry with its outcome: no further action, or an initial conference. */
export function endSection47Enquiry(
  db: Db,
  councilId: string,
  enquiryId: string,
  ending: Pick<Updateable<Tables['section47_enquiries']>, 'ended_on' | 'outcome'>,
) {
  return db
    .updateTable('section47_enquiries')
    .set(ending)
    .where('council_id', '=', councilId)
    .where('id', '=', enquiryId)
    .execute();
}

export function insertInitialConference(db: Db, conference: Insertable<Tables['initial_conferences']>) {
  return db.insertInto('initial_conferences').values(conference).execute();
}

export function insertChildProtectionPlan(db: Db, plan: Insertable<Tables['cp_plans']>) {
  return db.insertInto('cp_plans').values(plan).execute();
}

export function insertCoreGroup(db: Db, meeting: Insertable<Tables['cp_core_groups']>) {
  return db.insertInto('cp_core_groups').values(meeting).execute();
}

export function insertReviewConference(db: Db, conference: Insertable<Tables['cp_review_conferences']>) {
  return db.insertInto('cp_review_conferences').values(conference).execute();
}

/** Ends a child protection plan with its reason, at its next version. */
export function markChildProtectionPlanEnded(
  db: Db,
  councilId: string,
  planId: string,
  ending: Pick<Updateable<Tables['cp_plans']>, 'end_date' | 'end_reason' | 'version' | 'updated_at'>,
) {
  return db
    .updateTable('cp_plans')
    .set(ending)
    .where('council_id', '=', councilId)
    .where('id', '=', planId)
    .execute();
}

export function insertChildInNeedPlan(db: Db, plan: Insertable<Tables['cin_plans']>) {
  return db.insertInto('cin_plans').values(plan).execute();
}

export function insertChildInNeedPlanReview(db: Db, review: Insertable<Tables['cin_plan_reviews']>) {
  return db.insertInto('cin_plan_reviews').values(review).execute();
}

export function markChildInNeedPlanEnded(
  db: Db,
  councilId: string,
  planId: string,
  ending: Pick<Updateable<Tables['cin_plans']>, 'end_date' | 'updated_at'>,
) {
  return db
    .updateTable('cin_plans')
    .set(ending)
    .where('council_id', '=', councilId)
    .where('id', '=', planId)
    .execute();
}

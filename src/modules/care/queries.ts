import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

// ---- Periods of care, legal statuses, placements and reviews (service.ts) ----

/** The start and end of each of the child's periods of care, to refuse one that would overlap. */
export function carePeriodDates(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('care_periods')
    .select(['start_date', 'end_date'])
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .execute();
}

/**
 * The legal status and the placement a period of care has now: the open ones (no end date) that no correction
 * has superseded.
 */
export async function currentStatusAndPlacement(db: Db, councilId: string, periodId: string) {
  const [status, placement] = await Promise.all([
    db
      .selectFrom('legal_statuses')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('care_period_id', '=', periodId)
      .where('to_date', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('placements')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('care_period_id', '=', periodId)
      .where('end_date', 'is', null)
      .executeTakeFirst(),
  ]);
  return { status, placement };
}

export function insertCarePeriod(db: Db, period: Insertable<Tables['care_periods']>) {
  return db.insertInto('care_periods').values(period).execute();
}

/** Closes a period of care with its SSDA903 reason, at its next version. */
export function endCarePeriod(
  db: Db,
  councilId: string,
  periodId: string,
  ending: Pick<Updateable<Tables['care_periods']>, 'end_date' | 'reason_ceased' | 'version' | 'updated_at'>,
) {
  return db
    .updateTable('care_periods')
    .set(ending)
    .where('council_id', '=', councilId)
    .where('id', '=', periodId)
    .execute();
}

export function insertLegalStatus(db: Db, status: Insertable<Tables['legal_statuses']>) {
  return db.insertInto('legal_statuses').values(status).execute();
}

/** Ends a legal status on `toDate`, the day the next one (or the end of care) begins. */
export function endLegalStatus(db: Db, councilId: string, statusId: string, toDate: string) {
  return db
    .updateTable('legal_statuses')
    .set({ to_date: toDate })
    .where('council_id', '=', councilId)
    .where('id', '=', statusId)
    .execute();
}

export function insertPlacement(db: Db, placement: Insertable<Tables['placements']>) {
  return db.insertInto('placements').values(placement).execute();
}

/** Ends a placement, with the SSDA903 reason for the change when another placement follows. */
export function endPlacement(
  db: Db,
  councilId: string,
  placementId: string,
  ending: Pick<Updateable<Tables['placements']>, 'end_date' | 'change_reason'>,
) {
  return db
    .updateTable('placements')
    .set(ending)
    .where('council_id', '=', councilId)
    .where('id', '=', placementId)
    .execute();
}

/** A statutory review of a looked after child (reg. 33). */
export function insertCareReview(db: Db, review: Insertable<Tables['cla_reviews']>) {
  return db.insertInto('cla_reviews').values(review).execute();
}

// ---- Care leavers (leaving-care-service.ts) ----

/** A personal adviser of the council by the email they sign in with (trimmed and lower-cased by the caller). */
export function personalAdviserByEmail(db: Db, councilId: string, email: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select('w.id')
    .where('u.council_id', '=', councilId)
    .where('u.email', '=', email)
    .where('w.role', '=', 'personal-adviser')
    .executeTakeFirst();
}

/** The young person's care leaver status now: the one without an end date. */
export function currentCareLeaverStatus(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('care_leaver_statuses')
    .select(['id', 'from_date', 'personal_adviser_id'])
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
}

export function insertCareLeaverStatus(db: Db, status: Insertable<Tables['care_leaver_statuses']>) {
  return db.insertInto('care_leaver_statuses').values(status).execute();
}

/** Ends a care leaver status on `toDate`, the day the next one begins. */
export function endCareLeaverStatus(db: Db, councilId: string, statusId: string, toDate: string) {
  return db
    .updateTable('care_leaver_statuses')
    .set({ to_date: toDate })
    .where('council_id', '=', councilId)
    .where('id', '=', statusId)
    .execute();
}

/** Allocates a worker to the child (here: the personal adviser of a care leaver). */
export function insertAllocation(db: Db, allocation: Insertable<Tables['allocations']>) {
  return db.insertInto('allocations').values(allocation).execute();
}

/** The young person's pathway plan that has not ended, if any. */
export function openPathwayPlan(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('pathway_plans')
    .select(['id', 'started_on'])
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
}

export function insertPathwayPlan(db: Db, plan: Insertable<Tables['pathway_plans']>) {
  return db.insertInto('pathway_plans').values(plan).execute();
}

export function insertPathwayPlanReview(db: Db, review: Insertable<Tables['pathway_plan_reviews']>) {
  return db.insertInto('pathway_plan_reviews').values(review).execute();
}

/** A keep-in-touch contact with a care leaver, with their accommodation and activity. */
export function insertCareLeaverContact(db: Db, contact: Insertable<Tables['care_leaver_contacts']>) {
  return db.insertInto('care_leaver_contacts').values(contact).execute();
}

// ---- Health, education and missing episodes (wellbeing-service.ts; visits are src/modules/visits) ----

export function insertHealthAssessment(db: Db, assessment: Insertable<Tables['health_assessments']>) {
  return db.insertInto('health_assessments').values(assessment).execute();
}

export function insertPersonalEducationPlan(db: Db, plan: Insertable<Tables['personal_education_plans']>) {
  return db.insertInto('personal_education_plans').values(plan).execute();
}

export function insertMissingEpisode(db: Db, episode: Insertable<Tables['missing_episodes']>) {
  return db.insertInto('missing_episodes').values(episode).execute();
}

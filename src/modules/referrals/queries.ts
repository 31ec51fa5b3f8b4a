import type { Insertable, Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/** The facts the referral rules need about a child: date of birth, open episode, earlier referral dates. */
export async function childReferralFacts(db: Db, councilId: string, childId: string) {
  const child = await db
    .selectFrom('children')
    .select(['date_of_birth', 'date_of_death', 'given_name', 'family_name'])
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  const episodes = await db
    .selectFrom('episodes')
    .select(['id', 'referral_date', 'closed_on'])
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .execute();
  return {
    child,
    openEpisode: episodes.find((episode) => episode.closed_on === null) ?? null,
    referralDates: episodes.map((episode) => episode.referral_date),
  };
}

/** One episode of one child, locked for the change about to be made to it. */
export function episodeForUpdate(db: Db, councilId: string, childId: string, episodeId: string) {
  return db
    .selectFrom('episodes')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('id', '=', episodeId)
    .forUpdate()
    .executeTakeFirst();
}

export function assessmentsOfEpisode(db: Db, councilId: string, episodeId: string) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.authorised_by'),
    )
    .selectAll('a')
    .select(['w.given_name as authoriser_given_name', 'w.family_name as authoriser_family_name'])
    .where('a.council_id', '=', councilId)
    .where('a.episode_id', '=', episodeId)
    .orderBy('a.start_date')
    .execute();
}

export function factorsOf(db: Db, councilId: string, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_factors')
    .select(['assessment_id', 'code'])
    .where('council_id', '=', councilId)
    .where('assessment_id', 'in', assessmentIds)
    .orderBy('code')
    .execute();
}

export function assessmentForUpdate(db: Db, councilId: string, childId: string, assessmentId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('id', '=', assessmentId)
    .forUpdate()
    .executeTakeFirst();
}

export function contactsOfChild(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .orderBy('received_at', 'desc')
    .execute();
}

export function insertContact(db: Db, contact: Insertable<Tables['contacts']>) {
  return db.insertInto('contacts').values(contact).execute();
}

/** An episode of need, opened by a referral. A second open episode of the child fails the unique index (23505). */
export function insertEpisode(db: Db, episode: Insertable<Tables['episodes']>) {
  return db.insertInto('episodes').values(episode).execute();
}

export function insertAssessment(db: Db, assessment: Insertable<Tables['assessments']>) {
  return db.insertInto('assessments').values(assessment).execute();
}

/** The factors identified at the end of an assessment, by their CIN census codes. */
export function insertAssessmentFactors(db: Db, councilId: string, assessmentId: string, codes: string[]) {
  return db
    .insertInto('assessment_factors')
    .values(codes.map((code) => ({ council_id: councilId, assessment_id: assessmentId, code })))
    .execute();
}

/** The assessments this worker recorded that a manager returned and the worker has not yet sent back. */
export function returnedAssessmentsOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'a.council_id').onRef('c.id', '=', 'a.child_id'),
    )
    .leftJoin('workers as m', (join) =>
      join.onRef('m.council_id', '=', 'a.council_id').onRef('m.id', '=', 'a.returned_by'),
    )
    .select(['a.id', 'a.child_id', 'a.returned_on', 'a.return_reasons', 'a.start_date'])
    .select([
      'c.given_name',
      'c.family_name',
      'm.given_name as manager_given_name',
      'm.family_name as manager_family_name',
    ])
    .where('a.council_id', '=', councilId)
    .where('a.recorded_by', '=', workerId)
    .where('a.returned_on', 'is not', null)
    .where('a.authorised_on', 'is', null)
    .orderBy('a.returned_on')
    .execute();
}

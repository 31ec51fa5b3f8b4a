import { sql, type Kysely, type SqlBool } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Tables } from '../../db/schema.ts';
import type { JourneyRecord } from '../../domain/journey/status.ts';

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

const day = (text: string) => Temporal.PlainDate.from(text);
const maybe = (text: string | null) => (text ? day(text) : null);

function byChild<T extends { child_id: string }>(rows: readonly T[]): (childId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.child_id);
    if (group) group.push(row);
    else groups.set(row.child_id, [row]);
  }
  return (childId) => groups.get(childId) ?? [];
}

/** Each table's rows for the children as they stood on `asAt`: nothing that began later, nothing corrected. */
function readRows(db: Kysely<Tables>, councilId: string, childIds: readonly string[], asAt: string) {
  const theirs = sql<SqlBool>`council_id = ${councilId} and child_id in (${sql.join(childIds)})`;
  return Promise.all([
    db
      .selectFrom('children')
      .select(['id as child_id', 'date_of_birth'])
      .where(sql<SqlBool>`council_id = ${councilId} and id in (${sql.join(childIds)})`)
      .execute(),
    db
      .selectFrom('contacts')
      .select(['id', 'child_id', 'decision', 'decided_on'])
      .select(sql<string>`(received_at at time zone 'Europe/London')::date::text`.as('received_on'))
      .where(theirs)
      .where(sql<SqlBool>`(received_at at time zone 'Europe/London')::date <= ${asAt}::date`)
      .execute(),
    db
      .selectFrom('episodes')
      .select(['id', 'child_id', 'contact_id', 'referral_date', 'no_further_action', 'closed_on'])
      .select('closure_reason')
      .where(theirs)
      .where('referral_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('assessments')
      .select(['child_id', 'episode_id', 'start_date', 'authorised_on', 'outcome'])
      .where(theirs)
      .where('start_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('section47_enquiries')
      .select(['child_id', 'episode_id', 'started_on', 'ended_on'])
      .where(theirs)
      .where('started_on', '<=', asAt)
      .execute(),
    db
      .selectFrom('cp_plans')
      .select(['child_id', 'episode_id', 'start_date', 'end_date', 'initial_category', 'latest_category'])
      .where(theirs)
      .where('start_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('cin_plans')
      .select(['child_id', 'episode_id', 'start_date', 'end_date'])
      .where(theirs)
      .where('start_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('care_periods')
      .select(['id', 'child_id', 'episode_id', 'start_date', 'end_date', 'reason_ceased'])
      .where(theirs)
      .where('start_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('legal_statuses')
      .select(['child_id', 'care_period_id', 'code', 'from_date', 'to_date'])
      .where(theirs)
      .where('superseded_at', 'is', null)
      .where('from_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('placements')
      .select(['child_id', 'care_period_id', 'place', 'start_date', 'end_date'])
      .where(theirs)
      .where('superseded_at', 'is', null)
      .where('start_date', '<=', asAt)
      .execute(),
    db
      .selectFrom('care_leaver_statuses')
      .select(['child_id', 'status', 'from_date', 'to_date'])
      .where(theirs)
      .where('from_date', '<=', asAt)
      .execute(),
  ]);
}

function grouped([
  ,
  contacts,
  episodes,
  assessments,
  enquiries,
  cpPlans,
  cinPlans,
  periods,
  legal,
  placements,
  leavers,
]: Awaited<ReturnType<typeof readRows>>) {
  return {
    contacts: byChild(contacts),
    episodes: byChild(episodes),
    assessments: byChild(assessments),
    enquiries: byChild(enquiries),
    cpPlans: byChild(cpPlans),
    cinPlans: byChild(cinPlans),
    periods: byChild(periods),
    legal: byChild(legal),
    placements: byChild(placements),
    leavers: byChild(leavers),
  };
}
type Grouped = ReturnType<typeof grouped>;

/** The child's contacts, episodes of need with their assessments, enquiries and plans. */
function needRecordOf(childId: string, rows: Grouped) {
  return {
    contacts: rows.contacts(childId).map((contact) => ({
      id: contact.id,
      receivedOn: day(contact.received_on),
      decision: contact.decision,
      decidedOn: day(contact.decided_on),
    })),
    episodes: rows.episodes(childId).map((episode) => ({
      id: episode.id,
      contactId: episode.contact_id,
      referralDate: day(episode.referral_date),
      noFurtherAction: episode.no_further_action,
      closedOn: maybe(episode.closed_on),
      closureReason: episode.closure_reason,
      assessments: rows
        .assessments(childId)
        .filter((assessment) => assessment.episode_id === episode.id)
        .map((assessment) => ({
          startDate: day(assessment.start_date),
          authorisedOn: maybe(assessment.authorised_on),
          outcome: assessment.outcome,
        })),
    })),
    section47Enquiries: rows.enquiries(childId).map((enquiry) => ({
      episodeId: enquiry.episode_id,
      startedOn: day(enquiry.started_on),
      endedOn: maybe(enquiry.ended_on),
    })),
    childProtectionPlans: rows.cpPlans(childId).map((plan) => ({
      episodeId: plan.episode_id,
      startDate: day(plan.start_date),
      endDate: maybe(plan.end_date),
      initialCategory: plan.initial_category,
      latestCategory: plan.latest_category,
    })),
    childInNeedPlans: rows.cinPlans(childId).map((plan) => ({
      episodeId: plan.episode_id,
      startDate: day(plan.start_date),
      endDate: maybe(plan.end_date),
    })),
  };
}

/** The child's periods of care with their legal statuses and placements, and their care leaver statuses. */
function careRecordOf(childId: string, rows: Grouped) {
  return {
    periodsOfCare: rows.periods(childId).map((period) => ({
      episodeId: period.episode_id,
      startDate: day(period.start_date),
      endDate: maybe(period.end_date),
      reasonCeased: period.reason_ceased,
      legalStatuses: rows
        .legal(childId)
        .filter((status) => status.care_period_id === period.id)
        .map((status) => ({
          code: status.code,
          fromDate: day(status.from_date),
          toDate: maybe(status.to_date),
        })),
      placements: rows
        .placements(childId)
        .filter((placement) => placement.care_period_id === period.id)
        .map((placement) => ({
          place: placement.place,
          startDate: day(placement.start_date),
          endDate: maybe(placement.end_date),
        })),
    })),
    careLeaverStatuses: rows.leavers(childId).map((status) => ({
      status: status.status,
      fromDate: day(status.from_date),
      toDate: maybe(status.to_date),
    })),
  };
}

/**
 * The journey records of the children as they stood on `asAt`, read in one query per table and keyed by child:
 * the facts `journeyStatus` works from. Children not found are left out.
 */
export async function readJourneyRecords(
  db: Kysely<Tables>,
  councilId: string,
  childIds: readonly string[],
  asAt: string,
): Promise<Map<string, JourneyRecord>> {
  if (childIds.length === 0) return new Map();
  const rows = await readRows(db, councilId, childIds, asAt);
  const tables = grouped(rows);
  return new Map(
    rows[0].map((child) => [
      child.child_id,
      {
        dateOfBirth: maybe(child.date_of_birth),
        ...needRecordOf(child.child_id, tables),
        ...careRecordOf(child.child_id, tables),
      },
    ]),
  );
}

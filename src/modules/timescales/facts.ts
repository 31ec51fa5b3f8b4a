import { sql, type Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Tables } from '../../db/schema.ts';
import type { ChildTimescaleFacts } from '../../domain/timescales/child-obligations.ts';
import type { PeriodOfCare } from '../../domain/timescales/looked-after.ts';

type Day = Temporal.PlainDate;
const day = (text: string) => Temporal.PlainDate.from(text);
const maybe = (text: string | null | undefined) => (text ? day(text) : undefined);
const byDate = (a: Day, b: Day) => Temporal.PlainDate.compare(a, b);

/** Which children to read: some, or every child of the council. */
export type ChildScope = { childIds: readonly string[] } | 'all';

function scoped<Q extends { where: (column: never, op: never, value: never) => Q }>(
  query: Q,
  scope: ChildScope,
  column = 'child_id',
): Q {
  if (scope === 'all') return query;
  const where = query.where as unknown as (column: string, op: string, value: readonly string[]) => Q;
  return where.call(
    query,
    column,
    'in',
    scope.childIds.length ? scope.childIds : ['00000000-0000-0000-0000-000000000000'],
  );
}

function groupBy<T extends { child_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.child_id);
    if (group) group.push(row);
    else groups.set(row.child_id, [row]);
  }
  return groups;
}

/**
 * Reads, in one query per table, everything a timescale runs from for the children in scope, and shapes it as the
 * domain's ChildTimescaleFacts, keyed by child. Dates of `timestamptz` columns are taken in England's time.
 */
export async function readTimescaleFacts(db: Kysely<Tables>, councilId: string, scope: ChildScope) {
  const [
    children,
    contacts,
    episodes,
    discussions,
    enquiries,
    conferences,
    cpPlans,
    coreGroups,
    cpReviews,
    cinPlans,
    cinReviews,
    visits,
    periods,
    placements,
    careReviews,
    health,
    peps,
    pathwayPlans,
    pathwayReviews,
    leaverStatuses,
    leaverContacts,
  ] = await Promise.all([
    scoped(
      db
        .selectFrom('children')
        .select(['id as child_id', 'date_of_birth'])
        .where('council_id', '=', councilId),
      scope,
      'id',
    ).execute(),
    scoped(
      db
        .selectFrom('contacts')
        .select([
          'child_id',
          sql<string>`(received_at at time zone 'Europe/London')::date::text`.as('received_on'),
          'decided_on',
        ])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('episodes as e')
        .select(['e.child_id', 'e.referral_date', 'e.closed_on', 'e.no_further_action'])
        .select((eb) =>
          eb
            .selectFrom('assessments as a')
            .whereRef('a.council_id', '=', 'e.council_id')
            .whereRef('a.episode_id', '=', 'e.id')
            .select((inner) => inner.fn.min('a.authorised_on').as('first'))
            .as('authorised_on'),
        )
        .where('e.council_id', '=', councilId),
      scope,
      'e.child_id',
    ).execute(),
    scoped(
      db
        .selectFrom('strategy_discussions')
        .select(['child_id', 'id', 'held_on', 'outcome'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('section47_enquiries')
        .select(['child_id', 'id', 'strategy_discussion_id', 'ended_on', 'outcome'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('initial_conferences')
        .select(['child_id', 'section47_id', 'held_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('cp_plans')
        .select(['child_id', 'id', 'start_date', 'end_date'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('cp_core_groups')
        .select(['child_id', 'cp_plan_id', 'held_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('cp_review_conferences')
        .select(['child_id', 'cp_plan_id', 'held_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('cin_plans')
        .select(['child_id', 'id', 'start_date', 'end_date'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('cin_plan_reviews')
        .select(['child_id', 'cin_plan_id', 'held_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db.selectFrom('child_visits').select(['child_id', 'visited_on']).where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('care_periods')
        .select(['child_id', 'id', 'start_date', 'end_date'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('placements')
        .select(['child_id', 'care_period_id', 'start_date', 'end_date', 'long_term_agreed'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db.selectFrom('cla_reviews').select(['child_id', 'held_on']).where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('health_assessments')
        .select(['child_id', 'completed_on'])
        .where('council_id', '=', councilId)
        .where('kind', '!=', 'dental'),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('personal_education_plans')
        .select(['child_id', 'completed_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('pathway_plans')
        .select(['child_id', 'id', 'started_on', 'ended_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('pathway_plan_reviews')
        .select(['child_id', 'pathway_plan_id', 'held_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('care_leaver_statuses')
        .select(['child_id', 'from_date', 'to_date'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
    scoped(
      db
        .selectFrom('care_leaver_contacts')
        .select(['child_id', 'contacted_on'])
        .where('council_id', '=', councilId),
      scope,
    ).execute(),
  ]);

  const groups = {
    contacts: groupBy(contacts),
    episodes: groupBy(episodes),
    discussions: groupBy(discussions),
    enquiries: groupBy(enquiries),
    conferences: groupBy(conferences),
    cpPlans: groupBy(cpPlans),
    coreGroups: groupBy(coreGroups),
    cpReviews: groupBy(cpReviews),
    cinPlans: groupBy(cinPlans),
    cinReviews: groupBy(cinReviews),
    visits: groupBy(visits),
    periods: groupBy(periods),
    placements: groupBy(placements),
    careReviews: groupBy(careReviews),
    health: groupBy(health),
    peps: groupBy(peps),
    pathwayPlans: groupBy(pathwayPlans),
    pathwayReviews: groupBy(pathwayReviews),
    leaverStatuses: groupBy(leaverStatuses),
    leaverContacts: groupBy(leaverContacts),
  };
  const of = <K extends keyof typeof groups>(key: K, childId: string) =>
    (groups[key].get(childId) ?? []) as NonNullable<ReturnType<(typeof groups)[K]['get']>>;

  const facts = new Map<string, ChildTimescaleFacts>();
  for (const child of children) {
    const id = child.child_id;
    const discussionsById = new Map(of('discussions', id).map((discussion) => [discussion.id, discussion]));
    const periodsOfCare: PeriodOfCare[] = of('periods', id).map((period) => ({
      startedOn: day(period.start_date),
      ...(period.end_date ? { endedOn: day(period.end_date) } : {}),
      placements: of('placements', id)
        .filter((placement) => placement.care_period_id === period.id)
        .map((placement) => ({
          startedOn: day(placement.start_date),
          ...(placement.end_date ? { endedOn: day(placement.end_date) } : {}),
          ...(placement.long_term_agreed ? { agreedLongTermOn: day(placement.start_date) } : {}),
        })),
    }));
    const statuses = of('leaverStatuses', id).sort((a, b) => a.from_date.localeCompare(b.from_date));
    const lastStatus = statuses.at(-1);
    facts.set(id, {
      ...(child.date_of_birth ? { dateOfBirth: day(child.date_of_birth) } : {}),
      contacts: of('contacts', id).map((contact) => ({
        receivedOn: day(contact.received_on),
        decidedOn: day(contact.decided_on),
      })),
      episodes: of('episodes', id).map((episode) => ({
        referralOn: day(episode.referral_date),
        ...(episode.authorised_on ? { assessmentAuthorisedOn: day(episode.authorised_on) } : {}),
        ...(!episode.authorised_on && episode.closed_on
          ? { closedWithoutAssessmentOn: day(episode.closed_on) }
          : {}),
      })),
      enquiries: of('enquiries', id).map((enquiry) => {
        const started = discussionsById.get(enquiry.strategy_discussion_id);
        const conference = of('conferences', id).find((candidate) => candidate.section47_id === enquiry.id);
        return {
          strategyDiscussions: started
            ? [{ heldOn: day(started.held_on), startedSection47Enquiry: true }]
            : [],
          ...(conference ? { initialConferenceOn: day(conference.held_on) } : {}),
          ...(enquiry.ended_on && enquiry.outcome !== 'conference'
            ? { concludedWithoutConferenceOn: day(enquiry.ended_on) }
            : {}),
        };
      }),
      childProtectionPlans: of('cpPlans', id).map((plan) => ({
        conferenceOn: day(plan.start_date),
        coreGroups: of('coreGroups', id)
          .filter((meeting) => meeting.cp_plan_id === plan.id)
          .map((meeting) => day(meeting.held_on)),
        reviews: of('cpReviews', id)
          .filter((meeting) => meeting.cp_plan_id === plan.id)
          .map((meeting) => day(meeting.held_on)),
        ...(plan.end_date ? { endedOn: day(plan.end_date) } : {}),
      })),
      childInNeedPlans: of('cinPlans', id).map((plan) => ({
        startedOn: day(plan.start_date),
        ...(plan.end_date ? { endedOn: day(plan.end_date) } : {}),
        reviews: of('cinReviews', id)
          .filter((review) => review.cin_plan_id === plan.id)
          .map((review) => day(review.held_on)),
      })),
      visits: of('visits', id)
        .map((visit) => day(visit.visited_on))
        .sort(byDate),
      periodsOfCare,
      careReviews: of('careReviews', id).map((review) => day(review.held_on)),
      healthAssessments: of('health', id).map((check) => day(check.completed_on)),
      personalEducationPlans: of('peps', id).map((plan) => day(plan.completed_on)),
      pathwayPlans: of('pathwayPlans', id).map((plan) => ({
        agreedOn: day(plan.started_on),
        reviews: of('pathwayReviews', id)
          .filter((review) => review.pathway_plan_id === plan.id)
          .map((review) => day(review.held_on)),
        ...(plan.ended_on ? { endedOn: day(plan.ended_on) } : {}),
      })),
      ...(statuses[0]
        ? {
            careLeaver: {
              from: day(statuses[0].from_date),
              contacts: of('leaverContacts', id).map((contact) => day(contact.contacted_on)),
              ...(maybe(lastStatus?.to_date) ? { endedOn: maybe(lastStatus?.to_date)! } : {}),
            },
          }
        : {}),
    });
  }
  return facts;
}

import { SHIPPED_YEARS } from '../domain/calendar/bank-holidays.ts';
import { codeListOn } from '../domain/codes/code-lists.ts';
import { nhsNumberProblem } from '../domain/identifiers/nhs-number.ts';
import { upnProblem } from '../domain/identifiers/upn.ts';
import { dateOrderProblems, periodsOverlap, type DateOrderRule } from '../domain/journey/order.ts';
import {
  assessmentProblems,
  authorisationProblems,
  closureProblems,
  contactProblems,
  isReReferral,
  referralProblems,
} from '../domain/journey/rules.ts';
import { transition, type JourneyEvent, type JourneyState } from '../domain/journey/transitions.ts';
import type { Row, Rows } from './context.ts';

/**
 * Checks one child's records with the domain's own rules (src/domain/journey, identifiers, codes): each contact,
 * referral, assessment, authorisation and closure as the forms check them; dates in order; no overlapping
 * episodes, periods of care, statuses or placements; codes from the DfE lists of their year; and the journey
 * replayed event by event through the transition table. The generator runs it on every child before writing,
 * and the validity test runs it on every child read back from the database.
 */
export function childProblems(rows: Rows, asAt: string): string[] {
  const problems: string[] = [];
  const say = (table: string, list: readonly { path: string; message: string }[]) =>
    list.forEach((problem) => problems.push(`${table}.${problem.path}: ${problem.message}`));
  const child = rows.children?.[0];
  if (!child) return ['children: the child is missing'];
  const born = child.date_of_birth as string;
  const date = (value: unknown) => ({ date: (value as string | null) ?? null });
  if (child.upn && upnProblem(child.upn as string))
    problems.push(`children.upn: ${upnProblem(child.upn as string)}`);
  if (child.nhs_number && nhsNumberProblem(child.nhs_number as string))
    problems.push('children.nhs_number: check digit');
  if (!codeListOn('CIN', 'Ethnicity', asAt).has(child.ethnicity as string))
    problems.push('children.ethnicity: not a DfE code');

  for (const contact of rows.contacts ?? [])
    say(
      'contacts',
      contactProblems(
        {
          receivedOn: date((contact.received_at as string).slice(0, 10)),
          source: contact.source as string,
          reason: contact.reason as string,
          decision: contact.decision as string,
          decidedOn: date(contact.decided_on),
        },
        asAt,
      ),
    );

  const episodes = [...(rows.episodes ?? [])].sort((a, b) => compare(a.referral_date, b.referral_date));
  const assessments = rows.assessments ?? [];
  const factors = rows.assessment_factors ?? [];
  episodes.forEach((episode, index) => {
    const referral = episode.referral_date as string;
    const previous = episodes.slice(0, index);
    const open = previous.find((each) => each.closed_on === null);
    say(
      'episodes',
      referralProblems(
        {
          referralDate: { date: referral },
          source: episode.referral_source as string,
          primaryNeed: episode.primary_need as string,
        },
        { dateOfBirth: born, openEpisodeReferredOn: (open?.referral_date as string) ?? null },
        asAt,
      ),
    );
    if (
      previous.some((each) =>
        periodsOverlap(
          { start: each.referral_date as string, end: each.closed_on as string | null },
          { start: referral, end: episode.closed_on as string | null },
        ),
      )
    )
      problems.push(`episodes: the episode of ${referral} overlaps an earlier one`);
    if (
      episode.re_referral !==
      isReReferral(
        referral,
        previous.map((each) => each.referral_date as string),
      )
    )
      problems.push(`episodes.re_referral: wrong for the referral of ${referral}`);
    const own = assessments.filter((each) => each.episode_id === episode.id);
    for (const assessment of own) {
      say(
        'assessments',
        assessmentProblems(
          {
            startDate: date(assessment.start_date),
            factors: factors
              .filter((each) => each.assessment_id === assessment.id)
              .map((each) => each.code as string),
            outcome: (assessment.outcome as string) ?? '',
          },
          { referralDate: referral, closedOn: null },
          asAt,
        ),
      );
      if (assessment.authorised_on)
        say(
          'assessments',
          authorisationProblems(
            date(assessment.authorised_on),
            {
              startDate: assessment.start_date as string,
              outcome: assessment.outcome as string | null,
              authorisedOn: null,
            },
            asAt,
          ),
        );
    }
    if (episode.closed_on)
      say(
        'episodes',
        closureProblems(
          { closedOn: date(episode.closed_on), reason: episode.closure_reason as string },
          {
            referralDate: referral,
            closedOn: null,
            assessmentsAwaitingAuthorisation: own.filter(
              (each) => !each.authorised_on && (each.start_date as string) <= (episode.closed_on as string),
            ).length,
          },
          asAt,
        ),
      );
  });

  const order: DateOrderRule[] = [];
  const notBefore = (
    table: string,
    rowsOf: Row[] | undefined,
    column: string,
    other: (row: Row) => unknown,
  ) => {
    for (const row of rowsOf ?? [])
      order.push({
        path: `${table}.${column}`,
        date: row[column] as string | null,
        notBefore: other(row) as string | null,
        message: `${row[column]} is before ${other(row)}`,
      });
  };
  const byId = (table: string) => new Map((rows[table] ?? []).map((row) => [row.id, row]));
  const discussions = byId('strategy_discussions');
  const enquiries = byId('section47_enquiries');
  const conferences = byId('initial_conferences');
  const plans = byId('cp_plans');
  const periods = byId('care_periods');
  for (const table of Object.keys(rows))
    if (table !== 'children' && table !== 'child_addresses')
      notBefore(table, rows[table], firstDateColumn(rows[table]![0]!), () => born);
  notBefore(
    'section47_enquiries',
    rows.section47_enquiries,
    'started_on',
    (row) => discussions.get(row.strategy_discussion_id)?.held_on,
  );
  notBefore('section47_enquiries', rows.section47_enquiries, 'ended_on', (row) => row.started_on);
  notBefore(
    'initial_conferences',
    rows.initial_conferences,
    'held_on',
    (row) => enquiries.get(row.section47_id)?.started_on,
  );
  notBefore('cp_plans', rows.cp_plans, 'start_date', (row) => conferences.get(row.conference_id)?.held_on);
  notBefore('cp_plans', rows.cp_plans, 'end_date', (row) => row.start_date);
  notBefore('cp_core_groups', rows.cp_core_groups, 'held_on', (row) => plans.get(row.cp_plan_id)?.start_date);
  notBefore(
    'cp_review_conferences',
    rows.cp_review_conferences,
    'held_on',
    (row) => plans.get(row.cp_plan_id)?.start_date,
  );
  notBefore('cin_plans', rows.cin_plans, 'end_date', (row) => row.start_date);
  notBefore('care_periods', rows.care_periods, 'end_date', (row) => row.start_date);
  for (const table of ['legal_statuses', 'placements']) {
    const start = table === 'placements' ? 'start_date' : 'from_date';
    notBefore(table, rows[table], start, (row) => periods.get(row.care_period_id)?.start_date);
    notBefore(table, rows[table], table === 'placements' ? 'end_date' : 'to_date', (row) => row[start]);
  }
  notBefore('cla_reviews', rows.cla_reviews, 'held_on', (row) => periods.get(row.care_period_id)?.start_date);
  notBefore('care_leaver_statuses', rows.care_leaver_statuses, 'to_date', (row) => row.from_date);
  notBefore('pathway_plans', rows.pathway_plans, 'ended_on', (row) => row.started_on);
  notBefore('missing_episodes', rows.missing_episodes, 'ended_on', (row) => row.started_on);
  say('dates', dateOrderProblems(order));
  for (const [table, rowsOf] of Object.entries(rows))
    for (const row of table === 'child_addresses' ? [] : rowsOf)
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string' || column === 'date_of_birth' || !/^\d{4}-\d\d-\d\d/.test(value))
          continue;
        if (value.slice(0, 10) > asAt) problems.push(`${column}: ${value} is after ${asAt}`);
        // Timescales are worked out on the shipped working-day calendar, which refuses earlier dates.
        if (value < `${SHIPPED_YEARS.first}`)
          problems.push(`${column}: ${value} is before the calendar Hearth ships`);
      }

  // No overlaps among periods of care; statuses and placements follow one another within their period.
  const carePeriods = rows.care_periods ?? [];
  carePeriods.forEach((period, index) => {
    for (const other of carePeriods.slice(index + 1))
      if (
        periodsOverlap(
          { start: period.start_date as string, end: period.end_date as string | null },
          { start: other.start_date as string, end: other.end_date as string | null },
        )
      )
        problems.push('care_periods: periods of care overlap');
    if (
      period.reason_ceased &&
      !codeListOn('SSDA903', 'REC', period.end_date as string).has(period.reason_ceased as string)
    )
      problems.push('care_periods.reason_ceased: not an SSDA903 code');
    for (const [table, start, end, field, column] of [
      ['legal_statuses', 'from_date', 'to_date', 'LS', 'code'],
      ['placements', 'start_date', 'end_date', 'PLACE', 'place'],
    ] as const) {
      const chain = (rows[table] ?? [])
        .filter((row) => row.care_period_id === period.id)
        .sort((a, b) => compare(a[start], b[start]));
      chain.forEach((row, position) => {
        if (!codeListOn('SSDA903', field, row[start] as string).has(row[column] as string))
          problems.push(`${table}.${column}: ${row[column]} is not an SSDA903 code`);
        const next = chain[position + 1];
        if (next && row[end] !== next[start])
          problems.push(`${table}: ${row[start]} does not end when the next begins`);
        if (!next && row[end] !== period.end_date)
          problems.push(`${table}: the last does not end with the period of care`);
      });
    }
  });
  for (const placement of rows.placements ?? []) {
    if (
      !codeListOn('SSDA903', 'PLACE_PROVIDER', placement.start_date as string).has(
        placement.provider as string,
      )
    )
      problems.push('placements.provider: not an SSDA903 code');
    if (
      placement.change_reason &&
      !codeListOn('SSDA903', 'REASON_PLACE_CHANGE', placement.end_date as string).has(
        placement.change_reason as string,
      )
    )
      problems.push('placements.change_reason: not an SSDA903 code');
  }
  for (const review of rows.cla_reviews ?? [])
    if (!codeListOn('SSDA903', 'REVIEW_CODE', review.held_on as string).has(review.participation as string))
      problems.push('cla_reviews.participation: not an SSDA903 code');
  for (const contact of rows.care_leaver_contacts ?? []) {
    const on = contact.contacted_on as string;
    if (
      !codeListOn('SSDA903', 'IN_TOUCH', on).has(contact.in_touch as string) ||
      !codeListOn('SSDA903', 'ACCOM', on).has(contact.accommodation as string) ||
      !codeListOn('SSDA903', 'ACTIV', on).has(contact.activity as string)
    )
      problems.push(`care_leaver_contacts: a code is not an SSDA903 code on ${on}`);
  }
  for (const plan of rows.cp_plans ?? [])
    for (const column of ['initial_category', 'latest_category'])
      if (!codeListOn('CIN', 'InitialCategoryOfAbuse', plan.start_date as string).has(plan[column] as string))
        problems.push(`cp_plans.${column}: not a CIN code`);

  problems.push(...journeyProblems(rows));
  return problems;
}

function compare(a: unknown, b: unknown): number {
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function firstDateColumn(row: Row): string {
  return (
    [
      'referral_date',
      'start_date',
      'started_on',
      'held_on',
      'from_date',
      'visited_on',
      'completed_on',
      'contacted_on',
      'decided_on',
      'occurred_on',
    ].find((column) => column in row) ?? 'created_at'
  );
}

/** Same-day events in the order they happen on the day. */
const eventOrder: JourneyEvent[] = [
  'referral',
  'strategy-discussion-section-47',
  'section-47-no-further-action',
  'section-47-child-in-need',
  'conference-child-protection-plan',
  'conference-no-plan',
  'referral-no-further-action',
  'assessment-authorised-child-in-need',
  'assessment-authorised-no-further-action',
  'child-protection-plan-ended',
  'became-looked-after',
  'ceased-care-eligible-for-leaving-care',
  'ceased-care',
  'episode-closed',
  'leaving-care-support-ended',
];

/**
 * The child's records as journey events, replayed through the transition table from "no open episode". An
 * assessment's authorisation moves the journey only from "referred", as the referrals service records it.
 */
export function journeyProblems(rows: Rows): string[] {
  const events: [string, JourneyEvent, string | undefined][] = [];
  const nfaAssessments = new Set<string>();
  for (const episode of rows.episodes ?? []) {
    events.push([episode.referral_date as string, 'referral', undefined]);
    if (episode.no_further_action)
      events.push([episode.closed_on as string, 'referral-no-further-action', undefined]);
    else if (episode.closed_on)
      events.push([episode.closed_on as string, 'episode-closed', episode.id as string]);
  }
  for (const assessment of rows.assessments ?? [])
    if (assessment.authorised_on) {
      const nfa = assessment.outcome === 'no-further-action' || assessment.outcome === 'early-help';
      if (nfa) nfaAssessments.add(`${assessment.episode_id}@${assessment.authorised_on}`);
      events.push([
        assessment.authorised_on as string,
        nfa ? 'assessment-authorised-no-further-action' : 'assessment-authorised-child-in-need',
        'assessment',
      ]);
    }
  for (const discussion of rows.strategy_discussions ?? [])
    if (discussion.outcome === 'section-47')
      events.push([discussion.held_on as string, 'strategy-discussion-section-47', undefined]);
  for (const enquiry of rows.section47_enquiries ?? [])
    if (enquiry.outcome === 'no-further-action' || enquiry.outcome === 'child-in-need')
      events.push([
        enquiry.ended_on as string,
        enquiry.outcome === 'child-in-need' ? 'section-47-child-in-need' : 'section-47-no-further-action',
        undefined,
      ]);
  for (const conference of rows.initial_conferences ?? [])
    events.push([
      conference.held_on as string,
      conference.outcome === 'child-protection-plan'
        ? 'conference-child-protection-plan'
        : 'conference-no-plan',
      undefined,
    ]);
  for (const plan of rows.cp_plans ?? [])
    if (plan.end_date) events.push([plan.end_date as string, 'child-protection-plan-ended', undefined]);
  const statuses = rows.care_leaver_statuses ?? [];
  for (const period of rows.care_periods ?? []) {
    events.push([period.start_date as string, 'became-looked-after', undefined]);
    if (period.end_date)
      events.push([
        period.end_date as string,
        statuses.some((status) => status.from_date === period.end_date)
          ? 'ceased-care-eligible-for-leaving-care'
          : 'ceased-care',
        undefined,
      ]);
  }
  const last = [...statuses].sort((a, b) => compare(a.from_date, b.from_date)).at(-1);
  if (last?.to_date) events.push([last.to_date as string, 'leaving-care-support-ended', undefined]);
  events.sort((a, b) => compare(a[0], b[0]) || eventOrder.indexOf(a[1]) - eventOrder.indexOf(b[1]));

  const problems: string[] = [];
  let state: JourneyState = 'no-open-episode';
  for (const [on, event, about] of events) {
    if (about === 'assessment' && state !== 'referred') continue;
    // An assessment ending in no further action closes its episode the same day: one move, not two.
    if (event === 'episode-closed' && state === 'no-open-episode' && nfaAssessments.has(`${about}@${on}`))
      continue;
    const move = transition(state, event);
    if (!move.allowed) {
      problems.push(`journey: ${event} on ${on} refused from ${state}: ${move.reason}`);
      break;
    }
    state = move.next;
  }
  return problems;
}

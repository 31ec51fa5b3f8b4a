import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/**
 * A fact first recorded more than a week after the date it took effect changed what the record said about the
 * days between (ADR 9): the chronology says so, so that a reader of the record as it stood then understands why
 * it differs. A row was first recorded when its earliest kept version was (migration 0050), or else when it was.
 */
function recordedLate(table: 'placements' | 'legal_statuses', alias: string, effective: string) {
  const row = (column: string) => sql.ref(`${alias}.${column}`);
  const day = sql.ref(`${alias}.${effective}`);
  const first = sql`(coalesce((select min(h.recorded_at) from record_history h where h.council_id = ${row('council_id')}
    and h.table_name = ${table} and h.record_id = ${row('id')}), ${row('recorded_at')}) at time zone 'Europe/London')::date`;
  return sql<string | null>`case when ${first} > ${day} + 7
    then 'A correction, recorded on ' || to_char(${first}, 'FMDD FMMonth YYYY')
      || ' with effect from ' || to_char(${day}, 'FMDD FMMonth YYYY') || '.' end`;
}

export const chronologyKinds = [
  'contact',
  'referral',
  'assessment',
  'note',
  'allocation',
  'episode',
  'protection',
  'child-in-need-plan',
  'care',
  'visit',
  'leaving-care',
] as const;
export type ChronologyKind = (typeof chronologyKinds)[number];

/** One event. Its title and detail may hold DfE codes written as {COLLECTION.FIELD:code} (see event-words.ts). */
export interface ChronologyRow {
  happened_on: string;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  note_id: string | null;
}

/**
 * Every dated event about a child that Hearth holds, in one list: contacts, referrals and the closing of episodes,
 * assessments started and authorised, case notes, allocations begun and ended, child protection (strategy
 * discussions, enquiries, conferences, plans and their meetings), child in need plans, care (periods, legal
 * statuses, placements, reviews, health and education, missing episodes), visits and leaving care.
 */
export async function chronologyOf(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  kinds: readonly ChronologyKind[],
) {
  const result = await sql<ChronologyRow>`
    select * from (
      select (received_at at time zone 'Europe/London')::date::text as happened_on, 'contact' as kind,
        'Contact received from {CIN.ReferralSource:' || source || '}' as title, 'Decision: ' || replace(decision, '-', ' ') as detail,
        null::text as note_id
        from contacts where council_id = ${councilId} and child_id = ${childId}
      union all
      select referral_date::text, 'referral', case when re_referral then 'Re-referral' else 'Referral' end
          || ' from {CIN.ReferralSource:' || referral_source || '}, primary need {CIN.PrimaryNeedCode:' || primary_need || '}',
        case when no_further_action then 'No further action' end, null
        from episodes where council_id = ${councilId} and child_id = ${childId}
      union all
      select closed_on::text, 'episode', 'Episode of need closed: {CIN.ReasonForClosure:' || closure_reason || '}', null, null
        from episodes where council_id = ${councilId} and child_id = ${childId} and closed_on is not null
          and not no_further_action
      union all
      select start_date::text, 'assessment', 'Assessment started', null, null
        from assessments where council_id = ${councilId} and child_id = ${childId}
      union all
      select authorised_on::text, 'assessment', 'Assessment authorised', replace(outcome, '-', ' '), null
        from assessments where council_id = ${councilId} and child_id = ${childId} and authorised_on is not null
      union all
      select n.occurred_on::text, 'note',
        case when n.corrects_note_id is null then n.title else 'Correction: ' || n.title end, replace(n.kind, '-', ' '),
        n.id::text
        from case_note_children l join case_notes n on n.council_id = l.council_id and n.id = l.note_id
        where l.council_id = ${councilId} and l.child_id = ${childId}
      union all
      select a.from_date::text, 'allocation', 'Allocated to ' || w.given_name || ' ' || w.family_name,
        replace(a.case_role, '-', ' ') || coalesce(': ' || a.reason, ''), null
        from allocations a join workers w on w.council_id = a.council_id and w.id = a.worker_id
        where a.council_id = ${councilId} and a.child_id = ${childId}
      union all
      select a.to_date::text, 'allocation', 'Allocation to ' || w.given_name || ' ' || w.family_name || ' ended', null, null
        from allocations a join workers w on w.council_id = a.council_id and w.id = a.worker_id
        where a.council_id = ${councilId} and a.child_id = ${childId} and a.to_date is not null
      union all
      select held_on::text, 'protection', 'Strategy discussion', case outcome when 'section-47' then 'Section 47 enquiry started' else 'No section 47 enquiry' end, null
        from strategy_discussions where council_id = ${councilId} and child_id = ${childId}
      union all
      select ended_on::text, 'protection', 'Section 47 enquiry ended', replace(outcome, '-', ' '), null
        from section47_enquiries where council_id = ${councilId} and child_id = ${childId} and ended_on is not null and outcome <> 'conference'
      union all
      select held_on::text, 'protection', 'Initial child protection conference',
        case when outcome = 'child-protection-plan' then 'Child protection plan: {CIN.InitialCategoryOfAbuse:' || category || '}' else 'No plan' end, null
        from initial_conferences where council_id = ${councilId} and child_id = ${childId}
      union all
      select end_date::text, 'protection', 'Child protection plan ended', replace(end_reason, '-', ' '), null
        from cp_plans where council_id = ${councilId} and child_id = ${childId} and end_date is not null
      union all
      select held_on::text, 'protection', 'Core group meeting', null, null
        from cp_core_groups where council_id = ${councilId} and child_id = ${childId}
      union all
      select held_on::text, 'protection', 'Child protection review conference', null, null
        from cp_review_conferences where council_id = ${councilId} and child_id = ${childId}
      union all
      select start_date::text, 'child-in-need-plan', 'Child in need plan started', null, null
        from cin_plans where council_id = ${councilId} and child_id = ${childId}
      union all
      select end_date::text, 'child-in-need-plan', 'Child in need plan ended', null, null
        from cin_plans where council_id = ${councilId} and child_id = ${childId} and end_date is not null
      union all
      select held_on::text, 'child-in-need-plan', 'Child in need plan review', null, null
        from cin_plan_reviews where council_id = ${councilId} and child_id = ${childId}
      union all
      select start_date::text, 'care', 'Became looked after', null, null
        from care_periods where council_id = ${councilId} and child_id = ${childId}
      union all
      select end_date::text, 'care', 'Stopped being looked after', 'Reason: {SSDA903.REC:' || reason_ceased || '}', null
        from care_periods where council_id = ${councilId} and child_id = ${childId} and end_date is not null
      union all
      select from_date::text, 'care', 'Legal status: {SSDA903.LS:' || code || '}', ${recordedLate('legal_statuses', 's', 'from_date')}, null
        from legal_statuses s where council_id = ${councilId} and child_id = ${childId}
      union all
      select start_date::text, 'care', 'Placement began: {SSDA903.PLACE:' || place || '}', concat_ws(' ', 'The previous placement ended: {SSDA903.REASON_PLACE_CHANGE:' || (
          select p2.change_reason from placements p2 where p2.council_id = p.council_id and p2.care_period_id = p.care_period_id
            and p2.end_date = p.start_date limit 1) || '}', ${recordedLate('placements', 'p', 'start_date')}), null
        from placements p where council_id = ${councilId} and child_id = ${childId}
      union all
      select held_on::text, 'care', 'Looked after review', 'Participation: {SSDA903.REVIEW_CODE:' || participation || '}', null
        from cla_reviews where council_id = ${councilId} and child_id = ${childId}
      union all
      select completed_on::text, 'care', 'Health assessment (' || kind || ')', null, null
        from health_assessments where council_id = ${councilId} and child_id = ${childId}
      union all
      select completed_on::text, 'care', 'Personal education plan (' || kind || ')', null, null
        from personal_education_plans where council_id = ${councilId} and child_id = ${childId}
      union all
      select started_on::text, 'care', case kind when 'M' then 'Went missing' else 'Away without authorisation' end,
        case when ended_on is null then 'not yet returned' else 'returned ' || to_char(ended_on, 'FMDD FMMonth YYYY') end, null
        from missing_episodes where council_id = ${councilId} and child_id = ${childId}
      union all
      select visited_on::text, 'visit', case when seen then 'Visit: child seen' || case when seen_alone then ' alone' else '' end else 'Visit: child not seen' end, null, null
        from child_visits where council_id = ${councilId} and child_id = ${childId}
      union all
      select from_date::text, 'leaving-care', 'Care leaver status: ' || replace(status, '-', ' '), null, null
        from care_leaver_statuses where council_id = ${councilId} and child_id = ${childId}
      union all
      select started_on::text, 'leaving-care', 'Pathway plan started', null, null
        from pathway_plans where council_id = ${councilId} and child_id = ${childId}
      union all
      select held_on::text, 'leaving-care', 'Pathway plan review', null, null
        from pathway_plan_reviews where council_id = ${councilId} and child_id = ${childId}
      union all
      select contacted_on::text, 'leaving-care', 'Keeping in touch: {SSDA903.IN_TOUCH:' || in_touch || '}', null, null
        from care_leaver_contacts where council_id = ${councilId} and child_id = ${childId}
    ) events
    where kind in (${sql.join(kinds.map((kind) => sql`${kind}`))})
    order by happened_on desc, kind, title`.execute(db);
  return result.rows;
}

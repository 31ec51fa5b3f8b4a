import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

export const chronologyKinds = [
  'contact',
  'referral',
  'assessment',
  'note',
  'allocation',
  'episode',
] as const;
export type ChronologyKind = (typeof chronologyKinds)[number];

export interface ChronologyRow {
  happened_on: string;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  note_id: string | null;
}

/**
 * Every dated event about a child that Hearth holds, in one list: contacts, referrals and the closing of episodes,
 * assessments started and authorised, case notes, and allocations begun and ended. Later features add theirs here.
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
        'Contact received (source ' || source || ')' as title, decision as detail, null::text as note_id
        from contacts where council_id = ${councilId} and child_id = ${childId}
      union all
      select referral_date::text, 'referral', case when re_referral then 'Re-referral' else 'Referral' end
          || ' (source ' || referral_source || ', primary need ' || primary_need || ')',
        case when no_further_action then 'No further action' end, null
        from episodes where council_id = ${councilId} and child_id = ${childId}
      union all
      select closed_on::text, 'episode', 'Episode of need closed (reason ' || closure_reason || ')', null, null
        from episodes where council_id = ${councilId} and child_id = ${childId} and closed_on is not null
          and not no_further_action
      union all
      select start_date::text, 'assessment', 'Assessment started', null, null
        from assessments where council_id = ${councilId} and child_id = ${childId}
      union all
      select authorised_on::text, 'assessment', 'Assessment authorised', outcome, null
        from assessments where council_id = ${councilId} and child_id = ${childId} and authorised_on is not null
      union all
      select n.occurred_on::text, 'note',
        case when n.corrects_note_id is null then n.title else 'Correction: ' || n.title end, n.kind, n.id::text
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
    ) events
    where kind in (${sql.join(kinds.map((kind) => sql`${kind}`))})
    order by happened_on desc, kind, title`.execute(db);
  return result.rows;
}

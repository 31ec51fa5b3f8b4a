import { v5 as uuidv5 } from 'uuid';
import { legalStatusesOf, placementsOf } from '../../domain/returns/ssda903/import-stitch.ts';
import { periodOn, type ImportedChild } from '../../domain/returns/ssda903/import-facts.ts';
import type { ImportedFact } from './queries.ts';

/**
 * The rows of the record an imported child's facts become (issue 19, part 1), table by table. Every id is made
 * from the council, the child's CHILD id and what the fact is (its table and dates), so that importing the same
 * returns again names the same rows and changes nothing.
 */
export type RecordRows = Record<string, Record<string, unknown>[]>;

/** The order the tables are written in: each after those it refers to. */
export const importTables = [
  'children',
  'episodes',
  'care_periods',
  'legal_statuses',
  'placements',
  'cla_reviews',
  'missing_episodes',
  'health_assessments',
  'care_outcomes',
  'adoption_decisions',
  'care_leaver_statuses',
  'care_leaver_contacts',
] as const;

/** CIN census closure reasons for the referral made for a period of care, from how the period ended (REC). */
function closureReason(reasonCeased: string): string {
  if (reasonCeased === 'E11' || reasonCeased === 'E12') return 'RC1';
  if (reasonCeased === 'E2') return 'RC2';
  if (reasonCeased === 'E43' || reasonCeased === 'E44') return 'RC4';
  if (reasonCeased === 'E3') return 'RC5';
  return 'RC7';
}

/** The rows of one child, and the facts to mark as imported. `childId` is the id the child has or will have. */
export function recordRowsOf(
  councilId: string,
  childId: string,
  child: ImportedChild,
  recordedBy: string,
): { rows: RecordRows; facts: ImportedFact[] } {
  const rows: RecordRows = Object.fromEntries(importTables.map((table) => [table, []]));
  const facts: ImportedFact[] = [];
  const idOf = (...parts: string[]) => uuidv5(`${child.localId}|${parts.join('|')}`, councilId);
  const add = (
    table: (typeof importTables)[number],
    id: string,
    row: Record<string, unknown>,
    source: { file: string; row: number | null },
    fix: string | null,
  ) => {
    rows[table]!.push({ council_id: councilId, id, ...row });
    if (source.file) facts.push({ table, id, file: source.file, row: source.row, fix });
  };
  const recorded = { child_id: childId, recorded_by: recordedBy };
  const { header } = child;
  add(
    'children',
    childId,
    {
      local_id: child.localId,
      given_name: '',
      family_name: `Child ${child.localId}`,
      date_of_birth: header.dateOfBirth,
      sex: header.sex,
      ethnicity: header.ethnicity,
      upn: header.upn,
      first_child_born_on: header.firstChildBornOn,
      uasc: header.uasc,
      uasc_ceased_on: header.uascCeasedOn,
    },
    header.source,
    header.fix,
  );
  let carers = 0;
  for (const period of child.periods) {
    const first = period.episodes[0]!;
    const episodeId = idOf('episodes', period.start);
    add(
      'episodes',
      episodeId,
      {
        child_id: childId,
        referral_date: period.start,
        referral_source: '10',
        primary_need: /^N[0-9]$/.test(period.categoryOfNeed ?? '') ? period.categoryOfNeed : 'N8',
        re_referral: false,
        closed_on: period.end,
        closure_reason: period.end === null ? null : closureReason(period.reasonCeased ?? ''),
        recorded_by: recordedBy,
      },
      first.source,
      'the return has no referral: one made for the period of care, from the day it began',
    );
    const periodId = idOf('care_periods', period.start);
    const permanence = period.previousPermanence;
    add(
      'care_periods',
      periodId,
      {
        child_id: childId,
        episode_id: episodeId,
        start_date: period.start,
        end_date: period.end,
        reason_ceased: period.reasonCeased,
        category_of_need: period.categoryOfNeed,
        previous_permanence: permanence?.code ?? null,
        previous_permanence_council: permanence?.council ?? null,
        previous_permanence_date: permanence?.date ?? null,
      },
      first.source,
      fixesOf(period.episodes),
    );
    for (const status of legalStatusesOf(period))
      add(
        'legal_statuses',
        idOf('legal_statuses', status.from),
        {
          ...recorded,
          care_period_id: periodId,
          code: status.fact.code,
          from_date: status.from,
          to_date: status.to,
        },
        status.episodes[0]!.source,
        fixesOf(status.episodes),
      );
    const placements = placementsOf(period, carers);
    for (const placement of placements) {
      const shown = placement.fact;
      add(
        'placements',
        idOf('placements', placement.from),
        {
          ...recorded,
          care_period_id: periodId,
          start_date: placement.from,
          end_date: placement.to,
          place: shown.place,
          provider: shown.provider,
          postcode: shown.postcode,
          home_postcode: shown.homePostcode,
          urn: shown.urn,
          change_reason: shown.changeReason,
          carer: `Carers ${shown.carers} in the returns`,
        },
        placement.episodes[0]!.source,
        fixesOf(placement.episodes),
      );
    }
    carers = placements.at(-1)?.fact.carers ?? carers;
  }
  for (const review of child.reviews) {
    const period =
      periodOn(child.periods, review.heldOn) ?? child.periods.findLast((each) => each.start <= review.heldOn);
    if (!period) continue;
    add(
      'cla_reviews',
      idOf('cla_reviews', review.heldOn),
      {
        ...recorded,
        care_period_id: idOf('care_periods', period.start),
        held_on: review.heldOn,
        participation: review.participation,
      },
      review.source,
      review.fix,
    );
  }
  for (const missing of child.missing)
    add(
      'missing_episodes',
      idOf('missing_episodes', missing.kind, missing.start),
      { ...recorded, kind: missing.kind, started_on: missing.start, ended_on: missing.end },
      missing.source,
      missing.fix,
    );
  for (const check of child.healthChecks)
    add(
      'health_assessments',
      idOf('health_assessments', check.kind, check.on),
      { ...recorded, kind: check.kind, completed_on: check.on },
      check.source,
      check.fix,
    );
  for (const outcome of child.outcomes)
    add(
      'care_outcomes',
      idOf('care_outcomes', outcome.yearEnding),
      {
        ...recorded,
        year_ending: outcome.yearEnding,
        sdq_score: outcome.sdqScore,
        sdq_reason: outcome.sdqReason,
        convicted: outcome.convicted,
        immunisations_up_to_date: outcome.immunisationsUpToDate,
        substance_misuse: outcome.substanceMisuse,
        intervention_received: outcome.interventionReceived,
        intervention_offered: outcome.interventionOffered,
      },
      outcome.source,
      outcome.fix,
    );
  for (const decision of child.adoptionDecisions)
    add(
      'adoption_decisions',
      idOf('adoption_decisions', decision.decidedOn),
      {
        ...recorded,
        decided_on: decision.decidedOn,
        reversed_on: decision.reversedOn,
        reversal_reason: decision.reversalReason,
        matched_on: decision.matchedOn,
        adopters_count: decision.adoptersCount,
        adopters_sex: decision.adoptersSex,
        adopters_legal_status: decision.adoptersLegalStatus,
        by_foster_carers: decision.byFosterCarers,
      },
      decision.source,
      decision.fix,
    );
  addCareLeaver(child, add, recorded, idOf);
  return { rows, facts };
}

/** OC3: the keeping-in-touch contacts, and a care leaver status from when the last period of care before ended. */
function addCareLeaver(
  child: ImportedChild,
  add: (
    table: 'care_leaver_statuses' | 'care_leaver_contacts',
    id: string,
    row: Record<string, unknown>,
    source: { file: string; row: number | null },
    fix: string | null,
  ) => void,
  recorded: { child_id: string; recorded_by: string },
  idOf: (...parts: string[]) => string,
) {
  const first = child.careLeaverContacts[0];
  if (!first) return;
  const ended = child.periods.findLast((period) => period.end !== null && period.end < first.on)?.end;
  const since = ended ?? first.on;
  const eighteen =
    child.header.dateOfBirth !== null &&
    child.header.dateOfBirth <= `${Number(since.slice(0, 4)) - 18}${since.slice(4)}`;
  add(
    'care_leaver_statuses',
    idOf('care_leaver_statuses'),
    { ...recorded, status: eighteen ? 'former-relevant' : 'relevant', from_date: since, to_date: null },
    first.source,
    `the return says the young person is a care leaver (OC3): ${ended ? 'since their last period of care ended' : 'from the birthday it is about'}`,
  );
  for (const contact of child.careLeaverContacts)
    add(
      'care_leaver_contacts',
      idOf('care_leaver_contacts', contact.on),
      {
        ...recorded,
        contacted_on: contact.on,
        in_touch: contact.inTouch,
        accommodation: contact.accommodation,
        activity: contact.activity,
      },
      contact.source,
      contact.fix,
    );
}

function fixesOf(episodes: readonly { fixes: readonly string[] }[]): string | null {
  const all = episodes.flatMap((episode) => episode.fixes);
  return all.length ? all.join('; ') : null;
}

import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import { workingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import type { IsoDate } from '../../domain/returns/dates.ts';
import type {
  StitchedChild,
  StitchedEpisode,
  StitchedEnquiry,
  StitchedProtectionPlan,
} from '../../domain/returns/cin/import-stitch.ts';
import type { ImportFix } from './import-report.ts';
import type { ImportedFact } from './queries.ts';

/**
 * The record's rows for stitched CIN census children (issue 19, part 1): the inverse of the census export
 * (src/modules/returns/cin-export.ts). What the census does not say and the record needs is filled plainly and
 * said here: an assessment authorised is recorded with outcome "other" and authorised by the person importing; a
 * section 47 enquiry's strategy discussion is on the day 15 working days before the conference's target (the
 * export gives the target as 15 working days after it); an enquiry whose conference was not required ended
 * without one; a child protection plan with no initial conference in the census has one recorded on its first day.
 */
export type RecordRows = Record<
  | 'children'
  | 'episodes'
  | 'assessments'
  | 'assessment_factors'
  | 'cin_plans'
  | 'strategy_discussions'
  | 'section47_enquiries'
  | 'initial_conferences'
  | 'cp_plans'
  | 'cp_review_conferences',
  Record<string, unknown>[]
>;

/** The order the tables are written in, for their keys. */
export const recordTableOrder: readonly (keyof RecordRows)[] = [
  'children',
  'episodes',
  'assessments',
  'assessment_factors',
  'cin_plans',
  'strategy_discussions',
  'section47_enquiries',
  'initial_conferences',
  'cp_plans',
  'cp_review_conferences',
];

/** What Hearth holds of a child the census names. */
export interface HeldChild {
  id: string;
  local_id: string;
  upn: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  sex: string | null;
  date_of_death: string | null;
  ethnicity: string | null;
  disabilities: string[];
  uasc: boolean;
}

export interface RowsToWrite {
  rows: RecordRows;
  facts: ImportedFact[];
  fixes: ImportFix[];
  childChanges: { childId: string; changes: Record<string, unknown> }[];
  closures: { episodeId: string; closedOn: IsoDate | null; closureReason: string | null }[];
  /** The children whose record this import wrote or changed, for their audit entries. */
  childrenWritten: { childId: string; localId: string; created: boolean }[];
}

const STRATEGY_ATTENDEES = 'Not recorded: imported from the CIN census';

/** The day whose 15th working day after is `target`: the strategy discussion the export's target came from. */
function strategyDiscussionBefore(target: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  let day = Temporal.PlainDate.from(target);
  for (let counted = 0; counted < 15; day = day.subtract({ days: 1 }))
    if (calendar.isWorkingDay(day)) counted++;
  return day.toString();
}

/** What the census says of the child, in the record's columns. */
function childColumns(child: StitchedChild): Omit<HeldChild, 'id' | 'local_id'> {
  const latest = child.latest;
  return {
    upn: latest.UPN,
    date_of_birth: latest.PersonBirthDate,
    expected_date_of_birth: latest.ExpectedPersonBirthDate,
    sex: latest.Sex,
    date_of_death: latest.PersonDeathDate,
    ethnicity: latest.Ethnicity,
    disabilities: [...new Set(latest.Disabilities.filter((code) => code !== 'NONE'))].sort(),
    // UN2: an unaccompanied child never at school in England (the export writes it for a UASC without a UPN).
    uasc: latest.UPNunknown === 'UN2',
  };
}

/** The changes to a held child: values the census gives that differ; a flag Hearth holds is never lowered. */
function changesTo(held: HeldChild, given: Omit<HeldChild, 'id' | 'local_id'>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(given) as [keyof typeof given, unknown][]) {
    if (value === null || (column === 'uasc' && value === false)) continue;
    const was = held[column];
    const same = Array.isArray(value) ? [...(was as string[])].sort().join() === value.join() : was === value;
    if (!same) changes[column] = value;
  }
  return changes;
}

class RowBuilder {
  readonly out: RowsToWrite = {
    rows: {
      children: [],
      episodes: [],
      assessments: [],
      assessment_factors: [],
      cin_plans: [],
      strategy_discussions: [],
      section47_enquiries: [],
      initial_conferences: [],
      cp_plans: [],
      cp_review_conferences: [],
    },
    facts: [],
    fixes: [],
    childChanges: [],
    closures: [],
    childrenWritten: [],
  };
  private readonly councilId: string;
  private readonly workerId: string;
  private readonly calendar: WorkingDayCalendar;

  constructor(councilId: string, workerId: string, calendar: WorkingDayCalendar) {
    this.councilId = councilId;
    this.workerId = workerId;
    this.calendar = calendar;
  }

  private add(
    table: keyof RecordRows,
    row: Record<string, unknown>,
    from: { source: { file: string; row: number }; fix: string | null },
  ) {
    const id = uuidv7();
    this.out.rows[table].push({ council_id: this.councilId, id, ...row });
    this.out.facts.push({ table, id, file: from.source.file, row: from.source.row, fix: from.fix });
    return id;
  }

  child(
    child: StitchedChild,
    held: HeldChild | undefined,
    recorded: ReadonlyMap<string, { id: string; closedOn: string | null; closureReason: string | null }>,
  ) {
    const given = childColumns(child);
    let childId = held?.id;
    let changed = false;
    if (childId === undefined) {
      childId = this.add(
        'children',
        { local_id: child.localId, given_name: '', family_name: 'Name not known', ...given },
        { source: child.source, fix: null },
      );
      changed = true;
    } else {
      const changes = changesTo(held!, given);
      if (Object.keys(changes).length > 0) {
        this.out.childChanges.push({ childId, changes });
        changed = true;
      }
    }
    const plansBefore = child.episodes.flatMap((episode) =>
      episode.protectionPlans.map((plan) => plan.start),
    );
    for (const episode of child.episodes) {
      const kept = recorded.get(episode.referralDate);
      if (kept) {
        if (kept.closedOn !== episode.closedOn || kept.closureReason !== episode.closureReason) {
          this.out.closures.push({
            episodeId: kept.id,
            closedOn: episode.closedOn,
            closureReason: episode.closureReason,
          });
          changed = true;
        }
      } else {
        this.episode(childId, child.localId, episode, plansBefore);
        changed = true;
      }
    }
    if (changed)
      this.out.childrenWritten.push({ childId, localId: child.localId, created: held === undefined });
  }

  private episode(
    childId: string,
    localId: string,
    episode: StitchedEpisode,
    plansBefore: readonly string[],
  ) {
    const byWorker = { child_id: childId, recorded_by: this.workerId };
    const episodeId = this.add(
      'episodes',
      {
        child_id: childId,
        contact_id: null,
        referral_date: episode.referralDate,
        referral_source: episode.referralSource,
        primary_need: episode.primaryNeed,
        re_referral: episode.reReferral,
        no_further_action: episode.noFurtherAction,
        closed_on: episode.closedOn,
        closure_reason: episode.closureReason,
        recorded_by: this.workerId,
      },
      episode,
    );
    const inEpisode = { ...byWorker, episode_id: episodeId };
    for (const assessment of episode.assessments) {
      const authorised = assessment.authorisedOn !== null;
      const id = this.add(
        'assessments',
        {
          ...inEpisode,
          start_date: assessment.start,
          outcome: authorised ? 'other' : null,
          authorised_on: assessment.authorisedOn,
          authorised_by: authorised ? this.workerId : null,
        },
        assessment,
      );
      for (const code of new Set(assessment.factors))
        this.out.rows.assessment_factors.push({ council_id: this.councilId, assessment_id: id, code });
    }
    for (const plan of episode.cinPlans)
      this.add('cin_plans', { ...inEpisode, start_date: plan.start, end_date: plan.end }, plan);
    const conferences = new Map<StitchedEnquiry, string>();
    const used = new Set<StitchedEnquiry>();
    const plans = new Map(
      episode.protectionPlans.map((plan) => {
        const enquiry = this.conferenceOf(plan, episode, used);
        if (enquiry) used.add(enquiry);
        return [plan, enquiry] as const;
      }),
    );
    for (const enquiry of episode.enquiries) {
      const plan = [...plans].find(([, found]) => found === enquiry)?.[0];
      conferences.set(enquiry, this.enquiry(inEpisode, enquiry, plan));
    }
    for (const [plan, enquiry] of plans) {
      let conferenceId = enquiry ? conferences.get(enquiry) : undefined;
      if (conferenceId === undefined) {
        conferenceId = this.enquiry(
          inEpisode,
          {
            start: plan.start,
            conferenceTarget: null,
            conferenceOn: plan.start,
            end: plan.start,
            source: plan.source,
            fix: null,
          },
          plan,
        );
        this.fix(
          plan,
          localId,
          `The plan starting ${plan.start} has no initial conference in the census: one was recorded on its first day, after a section 47 enquiry and strategy discussion that day.`,
          'every child protection plan in the record follows an initial conference',
        );
      }
      const previous = plansBefore.filter((start) => start < plan.start).length;
      if (plan.previousPlans !== null && plan.previousPlans !== previous)
        this.fix(
          plan,
          localId,
          `NumberOfPreviousCPP is ${plan.previousPlans}; the imported years hold ${previous} earlier plans.`,
          'plans before the imported years are not in the record',
        );
      const planId = this.add(
        'cp_plans',
        {
          child_id: childId,
          episode_id: episodeId,
          conference_id: conferenceId,
          start_date: plan.start,
          initial_category: plan.initialCategory,
          latest_category: plan.latestCategory,
          end_date: plan.end,
          end_reason: plan.end === null ? null : 'Ended (from the CIN census)',
        },
        plan,
      );
      for (const day of plan.reviews)
        this.add(
          'cp_review_conferences',
          { ...byWorker, cp_plan_id: planId, held_on: day },
          { source: plan.source, fix: null },
        );
    }
  }

  /** The enquiry whose conference started the plan: held on its first day, or the latest before it. */
  private conferenceOf(
    plan: StitchedProtectionPlan,
    episode: StitchedEpisode,
    used: ReadonlySet<StitchedEnquiry>,
  ): StitchedEnquiry | undefined {
    const held = episode.enquiries.filter(
      (enquiry) => !used.has(enquiry) && enquiry.conferenceOn !== null && enquiry.conferenceOn <= plan.start,
    );
    return held.find((enquiry) => enquiry.conferenceOn === plan.start) ?? held.at(-1);
  }

  /** The strategy discussion, the enquiry and its conference; the conference's id, if one was held. */
  private enquiry(
    inEpisode: Record<string, unknown>,
    enquiry: StitchedEnquiry,
    plan: StitchedProtectionPlan | undefined,
  ): string {
    const discussedOn =
      enquiry.conferenceTarget === null
        ? enquiry.start
        : strategyDiscussionBefore(enquiry.conferenceTarget, this.calendar);
    const discussionId = this.add(
      'strategy_discussions',
      { ...inEpisode, held_on: discussedOn, attendees: STRATEGY_ATTENDEES, outcome: 'section-47' },
      enquiry,
    );
    const { episode_id: _episode, ...byWorker } = inEpisode;
    const enquiryId = this.add(
      'section47_enquiries',
      {
        ...inEpisode,
        strategy_discussion_id: discussionId,
        started_on: enquiry.start,
        ended_on: enquiry.end,
        outcome:
          enquiry.conferenceOn !== null ? 'conference' : enquiry.end === null ? null : 'no-further-action',
      },
      enquiry,
    );
    if (enquiry.conferenceOn === null) return '';
    return this.add(
      'initial_conferences',
      {
        ...byWorker,
        section47_id: enquiryId,
        held_on: enquiry.conferenceOn,
        outcome: plan ? 'child-protection-plan' : 'no-plan',
        category: plan ? plan.initialCategory : null,
      },
      enquiry,
    );
  }

  private fix(
    fact: { source: { file: string; row: number }; fix: string | null },
    child: string,
    fix: string,
    reason: string,
  ) {
    fact.fix = fact.fix === null ? fix : `${fact.fix} ${fix}`;
    this.out.fixes.push({ file: fact.source.file, row: fact.source.row, child, fix, reason });
  }
}

/** The rows to insert and the changes to make for stitched children, against what Hearth holds. */
export function recordRowsOf(
  councilId: string,
  workerId: string,
  children: readonly StitchedChild[],
  held: ReadonlyMap<string, HeldChild>,
  recorded: ReadonlyMap<
    string,
    ReadonlyMap<string, { id: string; closedOn: string | null; closureReason: string | null }>
  >,
  calendar: WorkingDayCalendar = workingDayCalendar(),
): RowsToWrite {
  const builder = new RowBuilder(councilId, workerId, calendar);
  for (const child of children)
    builder.child(child, held.get(child.localId), recorded.get(child.localId) ?? new Map());
  return builder.out;
}

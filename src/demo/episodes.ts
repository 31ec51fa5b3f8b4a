import { Temporal } from 'temporal-polyfill';
import { addRow, lengthAt, type CaseTeam } from './context.ts';
import { addMonths, addWorkingDays, dayOf, isoOf, onWorkingDay, type Day } from './days.ts';
import { standardInForce } from '../domain/timescales/child-obligations.ts';
import type { Period } from '../domain/timescales/deadline-rules.ts';
import { flows, timeliness } from './rates.ts';
import type { Story } from './story.ts';

/**
 * Episodes of need (Working Together to Safeguard Children 2023; DfE Children in Need census guide): the contact
 * and referral that open one, the single assessment and its authorisation, and what follows: closure, a child in
 * need plan, or a strategy discussion and section 47 enquiry leading to an initial child protection conference
 * and a child protection plan. Shares are those of "Characteristics of children in need 2024", rounded.
 */
const sources = [
  ['6', 29],
  ['2A', 19],
  ['2B', 1],
  ['3A', 3],
  ['3B', 3],
  ['3C', 1],
  ['3D', 2],
  ['3E', 3],
  ['3F', 3],
  ['1A', 4],
  ['1B', 1],
  ['1C', 2],
  ['1D', 1],
  ['4', 2],
  ['5A', 4],
  ['5B', 2],
  ['5C', 4],
  ['5D', 4],
  ['7', 3],
  ['8', 6],
  ['9', 2],
  ['10', 1],
] as const;
const needs = [
  ['N1', 57],
  ['N2', 8],
  ['N3', 3],
  ['N4', 8],
  ['N5', 15],
  ['N6', 2],
  ['N7', 1],
  ['N8', 4],
  ['N0', 1],
  ['N9', 1],
] as const;
const factors = [
  ['3B', 30],
  ['4B', 29],
  ['3A', 22],
  ['17A', 21],
  ['16A', 19],
  ['2B', 15],
  ['4A', 15],
  ['1B', 13],
  ['5B', 8],
  ['18C', 7],
  ['6B', 5],
  ['15A', 6],
  ['14A', 4],
  ['10A', 4],
  ['24A', 4],
  ['11A', 3],
  ['19C', 3],
  ['2A', 3],
  ['13A', 2],
  ['8B', 3],
  ['7A', 1],
  ['20', 6],
] as const;
const categories = [
  ['NEG', 50],
  ['EMO', 36],
  ['PHY', 6],
  ['SAB', 4],
  ['MUL', 4],
] as const;

export interface Episode {
  id: string;
  referral: Day;
  row: Record<string, unknown>;
  /** When the episode closed, or null while it is open. */
  closed: Day | null;
}

/** A contact received about the child, with its decision within a working day (usually). */
export function contact(story: Story, day: Day, decision: string, source: string): string {
  const decided = story.random.chance(0.93)
    ? addWorkingDays(day, story.random.int(0, 1) || 1)
    : addWorkingDays(day, story.random.int(2, 4));
  const row = story.add('contacts', day, {
    received_at: `${isoOf(day)}T${String(8 + story.random.int(0, 9)).padStart(2, '0')}:${String(story.random.int(0, 59)).padStart(2, '0')}:00Z`,
    source,
    reason: story.random.pick([
      'Concern about care at home',
      'Domestic abuse incident',
      'Disclosure at school',
      'Injury seen by health',
      'Request for support',
      'Concern about exploitation',
      'Missing from home',
    ]),
    mash_partners:
      decision === 'referral'
        ? story.random.pick([['police', 'health'], ['police', 'health', 'education'], []])
        : [],
    decision,
    decided_on: isoOf(Math.min(decided, story.asAt)),
    recorded_by: story.worker('mash', day),
  });
  return row.id as string;
}

/** A referral opening an episode of need, after its contact. */
export function openEpisode(
  story: Story,
  day: Day,
  options: { source?: string; need?: string } = {},
): Episode {
  const source = options.source ?? story.random.weighted(sources);
  const contactId = contact(story, day, 'referral', source);
  const row = story.add('episodes', day, {
    contact_id: contactId,
    referral_date: isoOf(day),
    referral_source: source,
    primary_need: options.need ?? story.random.weighted(needs),
    re_referral: false,
    no_further_action: false,
    closed_on: null,
    closure_reason: null,
    recorded_by: story.worker('mash', day),
    version: 1,
    updated_at: null,
  });
  story.allocateTo('assessment', day, 'New referral');
  return { id: row.id as string, referral: day, row, closed: null };
}

/** Closes the episode on `on` (or once its assessments are authorised), ending the allocation unless it carries on. */
export function closeEpisode(
  story: Story,
  episode: Episode,
  on: Day,
  reason: string,
  allocation: 'ends' | 'carries-on' = 'ends',
): void {
  // An episode closes once its assessments are authorised (closureProblems): never before the last of them.
  let day = on;
  for (const assessment of story.rows.assessments ?? []) {
    if (assessment.episode_id !== episode.id) continue;
    if (assessment.authorised_on === null) return;
    day = Math.max(day, dayOf(assessment.authorised_on as string));
  }
  if (day > story.asAt) return;
  episode.closed = day;
  episode.row.closed_on = isoOf(day);
  episode.row.closure_reason = reason;
  episode.row.version = 2;
  episode.row.updated_at = `${isoOf(day)}T17:00:00Z`;
  if (allocation === 'ends') story.allocateTo(null, day);
}

/** The single assessment: started at the referral, authorised by a manager, 82% within 45 working days. */
export function assess(
  story: Story,
  episode: Episode,
  outcome: string,
  notBefore: Day = episode.referral,
): Day | null {
  const start = onWorkingDay(episode.referral + story.random.int(0, 3));
  let authorised = story.withinWorkingDays(episode.referral, 45, 0.84, 8);
  if (authorised < notBefore) authorised = notBefore;
  const done = authorised <= story.asAt;
  const row = story.add('assessments', start, {
    episode_id: episode.id,
    start_date: isoOf(Math.min(start, story.asAt)),
    outcome: done ? outcome : null,
    summary: null,
    recorded_by: story.worker('assessment', start),
    authorised_on: done ? isoOf(authorised) : null,
    authorised_by: done ? story.worker('assessment', authorised) : null,
    version: done ? 2 : 1,
    updated_at: null,
  });
  const chosen = new Set<string>();
  const count = story.random.weighted([
    [1, 30],
    [2, 35],
    [3, 22],
    [4, 13],
  ] as const);
  for (let index = 0; index < count; index++) chosen.add(story.random.weighted(factors));
  for (const code of chosen)
    addRow(story.rows, 'assessment_factors', {
      council_id: story.council.id,
      assessment_id: row.id,
      code,
      recorded_at: row.created_at,
    });
  return done ? authorised : null;
}

/**
 * The council's local standard of `kind` in force on `day`. The demo council sets none of its own, so these are
 * Hearth's defaults (child-obligations.ts): children in need visited every 20 working days, children on a plan
 * every 10, child in need plans reviewed every 3 months.
 */
function localStandard(kind: Parameters<typeof standardInForce>[1], day: Day): Period {
  return standardInForce([], kind, Temporal.PlainDate.from(isoOf(day))).interval;
}

/** Visits to a child in need or on a plan, at the local standard's interval, some late. */
function visits(story: Story, from: Day, until: Day, every: Period, onTime: number, kind: CaseTeam): void {
  for (const day of story.recurring(from, until, every, every, onTime)) {
    const seen = story.random.chance(0.94);
    story.add('child_visits', day, {
      visited_on: isoOf(day),
      seen,
      seen_alone: seen ? story.random.chance(0.6) : false,
      bedroom_seen: seen ? story.random.chance(0.4) : false,
      wishes_and_feelings: null,
      recorded_by: story.worker(kind, day),
    });
  }
}

/** A child in need plan from `start` until `end` (or today), reviewed about every 3 months. */
export function childInNeedPlan(
  story: Story,
  episode: Episode,
  start: Day,
  end: Day | null,
  kind: CaseTeam,
): void {
  if (start > story.asAt) return;
  const ends = end !== null && end <= story.asAt ? end : null;
  const plan = story.add('cin_plans', start, {
    episode_id: episode.id,
    start_date: isoOf(start),
    end_date: ends === null ? null : isoOf(ends),
    recorded_by: story.worker(kind, start),
    version: 1,
    updated_at: null,
  });
  const review = localStandard('child-in-need-plan-review', start);
  for (const day of story.recurring(
    start,
    (ends ?? story.asAt) - 1,
    review,
    review,
    timeliness.childInNeedPlanReview,
  )) {
    story.add('cin_plan_reviews', day, {
      cin_plan_id: plan.id,
      held_on: isoOf(day),
      recorded_by: story.worker(kind, day),
    });
  }
  const every = localStandard('child-in-need-visit', start);
  visits(story, start, ends ?? story.asAt, every, timeliness.childInNeedVisit, kind);
}

/** How a section 47 enquiry ended, and when the child's protection work was done. */
export interface Enquiry {
  outcome: 'no-further-action' | 'child-in-need' | 'conference';
  ended: Day | null;
  /** The child protection plan's end, or null if none or still open. */
  planEnded: Day | null;
  plan: boolean;
}

/**
 * A strategy discussion starting a section 47 enquiry, and what follows: an initial conference within 15 working
 * days of the discussion (78% on time), and a child protection plan with its first core group within 10 working
 * days, first review within 3 months and then every 6 months, until the plan ends.
 */
export function section47(story: Story, episode: Episode, day: Day, planLength?: number): Enquiry {
  const random = story.random;
  const held = onWorkingDay(day);
  if (held > story.asAt) return { outcome: 'no-further-action', ended: null, planEnded: null, plan: false };
  const discussion = story.add('strategy_discussions', held, {
    episode_id: episode.id,
    held_on: isoOf(held),
    attendees: 'Children’s social care, police, health',
    outcome: 'section-47',
    notes: null,
    recorded_by: story.worker('assessment', held),
  });
  const share = story.council.share;
  const outcome: Enquiry['outcome'] =
    planLength !== undefined || share('conference', flows.conference)
      ? 'conference'
      : share('section-47-child-in-need', flows.section47ChildInNeed / (1 - flows.conference))
        ? 'child-in-need'
        : 'no-further-action';
  const ended =
    outcome === 'conference'
      ? story.withinWorkingDays(held, 15, 0.8, 6)
      : addWorkingDays(held, random.int(3, 15));
  const enquiry: Enquiry = {
    outcome,
    ended: ended <= story.asAt ? ended : null,
    planEnded: null,
    plan: false,
  };
  story.add('section47_enquiries', held, {
    episode_id: episode.id,
    strategy_discussion_id: discussion.id,
    started_on: isoOf(held),
    ended_on: enquiry.ended === null ? null : isoOf(ended),
    outcome: enquiry.ended === null ? null : outcome,
    recorded_by: story.worker('assessment', held),
  });
  if (outcome !== 'conference' || enquiry.ended === null) return enquiry;
  const plan = planLength !== undefined || share('plan', flows.planAtConference);
  const category = random.weighted(categories);
  const section47Id = story.rows.section47_enquiries!.at(-1)!.id;
  const conference = story.add('initial_conferences', ended, {
    section47_id: section47Id,
    held_on: isoOf(ended),
    outcome: plan ? 'child-protection-plan' : 'no-plan',
    category: plan ? category : null,
    recorded_by: story.worker('child-protection', ended),
  });
  if (!plan) return enquiry;
  enquiry.plan = true;
  story.allocateTo('child-protection', ended, 'Child protection plan');
  // Plans last about 9 months on average (42 per 10,000 on a plan from about 59 plans a year per 10,000).
  const months =
    planLength ??
    lengthAt(story.council.spread('plan-months'), [
      [2, 5, 37],
      [6, 10, 53],
      [11, 23, 8.5],
      [24, 30, 1.5],
    ]);
  let planEnd: Day | null = onWorkingDay(addMonths(ended, months));
  if (planEnd > story.asAt) planEnd = null;
  enquiry.planEnded = planEnd;
  const cpPlan = story.add('cp_plans', ended, {
    episode_id: episode.id,
    conference_id: conference.id,
    start_date: isoOf(ended),
    initial_category: category,
    latest_category: random.chance(0.9) ? category : random.weighted(categories),
    end_date: planEnd === null ? null : isoOf(planEnd),
    end_reason: planEnd === null ? null : 'No longer at risk of significant harm',
    version: planEnd === null ? 1 : 2,
    updated_at: null,
  });
  const until = planEnd ?? story.asAt;
  const firstCoreGroup = story.withinWorkingDays(ended, 10, 0.85, 4);
  if (firstCoreGroup <= until) {
    // Core groups meet about monthly after the first (a common local practice; no timescale is set for them).
    const month: Period = { amount: 1, unit: 'months' };
    const groups = [firstCoreGroup, ...story.recurring(firstCoreGroup, until, month, month, 0.85)];
    for (const held of groups)
      story.add('cp_core_groups', held, {
        cp_plan_id: cpPlan.id,
        held_on: isoOf(held),
        recorded_by: story.worker('child-protection', held),
      });
  }
  const reviews: Day[] = [];
  let next = onWorkingDay(
    addMonths(ended, 3) - (random.chance(0.9) ? random.int(0, 20) : -random.int(1, 25)),
  );
  while (next < until) {
    reviews.push(next);
    next = onWorkingDay(addMonths(next, 6) - (random.chance(0.9) ? random.int(0, 30) : -random.int(1, 40)));
  }
  for (const held of reviews)
    story.add('cp_review_conferences', held, {
      cp_plan_id: cpPlan.id,
      held_on: isoOf(held),
      recorded_by: story.worker('child-protection', held),
    });
  const every = localStandard('child-protection-visit', ended);
  visits(story, ended, until, every, timeliness.childProtectionVisit, 'child-protection');
  return enquiry;
}

import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { careLeaverContact, careLeaverContactUnderStandards, pathwayPlanReviews } from './care-leavers.ts';
import {
  childProtectionPlanTimescales,
  initialConferenceTimescale,
  type StrategyDiscussion,
} from './child-protection.ts';
import { deadlineFor, describePeriod, type DeadlineRule, type Period } from './deadline-rules.ts';
import type { SchoolTerm } from './health-and-education.ts';
import { obligationsEndOn, obligationSpan, type ChildLifetime, type ObligationSpan } from './lifetimes.ts';
import { lookedAfterTimescales, type PeriodOfCare } from './looked-after.ts';
import { recurringObligations, type Obligation } from './obligation.ts';
import { assessmentTimescale, contactDecision } from './referrals.ts';

type Day = Temporal.PlainDate;

/** A council's local standard as it was set on a date; the one in force on a date is the latest set by then. */
export interface VersionedLocalStandard {
  kind:
    'child-in-need-visit' | 'child-protection-visit' | 'child-in-need-plan-review' | 'care-leaver-contact';
  interval: Period;
  source: string;
  effectiveFrom: Day;
}

/**
 * Hearth's defaults where a council has set no standard of its own (DOMAIN.md §1.5: child in need plans are
 * commonly reviewed every 3 months; visits to children in need every 4 weeks and to children on a plan every
 * 2 weeks are common local standards). A council replaces them under Local standards.
 */
export const DEFAULT_LOCAL_STANDARDS: readonly VersionedLocalStandard[] = [
  {
    kind: 'child-in-need-visit',
    interval: { amount: 20, unit: 'working days' },
    source: 'Hearth default',
    effectiveFrom: Temporal.PlainDate.from('2010-01-01'),
  },
  {
    kind: 'child-protection-visit',
    interval: { amount: 10, unit: 'working days' },
    source: 'Hearth default',
    effectiveFrom: Temporal.PlainDate.from('2010-01-01'),
  },
  {
    kind: 'child-in-need-plan-review',
    interval: { amount: 3, unit: 'months' },
    source: 'Hearth default',
    effectiveFrom: Temporal.PlainDate.from('2010-01-01'),
  },
];

/** The standard of `kind` in force on `date`: the latest set on or before it, else the default. */
export function standardInForce(
  standards: readonly VersionedLocalStandard[],
  kind: VersionedLocalStandard['kind'],
  date: Day,
) {
  const candidates = [
    ...standards,
    ...DEFAULT_LOCAL_STANDARDS.filter((standard) => !standards.some((set) => set.kind === standard.kind)),
  ]
    .filter(
      (standard) => standard.kind === kind && Temporal.PlainDate.compare(standard.effectiveFrom, date) <= 0,
    )
    .sort((a, b) => Temporal.PlainDate.compare(b.effectiveFrom, a.effectiveFrom));
  return candidates[0] ?? DEFAULT_LOCAL_STANDARDS.find((standard) => standard.kind === kind)!;
}

const localWords: Record<VersionedLocalStandard['kind'], string> = {
  'care-leaver-contact': 'Keep in touch with the care leaver',
  'child-in-need-visit': 'Visit the child in need',
  'child-protection-visit': 'Visit the child on a protection plan',
  'child-in-need-plan-review': 'Review the child in need plan',
};

/**
 * A recurring piece of work set by local standard, where each step is judged by the standard in force on the date
 * it counts from, so that past compliance keeps the standard of its time (issue: local standards are versioned).
 */
export function locallyStandardObligations(
  standards: readonly VersionedLocalStandard[],
  kind: VersionedLocalStandard['kind'],
  plan: { startedOn: Day; endedOn?: Day; events: readonly Day[]; startedBy: string },
  today: Day,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const rule = (from: Day, countsFrom: string): DeadlineRule => {
    const standard = standardInForce(standards, kind, from);
    return {
      period: standard.interval,
      rule: `${localWords[kind]} within ${describePeriod(standard.interval)} (local standard)`,
      countsFrom,
      source: standard.source,
    };
  };
  return recurringObligations({
    kind,
    first: deadlineFor(rule(plan.startedOn, plan.startedBy), plan.startedOn, calendar),
    next: (previous) => deadlineFor(rule(previous, 'previous one'), previous, calendar),
    events: plan.events,
    ...(plan.endedOn ? { endedOn: plan.endedOn } : {}),
    today,
  });
}

/** Everything Hearth holds about a child that a statutory or local timescale runs from. */
export interface ChildTimescaleFacts {
  /** The date of birth, or the expected date of birth of an unborn child. */
  dateOfBirth?: Day;
  /** Death ends every obligation from that day: unmet ones due on or after it lapse and recurring ones stop. */
  diedOn?: Day;
  contacts: ReadonlyArray<{ receivedOn: Day; decidedOn?: Day }>;
  episodes: ReadonlyArray<{ referralOn: Day; assessmentAuthorisedOn?: Day; closedWithoutAssessmentOn?: Day }>;
  enquiries: ReadonlyArray<{
    strategyDiscussions: readonly StrategyDiscussion[];
    initialConferenceOn?: Day;
    concludedWithoutConferenceOn?: Day;
    /** When the episode of need the enquiry belongs to closed. */
    episodeClosedOn?: Day;
  }>;
  childProtectionPlans: ReadonlyArray<{
    conferenceOn: Day;
    coreGroups: readonly Day[];
    reviews: readonly Day[];
    endedOn?: Day;
    /** When the episode of need the plan belongs to closed. */
    episodeClosedOn?: Day;
  }>;
  childInNeedPlans: ReadonlyArray<{
    startedOn: Day;
    endedOn?: Day;
    reviews: readonly Day[];
    /** When the episode of need the plan belongs to closed. */
    episodeClosedOn?: Day;
  }>;
  visits: readonly Day[];
  periodsOfCare: readonly PeriodOfCare[];
  careReviews: readonly Day[];
  healthAssessments: readonly Day[];
  personalEducationPlans: readonly Day[];
  pathwayPlans: ReadonlyArray<{ agreedOn: Day; reviews: readonly Day[]; endedOn?: Day }>;
  careLeaver?: {
    from: Day;
    contacts: readonly Day[];
    endedOn?: Day;
    /**
     * Whether the young person has asked for a personal adviser's support until 25 (Children and Social Work Act
     * 2017, s. 3), so that leaving care obligations run to the 25th birthday rather than the 21st.
     */
    supportUntil25?: boolean;
  };
}

interface ObligationContext {
  today: Day;
  calendar: WorkingDayCalendar;
  standards: readonly VersionedLocalStandard[];
  schoolTerms: readonly SchoolTerm[];
  /** Include what will be owed from a day still to come, to store ahead (the initial PEP from a 3rd birthday). */
  ahead?: boolean;
}

/**
 * Every obligation of one child under the rules of `src/domain/timescales`: the front door, child protection,
 * child in need plans (local standards), looked after (regs 7, 28, 33 and PEP guidance) and leaving care. Each is
 * owed only while its reason lasts, as `obligationsEndOn` and `obligationSpan` in lifetimes.ts bound it: its own
 * end, the close of its episode of need, the child's death, and the ages its reason runs between.
 */
export function childObligations(facts: ChildTimescaleFacts, context: ObligationContext): Obligation[] {
  const child: ChildLifetime = {
    dateOfBirth: facts.dateOfBirth,
    diedOn: facts.diedOn,
    supportUntil25: facts.careLeaver?.supportUntil25,
  };
  return [
    ...frontDoorObligations(facts, child, context),
    ...facts.childProtectionPlans.flatMap((plan) =>
      protectionPlanObligations(plan, facts.visits, child, context),
    ),
    ...facts.childInNeedPlans.flatMap((plan) =>
      childInNeedPlanObligations(plan, facts.visits, child, context),
    ),
    ...(facts.periodsOfCare.length && facts.dateOfBirth
      ? lookedAfterTimescales(
          {
            dateOfBirth: facts.dateOfBirth,
            diedOn: facts.diedOn,
            periodsOfCare: facts.periodsOfCare,
            reviews: facts.careReviews,
            visits: facts.visits,
            healthAssessments: facts.healthAssessments,
            personalEducationPlans: facts.personalEducationPlans,
            schoolTerms: context.schoolTerms,
          },
          context.today,
          context.calendar,
          context.ahead,
        )
      : []),
    ...leavingCareObligations(facts, child, context),
  ];
}

/** The contact decision ends only with death; the assessment and the initial conference at 18 as well. */
function frontDoorObligations(
  facts: ChildTimescaleFacts,
  child: ChildLifetime,
  { today, calendar }: ObligationContext,
): Obligation[] {
  return [
    ...facts.contacts.map((contact) =>
      contactDecision({ ...contact, lapsesOn: obligationsEndOn('contact', child) }, today, calendar),
    ),
    ...facts.episodes.map((episode) =>
      assessmentTimescale({ ...episode, lapsesOn: obligationsEndOn('children-act', child) }, today, calendar),
    ),
    ...facts.enquiries.flatMap((enquiry) =>
      initialConferenceTimescale(
        { ...enquiry, lapsesOn: obligationsEndOn('children-act', child, enquiry.episodeClosedOn) },
        today,
        calendar,
      ),
    ),
  ];
}

/** Visits under a local standard over a plan's span for the child, which starts no earlier than their birth. */
function visitsToTheChild(
  kind: 'child-protection-visit' | 'child-in-need-visit',
  span: ObligationSpan,
  plan: { visits: readonly Day[]; startedBy: string },
  { today, calendar, standards }: ObligationContext,
): Obligation[] {
  const { startedBy = plan.startedBy, ...dates } = span;
  return locallyStandardObligations(
    standards,
    kind,
    { ...dates, events: plan.visits, startedBy },
    today,
    calendar,
  );
}

function protectionPlanObligations(
  plan: ChildTimescaleFacts['childProtectionPlans'][number],
  visits: readonly Day[],
  child: ChildLifetime,
  context: ObligationContext,
): Obligation[] {
  const ends = [plan.endedOn, plan.episodeClosedOn];
  return [
    ...childProtectionPlanTimescales(
      {
        initialConferenceOn: plan.conferenceOn,
        coreGroupMeetings: plan.coreGroups,
        reviewConferences: plan.reviews,
        endedOn: obligationsEndOn('children-act', child, ...ends),
      },
      context.today,
      context.calendar,
    ),
    ...visitsToTheChild(
      'child-protection-visit',
      obligationSpan('care-of-the-child', child, plan.conferenceOn, ...ends),
      { visits, startedBy: 'initial child protection conference' },
      context,
    ),
  ];
}

function childInNeedPlanObligations(
  plan: ChildTimescaleFacts['childInNeedPlans'][number],
  visits: readonly Day[],
  child: ChildLifetime,
  context: ObligationContext,
): Obligation[] {
  const ends = [plan.endedOn, plan.episodeClosedOn];
  const startedBy = 'start of the child in need plan';
  return [
    ...locallyStandardObligations(
      context.standards,
      'child-in-need-plan-review',
      {
        startedOn: plan.startedOn,
        endedOn: obligationsEndOn('children-act', child, ...ends),
        events: plan.reviews,
        startedBy,
      },
      context.today,
      context.calendar,
    ),
    ...visitsToTheChild(
      'child-in-need-visit',
      obligationSpan('care-of-the-child', child, plan.startedOn, ...ends),
      { visits, startedBy },
      context,
    ),
  ];
}

/** Pathway plan reviews and the personal adviser's contact end at 21 or 25, and with the care leaver record. */
function leavingCareObligations(
  facts: ChildTimescaleFacts,
  child: ChildLifetime,
  { today, calendar, standards }: ObligationContext,
): Obligation[] {
  const leaver = facts.careLeaver;
  // A council's stricter interval for the adviser's contact (Local standards), else the statutory 2 months.
  const contactStandards = standards.filter((standard) => standard.kind === 'care-leaver-contact');
  return [
    ...facts.pathwayPlans.flatMap((plan) =>
      pathwayPlanReviews(
        { ...plan, endedOn: obligationsEndOn('leaving-care', child, plan.endedOn, leaver?.endedOn) },
        today,
        calendar,
      ),
    ),
    ...(leaver
      ? (() => {
          const contact = {
            countedFrom: leaver.from,
            contacts: leaver.contacts,
            endedOn: obligationsEndOn('leaving-care', child, leaver.endedOn),
          };
          return contactStandards.length
            ? careLeaverContactUnderStandards(contact, today, calendar, contactStandards)
            : careLeaverContact(contact, today, calendar);
        })()
      : []),
  ];
}

/** Typical English school terms, for termly PEP reviews when a school's own dates are not recorded. */
export function typicalSchoolTerms(fromYear: number, toYear: number): SchoolTerm[] {
  const terms: SchoolTerm[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const day = (text: string) => Temporal.PlainDate.from(text);
    terms.push(
      { name: 'spring', startsOn: day(`${year}-01-05`), endsOn: day(`${year}-03-31`) },
      { name: 'summer', startsOn: day(`${year}-04-15`), endsOn: day(`${year}-07-22`) },
      { name: 'autumn', startsOn: day(`${year}-09-01`), endsOn: day(`${year}-12-20`) },
    );
  }
  return terms;
}

import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { careLeaverContact, pathwayPlanReviews } from './care-leavers.ts';
import {
  childProtectionPlanTimescales,
  initialConferenceTimescale,
  type StrategyDiscussion,
} from './child-protection.ts';
import { deadlineFor, describePeriod, type DeadlineRule, type Period } from './deadline-rules.ts';
import type { SchoolTerm } from './health-and-education.ts';
import { lookedAfterTimescales, type PeriodOfCare } from './looked-after.ts';
import { recurringObligations, type Obligation } from './obligation.ts';
import { assessmentTimescale, contactDecision } from './referrals.ts';

type Day = Temporal.PlainDate;

/** A council's local standard as it was set on a date; the one in force on a date is the latest set by then. */
export interface VersionedLocalStandard {
  kind: 'child-in-need-visit' | 'child-protection-visit' | 'child-in-need-plan-review';
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
  dateOfBirth?: Day;
  contacts: ReadonlyArray<{ receivedOn: Day; decidedOn?: Day }>;
  episodes: ReadonlyArray<{ referralOn: Day; assessmentAuthorisedOn?: Day; closedWithoutAssessmentOn?: Day }>;
  enquiries: ReadonlyArray<{
    strategyDiscussions: readonly StrategyDiscussion[];
    initialConferenceOn?: Day;
    concludedWithoutConferenceOn?: Day;
  }>;
  childProtectionPlans: ReadonlyArray<{
    conferenceOn: Day;
    coreGroups: readonly Day[];
    reviews: readonly Day[];
    endedOn?: Day;
  }>;
  childInNeedPlans: ReadonlyArray<{ startedOn: Day; endedOn?: Day; reviews: readonly Day[] }>;
  visits: readonly Day[];
  periodsOfCare: readonly PeriodOfCare[];
  careReviews: readonly Day[];
  healthAssessments: readonly Day[];
  personalEducationPlans: readonly Day[];
  pathwayPlans: ReadonlyArray<{ agreedOn: Day; reviews: readonly Day[]; endedOn?: Day }>;
  careLeaver?: { from: Day; contacts: readonly Day[]; endedOn?: Day };
}

const within = (dates: readonly Day[], from: Day, until?: Day) =>
  dates.filter(
    (date) =>
      Temporal.PlainDate.compare(date, from) >= 0 && (!until || Temporal.PlainDate.compare(date, until) <= 0),
  );

/**
 * Every obligation of one child under the rules of `src/domain/timescales`: the front door, child protection,
 * child in need plans (local standards), looked after (regs 7, 28, 33 and PEP guidance) and leaving care.
 */
export function childObligations(
  facts: ChildTimescaleFacts,
  context: {
    today: Day;
    calendar: WorkingDayCalendar;
    standards: readonly VersionedLocalStandard[];
    schoolTerms: readonly SchoolTerm[];
  },
): Obligation[] {
  const { today, calendar, standards } = context;
  const obligations: Obligation[] = [
    ...facts.contacts.map((contact) => contactDecision(contact, today, calendar)),
    ...facts.episodes.map((episode) =>
      assessmentTimescale(
        {
          referralOn: episode.referralOn,
          ...(episode.assessmentAuthorisedOn
            ? { assessmentAuthorisedOn: episode.assessmentAuthorisedOn }
            : {}),
          ...(episode.closedWithoutAssessmentOn
            ? { closedWithoutAssessmentOn: episode.closedWithoutAssessmentOn }
            : {}),
        },
        today,
        calendar,
      ),
    ),
    ...facts.enquiries.flatMap((enquiry) => initialConferenceTimescale(enquiry, today, calendar)),
  ];
  for (const plan of facts.childProtectionPlans) {
    obligations.push(
      ...childProtectionPlanTimescales(
        {
          initialConferenceOn: plan.conferenceOn,
          coreGroupMeetings: plan.coreGroups,
          reviewConferences: plan.reviews,
          ...(plan.endedOn ? { endedOn: plan.endedOn } : {}),
        },
        today,
        calendar,
      ),
      ...locallyStandardObligations(
        standards,
        'child-protection-visit',
        {
          startedOn: plan.conferenceOn,
          ...(plan.endedOn ? { endedOn: plan.endedOn } : {}),
          events: within(facts.visits, plan.conferenceOn, plan.endedOn),
          startedBy: 'initial child protection conference',
        },
        today,
        calendar,
      ),
    );
  }
  for (const plan of facts.childInNeedPlans) {
    const span = {
      startedOn: plan.startedOn,
      ...(plan.endedOn ? { endedOn: plan.endedOn } : {}),
      startedBy: 'start of the child in need plan',
    };
    obligations.push(
      ...locallyStandardObligations(
        standards,
        'child-in-need-plan-review',
        { ...span, events: plan.reviews },
        today,
        calendar,
      ),
      ...locallyStandardObligations(
        standards,
        'child-in-need-visit',
        { ...span, events: within(facts.visits, plan.startedOn, plan.endedOn) },
        today,
        calendar,
      ),
    );
  }
  if (facts.periodsOfCare.length && facts.dateOfBirth) {
    obligations.push(
      ...lookedAfterTimescales(
        {
          dateOfBirth: facts.dateOfBirth,
          periodsOfCare: facts.periodsOfCare,
          reviews: facts.careReviews,
          visits: facts.visits,
          healthAssessments: facts.healthAssessments,
          personalEducationPlans: facts.personalEducationPlans,
          schoolTerms: context.schoolTerms,
        },
        today,
        calendar,
      ),
    );
  }
  for (const plan of facts.pathwayPlans) obligations.push(...pathwayPlanReviews(plan, today, calendar));
  if (facts.careLeaver) {
    obligations.push(
      ...careLeaverContact(
        {
          countedFrom: facts.careLeaver.from,
          contacts: facts.careLeaver.contacts,
          ...(facts.careLeaver.endedOn ? { endedOn: facts.careLeaver.endedOn } : {}),
        },
        today,
        calendar,
      ),
    );
  }
  return obligations;
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

import { addMonths, type IsoDate } from '../returns/dates.ts';
import { dueBy } from './deadlines.ts';
import type { ChildFacts, CouncilFacts } from './facts.ts';
import {
  childrenOf,
  countIndicator,
  childrenWho,
  countWithRate,
  proportionOf,
  type IndicatorDefinition,
} from './indicator.ts';
import { inPeriod, openOn, type ReportingPeriod } from './periods.ts';

const CIN_RELEASE = "DfE, 'Children in need' statistics (CIN census)";

/** Each child's facts of one kind in the period, with the child's id. */
function eachChild<T>(facts: CouncilFacts, pick: (child: ChildFacts) => readonly T[]) {
  return facts.children.flatMap((child) =>
    pick(child).map((fact) => ({ facts: child, child: child.child.id, fact })),
  );
}

const enquiriesIn = (facts: CouncilFacts, period: ReportingPeriod) =>
  eachChild(facts, (child) => child.section47_enquiries.filter((s47) => inPeriod(s47.started_on, period)));
const conferencesIn = (facts: CouncilFacts, period: ReportingPeriod) =>
  eachChild(facts, (child) =>
    child.initial_conferences.filter((conference) => inPeriod(conference.held_on, period)),
  );
const plansStartingIn = (facts: CouncilFacts, period: ReportingPeriod) =>
  eachChild(facts, (child) => child.cp_plans.filter((plan) => inPeriod(plan.start_date, period)));

/** The day the enquiry's 15 working days count from: the strategy discussion at which it started. */
function enquiryStartedOn(child: ChildFacts, section47Id: string): IsoDate | undefined {
  const enquiry = child.section47_enquiries.find((s47) => s47.id === section47Id);
  if (!enquiry) return undefined;
  const discussion = child.strategy_discussions.find((held) => held.id === enquiry.strategy_discussion_id);
  return discussion?.held_on ?? enquiry.started_on;
}

/** Help and protection: section 47 enquiries, conferences, child protection plans and children in need (DfE Children in need statistics). */
export const protectionIndicators: readonly IndicatorDefinition[] = [
  countIndicator({
    id: 's47',
    title: 'Section 47 enquiries',
    theme: 'help and protection',
    counts: 'Section 47 enquiries starting in the period.',
    numerator: 'section 47 enquiries starting in the period',
    reading: 'during',
    source: `${CIN_RELEASE}: section 47 enquiries`,
    ratePer10000: true,
    compute: (facts, period) => countWithRate(childrenOf(enquiriesIn(facts, period)), facts),
  }),
  {
    id: 's47-to-icpc',
    title: 'Section 47 enquiries leading to an initial conference',
    theme: 'help and protection',
    counts:
      'Of the section 47 enquiries starting in the period, those with an initial child protection conference held by the period’s last day.',
    numerator: 'section 47 enquiries in the period with an initial conference',
    denominator: 'section 47 enquiries starting in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: null,
    source: `${CIN_RELEASE}: section 47 enquiries and initial child protection conferences`,
    compute: (facts, period) =>
      proportionOf(
        enquiriesIn(facts, period).map(({ facts: child, fact: s47 }) => ({
          child: child.child.id,
          counted: child.initial_conferences.some(
            (conference) => conference.section47_id === s47.id && conference.held_on <= period.end,
          ),
        })),
      ),
  },
  {
    id: 'icpc-15wd',
    title: 'Initial conferences within 15 working days',
    theme: 'help and protection',
    counts:
      'Of the initial child protection conferences held in the period, those held within 15 working days of the strategy discussion that started the enquiry (the discussion is day 0).',
    numerator: 'initial conferences in the period within 15 working days of the strategy discussion',
    denominator: 'initial conferences held in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: true,
    source: `${CIN_RELEASE}: initial child protection conferences within 15 working days of the start of the section 47 enquiry; Working Together to Safeguard Children 2023`,
    compute: (facts, period, calendar) =>
      proportionOf(
        conferencesIn(facts, period).map(({ facts: child, fact: conference }) => {
          const from = enquiryStartedOn(child, conference.section47_id);
          const due = from && dueBy(calendar, 'icpc', from);
          return { child: child.child.id, counted: due !== undefined && conference.held_on <= due };
        }),
      ),
  },
  {
    id: 'icpc-to-plan',
    title: 'Initial conferences leading to a plan',
    theme: 'help and protection',
    counts:
      'Of the initial child protection conferences held in the period, those that started a child protection plan.',
    numerator: 'initial conferences in the period that started a plan',
    denominator: 'initial conferences held in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: null,
    source: `${CIN_RELEASE}: initial child protection conferences`,
    compute: (facts, period) =>
      proportionOf(
        conferencesIn(facts, period).map(({ facts: child, fact: conference }) => ({
          child: child.child.id,
          counted:
            conference.outcome === 'child-protection-plan' ||
            child.cp_plans.some((plan) => plan.conference_id === conference.id),
        })),
      ),
  },
  countIndicator({
    id: 'cp-plans-at-end',
    title: 'Children on child protection plans',
    theme: 'help and protection',
    counts:
      'Child protection plans open on the period’s last day: started on or before it and not ended on or before it.',
    numerator: 'child protection plans open on the last day',
    reading: 'on-last-day',
    source: `${CIN_RELEASE}: children on a child protection plan at 31 March`,
    ratePer10000: true,
    compute: (facts, period) =>
      countWithRate(
        eachChild(facts, (child) =>
          child.cp_plans.filter((plan) => openOn(plan.start_date, plan.end_date, period.end)),
        ).map((found) => found.child),
        facts,
      ),
  }),
  countIndicator({
    id: 'cp-plans-started',
    title: 'Child protection plans started',
    theme: 'help and protection',
    counts: 'Child protection plans starting in the period.',
    numerator: 'child protection plans starting in the period',
    reading: 'during',
    source: `${CIN_RELEASE}: children who became the subject of a child protection plan`,
    ratePer10000: true,
    compute: (facts, period) => countWithRate(childrenOf(plansStartingIn(facts, period)), facts),
  }),
  {
    id: 'cp-plans-repeat',
    title: 'Second or later child protection plans',
    theme: 'help and protection',
    counts: 'Of the plans starting in the period, those for a child who had an earlier plan, at any time.',
    numerator: 'plans starting in the period for a child with an earlier plan',
    denominator: 'child protection plans starting in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: false,
    source: `${CIN_RELEASE}: plans that were a second or subsequent plan`,
    compute: (facts, period) =>
      proportionOf(
        plansStartingIn(facts, period).map(({ facts: child, fact: plan }) => ({
          child: child.child.id,
          counted: child.cp_plans.some((earlier) => earlier.start_date < plan.start_date),
        })),
      ),
  },
  {
    id: 'cp-plans-ended-2y',
    title: 'Plans ending after two years or more',
    theme: 'help and protection',
    counts:
      'Of the plans ending in the period, those that lasted two years or more: ended on or after the second anniversary of their start.',
    numerator: 'plans ending in the period that lasted two years or more',
    denominator: 'child protection plans ending in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: false,
    source: `${CIN_RELEASE}: child protection plans ceasing in the year that lasted 2 years or more`,
    compute: (facts, period) =>
      proportionOf(
        eachChild(facts, (child) => child.cp_plans.filter((plan) => inPeriod(plan.end_date, period))).map(
          ({ child, fact: plan }) => ({ child, counted: plan.end_date! >= addMonths(plan.start_date, 24) }),
        ),
      ),
  },
  countIndicator({
    id: 'cin-at-end',
    title: 'Children in need',
    theme: 'help and protection',
    counts:
      'Children with an episode of need open on the period’s last day, including those on child protection plans and those looked after.',
    numerator: 'children with an episode of need open on the last day',
    reading: 'on-last-day',
    source: `${CIN_RELEASE}: children in need at 31 March`,
    ratePer10000: true,
    compute: (facts, period) =>
      countWithRate(
        childrenWho(facts, (child) =>
          child.episodes.some((episode) => openOn(episode.referral_date, episode.closed_on, period.end)),
        ),
        facts,
      ),
  }),
];

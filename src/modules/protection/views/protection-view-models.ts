import type { JourneyState } from '../../../domain/journey/transitions.ts';
import { ukDate } from '../../../platform/views.ts';

/** The reason a child protection plan ends when the child dies: set by the death, never chosen on the form. */
export const PLAN_ENDED_BY_DEATH = 'died';

/** Why a child protection plan ended, in the words of the form that records it. */
export const planEndReasonWords: Record<string, string> = {
  'no-longer-at-risk': 'No longer at continuing risk of significant harm',
  'looked-after': 'Became looked after',
  'moved-away': 'Moved to another local authority',
  'turned-18': 'Reached 18',
  died: 'The child died',
  other: 'Another reason',
};

export const statusWords: Record<JourneyState, string> = {
  'no-open-episode': 'No open episode of need',
  referred: 'Referred: assessment under way',
  'child-in-need': 'Child in need',
  'section-47': 'Section 47 enquiry under way',
  'child-protection': 'On a child protection plan',
  'looked-after': 'Looked after',
  'care-leaver': 'Care leaver',
};

const categoryWords: Record<string, string> = {
  NEG: 'neglect',
  PHY: 'physical abuse',
  EMO: 'emotional abuse',
  SAB: 'sexual abuse',
  MUL: 'multiple categories',
};

const outcomeWords: Record<string, string> = {
  conference: 'went to an initial conference',
  'no-further-action': 'no further action',
  'child-in-need': 'continued as child in need',
};

interface ProtectionView {
  strategyDiscussions: Array<{ id: string; held_on: string; attendees: string; outcome: string }>;
  enquiries: Array<{
    strategy_discussion_id: string;
    started_on: string;
    ended_on: string | null;
    outcome: string | null;
  }>;
  conferences: Array<{ held_on: string; outcome: string; category: string | null }>;
  cpPlans: Array<{
    id: string;
    start_date: string;
    latest_category: string;
    end_date: string | null;
    end_reason: string | null;
  }>;
  coreGroups: Array<{ cp_plan_id: string; held_on: string }>;
  reviewConferences: Array<{ cp_plan_id: string; held_on: string }>;
  cinPlans: Array<{ id: string; start_date: string; end_date: string | null }>;
  cinReviews: Array<{ cin_plan_id: string; held_on: string }>;
}

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
const dates = (list: Array<{ held_on: string }>) =>
  list.map((meeting) => ukDate(meeting.held_on)).join(', ') || 'None yet';

/** The page's sections: what has been recorded, and the next things that can be recorded given what is open. */
export function protectionSections(view: ProtectionView) {
  const link = (path: string, text: string) => ({ path, text });
  const openEnquiry = view.enquiries.some((enquiry) => !enquiry.ended_on);
  const openPlan = view.cpPlans.find((plan) => !plan.end_date);
  const openCinPlan = view.cinPlans.find((plan) => !plan.end_date);

  const discussions = view.strategyDiscussions.map((discussion) => {
    const enquiry = view.enquiries.find((candidate) => candidate.strategy_discussion_id === discussion.id);
    const enquiryText = !enquiry
      ? 'no section 47 enquiry'
      : enquiry.ended_on
        ? `section 47 enquiry from ${ukDate(enquiry.started_on)} to ${ukDate(enquiry.ended_on)}: ${outcomeWords[enquiry.outcome!]}`
        : `section 47 enquiry open since ${ukDate(enquiry.started_on)}`;
    return row(ukDate(discussion.held_on), `With ${discussion.attendees}; ${enquiryText}`);
  });
  const conferences = view.conferences.map((conference) =>
    row(
      ukDate(conference.held_on),
      conference.outcome === 'child-protection-plan'
        ? `Child protection plan: ${categoryWords[conference.category!] ?? conference.category}`
        : 'No plan',
    ),
  );
  const plans = view.cpPlans.flatMap((plan) => [
    row(
      `Plan from ${ukDate(plan.start_date)}`,
      `${categoryWords[plan.latest_category] ?? plan.latest_category}; ${plan.end_date ? `ended ${ukDate(plan.end_date)} (${planEndReasonWords[plan.end_reason!] ?? plan.end_reason})` : 'open'}`,
    ),
    row('Core groups', dates(view.coreGroups.filter((meeting) => meeting.cp_plan_id === plan.id))),
    row(
      'Review conferences',
      dates(view.reviewConferences.filter((meeting) => meeting.cp_plan_id === plan.id)),
    ),
  ]);
  const cinPlans = view.cinPlans.flatMap((plan) => [
    row(`Plan from ${ukDate(plan.start_date)}`, plan.end_date ? `ended ${ukDate(plan.end_date)}` : 'open'),
    row('Reviews', dates(view.cinReviews.filter((review) => review.cin_plan_id === plan.id))),
  ]);

  return [
    {
      heading: 'Strategy discussions and section 47 enquiries',
      rows: discussions,
      actions: [
        link('strategy-discussions', 'Record a strategy discussion'),
        ...(openEnquiry ? [link('section-47-outcomes', 'End the enquiry without a conference')] : []),
      ],
    },
    {
      heading: 'Initial child protection conferences',
      rows: conferences,
      actions: openEnquiry
        ? [link('initial-conferences', 'Record an initial child protection conference')]
        : [],
    },
    {
      heading: 'Child protection plans',
      rows: plans,
      actions: openPlan
        ? [
            link('cp-core-groups', 'Record a core group meeting'),
            link('cp-review-conferences', 'Record a review conference'),
            link('cp-plan-endings', 'End the plan'),
          ]
        : [],
    },
    {
      heading: 'Child in need plans',
      rows: cinPlans,
      actions: openCinPlan
        ? [link('cin-plan-reviews', 'Record a plan review'), link('cin-plan-endings', 'End the plan')]
        : [link('cin-plans', 'Start a child in need plan')],
    },
  ];
}

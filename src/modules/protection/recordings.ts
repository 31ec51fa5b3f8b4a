import { codeChoices } from '../../domain/codes/code-lists.ts';
import { forChild, type Recording } from '../../platform/recording/routes.ts';
import { childCaption } from '../journey/service.ts';
import { planEndReasonWords, PLAN_ENDED_BY_DEATH } from './views/protection-view-models.ts';
import {
  endChildInNeedPlan,
  endChildProtectionPlan,
  endSection47,
  recordChildInNeedPlanReview,
  recordInitialConference,
  recordPlanMeeting,
  recordStrategyDiscussion,
  startChildInNeedPlan,
} from './service.ts';

const categories = (today: string) => codeChoices('CIN', 'InitialCategoryOfAbuse', today);

const returnTo = (params: Record<string, string>) => `/children/${params.childId}/protection`;
const common = {
  permission: 'child:write',
  context: (db, actor, params) => childCaption(db, actor, params.childId!),
  returnTo,
} satisfies Partial<Recording>;

/** What is recorded in child protection and child in need work, each a form page and an API endpoint. */
export const protectionRecordings: Recording[] = [
  {
    ...common,
    path: '/children/:childId/strategy-discussions',
    title: 'Record a strategy discussion',
    guidance:
      'Hold a strategy discussion when there is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm (Working Together 2023).',
    audit: 'strategy-discussion.recorded',
    fields: [
      { name: 'heldOn', label: 'Date of the discussion', kind: 'date', required: true },
      {
        name: 'attendees',
        label: 'Agencies that took part',
        kind: 'textarea',
        required: true,
        hint: 'For example, police, health visitor, school, children’s social care',
      },
      {
        name: 'outcome',
        label: 'Outcome',
        kind: 'choice',
        required: true,
        options: () => [
          { value: 'section-47', text: 'Start a section 47 enquiry' },
          { value: 'no-section-47', text: 'No section 47 enquiry' },
        ],
      },
      { name: 'notes', label: 'Notes', kind: 'textarea' },
    ],
    record: forChild(recordStrategyDiscussion),
  },
  {
    ...common,
    path: '/children/:childId/section-47-outcomes',
    title: 'End a section 47 enquiry without a conference',
    audit: 'section-47.ended',
    fields: [
      { name: 'endedOn', label: 'Date the enquiry ended', kind: 'date', required: true },
      {
        name: 'outcome',
        label: 'Outcome',
        kind: 'choice',
        required: true,
        options: () => [
          { value: 'no-further-action', text: 'No further action' },
          { value: 'child-in-need', text: 'Continue as a child in need' },
        ],
      },
    ],
    record: forChild(endSection47),
  },
  {
    ...common,
    path: '/children/:childId/initial-conferences',
    title: 'Record an initial child protection conference',
    guidance:
      'The conference is due within 15 working days of the strategy discussion that started the enquiry.',
    audit: 'initial-conference.recorded',
    fields: [
      { name: 'heldOn', label: 'Date of the conference', kind: 'date', required: true },
      {
        name: 'outcome',
        label: 'Decision',
        kind: 'choice',
        required: true,
        options: () => [
          { value: 'child-protection-plan', text: 'Child protection plan' },
          { value: 'no-plan', text: 'No plan' },
        ],
      },
      {
        name: 'category',
        label: 'Category of abuse',
        kind: 'choice',
        hint: 'Needed when the decision is a plan',
        options: categories,
      },
    ],
    record: forChild(recordInitialConference),
  },
  {
    ...common,
    path: '/children/:childId/cp-core-groups',
    title: 'Record a core group meeting',
    guidance: 'The first core group is due within 10 working days of the initial conference.',
    audit: 'cp-core-group.recorded',
    fields: [{ name: 'heldOn', label: 'Date of the meeting', kind: 'date', required: true }],
    record: forChild(recordPlanMeeting('core-group')),
  },
  {
    ...common,
    path: '/children/:childId/cp-review-conferences',
    title: 'Record a child protection review conference',
    guidance:
      'The first review is due within 3 months of the initial conference, then at most every 6 months.',
    audit: 'cp-review-conference.recorded',
    fields: [{ name: 'heldOn', label: 'Date of the review conference', kind: 'date', required: true }],
    record: forChild(recordPlanMeeting('review-conference')),
  },
  {
    ...common,
    path: '/children/:childId/cp-plan-endings',
    title: 'End the child protection plan',
    audit: 'cp-plan.ended',
    fields: [
      { name: 'endDate', label: 'Date the plan ended', kind: 'date', required: true },
      {
        name: 'reason',
        label: 'Reason',
        kind: 'choice',
        required: true,
        // A death is recorded on its own page, which ends the plan itself (journey/death.ts).
        options: () =>
          Object.entries(planEndReasonWords)
            .filter(([value]) => value !== PLAN_ENDED_BY_DEATH)
            .map(([value, text]) => ({ value, text })),
      },
    ],
    record: forChild(endChildProtectionPlan),
  },
  {
    ...common,
    path: '/children/:childId/cin-plans',
    title: 'Start a child in need plan',
    audit: 'cin-plan.started',
    fields: [{ name: 'startDate', label: 'Date the plan started', kind: 'date', required: true }],
    record: forChild(startChildInNeedPlan),
  },
  {
    ...common,
    path: '/children/:childId/cin-plan-reviews',
    title: 'Record a child in need plan review',
    audit: 'cin-plan-review.recorded',
    fields: [{ name: 'heldOn', label: 'Date of the review', kind: 'date', required: true }],
    record: forChild(recordChildInNeedPlanReview),
  },
  {
    ...common,
    path: '/children/:childId/cin-plan-endings',
    title: 'End the child in need plan',
    audit: 'cin-plan.ended',
    fields: [{ name: 'endDate', label: 'Date the plan ended', kind: 'date', required: true }],
    record: forChild(endChildInNeedPlan),
  },
];

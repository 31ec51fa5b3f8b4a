import { codeChoices } from '../../domain/codes/code-lists.ts';
import type { FieldSpec } from '../../platform/recording/fields.ts';
import { forChild, type Recording } from '../../platform/recording/routes.ts';
import { childCaption } from '../journey/service.ts';
import {
  changeCareLeaverStatus,
  recordCareLeaverContact,
  recordPathwayPlanReview,
  startPathwayPlan,
} from './leaving-care-service.ts';
import {
  changeLegalStatus,
  changePlacement,
  endPeriodOfCare,
  recordCareReview,
  startPeriodOfCare,
} from './service.ts';
import { recordAdoptionDecision, recordAdoptionMatch, reverseAdoptionDecision } from './adoption-service.ts';
import { recordCareCheck, recordCareOutcomes, recordMissingEpisode } from './wellbeing-service.ts';

const ssda903 = (field: string) => (today: string) => codeChoices('SSDA903', field, today);
const named = (choices: Record<string, string>) => () =>
  Object.entries(choices).map(([value, text]) => ({ value, text }));

const common = {
  permission: 'child:write',
  context: (db, actor, params) => childCaption(db, actor, params.childId!),
  returnTo: (params) => `/children/${params.childId}/care`,
} satisfies Partial<Recording>;

const placementFields: FieldSpec[] = [
  { name: 'place', label: 'Placement type', kind: 'choice', required: true, options: ssda903('PLACE') },
  {
    name: 'provider',
    label: 'Placement provider',
    kind: 'choice',
    required: true,
    options: ssda903('PLACE_PROVIDER'),
  },
  { name: 'postcode', label: 'Postcode of the placement', kind: 'text', maxLength: 8 },
  { name: 'homePostcode', label: 'Postcode of the child’s home', kind: 'text', maxLength: 8 },
  {
    name: 'urn',
    label: 'Ofsted unique reference number (URN)',
    kind: 'text',
    maxLength: 8,
    hint: 'Of the children’s home, or of the fostering service for a foster placement; XXXXXXX when the provider has none',
  },
  { name: 'inArea', label: 'Is the placement inside the council’s area?', kind: 'yes-no' },
  {
    name: 'unregistered',
    label: 'Is it an unregistered children’s home?',
    kind: 'yes-no',
    hint: 'A setting that should be registered with Ofsted and is not',
  },
  {
    name: 'carer',
    label: 'Who looks after the child there',
    kind: 'text',
    maxLength: 100,
    hint: 'The fostering household’s or home’s reference. Give the same reference when the child stays with the same carers, so the return shows a change of placement with the same carers.',
  },
];

/** Asked when a period of care begins, for the SSDA903 return (CIN and PrevPerm). */
const periodOfCareFields: FieldSpec[] = [
  {
    name: 'categoryOfNeed',
    label: 'Category of need',
    kind: 'choice',
    options: ssda903('CIN'),
    hint: 'The main reason the child became looked after',
  },
  {
    name: 'previousPermanence',
    label: 'Did the child have a permanence order before?',
    kind: 'choice',
    options: ssda903('PREV_PERM'),
  },
  {
    name: 'previousPermanenceCouncil',
    label: 'Council that made the earlier order',
    kind: 'text',
    maxLength: 3,
    hint: 'Its three-digit DfE number, for example 855',
  },
  {
    name: 'previousPermanenceDate',
    label: 'Date of the earlier order',
    kind: 'text',
    maxLength: 10,
    hint: 'As DD/MM/YYYY; write zz for a day or month not known, for example zz/06/2019',
  },
];

const leavingCareStatuses = named({
  eligible: 'Eligible (16 or 17, looked after now)',
  relevant: 'Relevant (16 or 17, left care)',
  'former-relevant': 'Former relevant (18 to 25)',
  qualifying: 'Qualifying',
});

/** What is recorded while a child is looked after and as a care leaver: each a form page and an API endpoint. */
export const careRecordings: Recording[] = [
  {
    ...common,
    path: '/children/:childId/periods-of-care',
    title: 'Record that the child became looked after',
    guidance:
      'The first review is due within 20 working days, the first visit within a week of the placement starting.',
    audit: 'care-period.started',
    fields: [
      { name: 'startDate', label: 'Date the child became looked after', kind: 'date', required: true },
      { name: 'legalStatus', label: 'Legal status', kind: 'choice', required: true, options: ssda903('LS') },
      ...placementFields,
      ...periodOfCareFields,
    ],
    record: forChild(startPeriodOfCare),
  },
  {
    ...common,
    path: '/children/:childId/legal-statuses',
    title: 'Record a change of legal status',
    audit: 'legal-status.changed',
    fields: [
      { name: 'fromDate', label: 'Date the new legal status started', kind: 'date', required: true },
      { name: 'legalStatus', label: 'Legal status', kind: 'choice', required: true, options: ssda903('LS') },
      {
        name: 'reason',
        label: 'Reason for the change',
        kind: 'textarea',
        maxLength: 2000,
        hint: 'Needed when a full care order is followed by an interim care order',
      },
    ],
    record: forChild(changeLegalStatus),
  },
  {
    ...common,
    path: '/children/:childId/placements',
    title: 'Record a change of placement',
    audit: 'placement.changed',
    fields: [
      { name: 'startDate', label: 'Date the new placement started', kind: 'date', required: true },
      {
        name: 'changeReason',
        label: 'Reason the last placement ended',
        kind: 'choice',
        required: true,
        options: ssda903('REASON_PLACE_CHANGE'),
      },
      ...placementFields,
      {
        name: 'longTermAgreed',
        label: 'Is this placement agreed as long-term?',
        kind: 'yes-no',
        hint: 'Visits may then be every 3 months after its first year (regulation 28)',
      },
    ],
    record: forChild(changePlacement),
  },
  {
    ...common,
    path: '/children/:childId/care-reviews',
    title: 'Record a looked after review',
    audit: 'care-review.recorded',
    fields: [
      { name: 'heldOn', label: 'Date of the review', kind: 'date', required: true },
      {
        name: 'participation',
        label: 'How the child took part',
        kind: 'choice',
        required: true,
        options: ssda903('REVIEW_CODE'),
      },
    ],
    record: forChild(recordCareReview),
  },
  {
    ...common,
    path: '/children/:childId/care-endings',
    title: 'Record that the child stopped being looked after',
    audit: 'care-period.ended',
    fields: [
      { name: 'endDate', label: 'Date the child stopped being looked after', kind: 'date', required: true },
      { name: 'reason', label: 'Reason', kind: 'choice', required: true, options: ssda903('REC') },
      {
        name: 'leavingCareStatus',
        label: 'Care leaver status from that day',
        kind: 'choice',
        hint: 'For a young person of 16 or over entitled to leaving-care support',
        options: leavingCareStatuses,
      },
      {
        name: 'personalAdviserEmail',
        label: 'Personal adviser’s email address',
        kind: 'text',
        maxLength: 320,
      },
    ],
    record: forChild(endPeriodOfCare),
  },
  {
    ...common,
    path: '/children/:childId/health-assessments',
    title: 'Record a health assessment',
    audit: 'health-assessment.recorded',
    fields: [
      {
        name: 'kind',
        label: 'Kind of assessment',
        kind: 'choice',
        required: true,
        options: named({
          initial: 'Initial health assessment',
          review: 'Review health assessment',
          dental: 'Dental check',
        }),
      },
      { name: 'completedOn', label: 'Date completed', kind: 'date', required: true },
    ],
    record: forChild(recordCareCheck('health-assessment')),
  },
  {
    ...common,
    path: '/children/:childId/care-outcomes',
    title: 'Record the year’s outcomes',
    guidance:
      'For a child looked after for 12 months on 31 March: what the SSDA903 return asks about their health, strengths and difficulties, and offending in the year to that day.',
    audit: 'care-outcomes.recorded',
    fields: [
      { name: 'yearEnding', label: 'Year ending 31 March', kind: 'date', required: true },
      {
        name: 'sdqScore',
        label: 'Strengths and difficulties questionnaire score',
        kind: 'number',
        min: 0,
        max: 40,
      },
      {
        name: 'sdqReason',
        label: 'Reason there is no score',
        kind: 'choice',
        options: ssda903('SDQ_REASON'),
      },
      {
        name: 'convicted',
        label: 'Convicted or given a caution in the year (aged 10 or over)?',
        kind: 'yes-no',
      },
      { name: 'immunisationsUpToDate', label: 'Are the child’s immunisations up to date?', kind: 'yes-no' },
      { name: 'substanceMisuse', label: 'Identified as having a substance misuse problem?', kind: 'yes-no' },
      { name: 'interventionReceived', label: 'Received an intervention for it?', kind: 'yes-no' },
      { name: 'interventionOffered', label: 'Offered an intervention and refused it?', kind: 'yes-no' },
    ],
    record: forChild(recordCareOutcomes),
  },
  {
    ...common,
    path: '/children/:childId/adoption-decisions',
    title: 'Record the decision that the child should be placed for adoption',
    guidance: 'The agency decision maker’s decision (Adoption Agencies Regulations 2005, regulation 19).',
    audit: 'adoption-decision.recorded',
    fields: [{ name: 'decidedOn', label: 'Date of the decision', kind: 'date', required: true }],
    record: forChild(recordAdoptionDecision),
  },
  {
    ...common,
    path: '/children/:childId/adoption-matches',
    title: 'Record the match with adopters',
    audit: 'adoption-match.recorded',
    fields: [
      { name: 'matchedOn', label: 'Date the child was matched', kind: 'date', required: true },
      {
        name: 'adoptersSex',
        label: 'The adopters',
        kind: 'choice',
        required: true,
        options: ssda903('SEX_ADOPTR'),
      },
      {
        name: 'adoptersLegalStatus',
        label: 'Their legal status',
        kind: 'choice',
        required: true,
        options: ssda903('LS_ADOPTR'),
      },
      { name: 'byFosterCarers', label: 'Are they the child’s foster carers?', kind: 'yes-no' },
    ],
    record: forChild(recordAdoptionMatch),
  },
  {
    ...common,
    path: '/children/:childId/adoption-reversals',
    title: 'Record that the child should no longer be placed for adoption',
    audit: 'adoption-decision.reversed',
    fields: [
      { name: 'reversedOn', label: 'Date of the decision', kind: 'date', required: true },
      {
        name: 'reason',
        label: 'Reason',
        kind: 'choice',
        required: true,
        options: ssda903('REASON_PLACED_CEASED'),
      },
    ],
    record: forChild(reverseAdoptionDecision),
  },
  {
    ...common,
    path: '/children/:childId/personal-education-plans',
    title: 'Record a personal education plan',
    audit: 'personal-education-plan.recorded',
    fields: [
      {
        name: 'kind',
        label: 'Kind of plan',
        kind: 'choice',
        required: true,
        options: named({ initial: 'First plan', review: 'Termly review' }),
      },
      { name: 'completedOn', label: 'Date completed', kind: 'date', required: true },
    ],
    record: forChild(recordCareCheck('personal-education-plan')),
  },
  {
    ...common,
    path: '/children/:childId/missing-episodes',
    title: 'Record a missing episode',
    audit: 'missing-episode.recorded',
    fields: [
      { name: 'kind', label: 'Missing or away', kind: 'choice', required: true, options: ssda903('MISSING') },
      { name: 'startedOn', label: 'Date the child went missing', kind: 'date', required: true },
      { name: 'endedOn', label: 'Date the child returned', kind: 'date' },
      { name: 'returnInterviewOffered', label: 'Was a return interview offered?', kind: 'yes-no' },
      { name: 'returnInterviewAccepted', label: 'Was the return interview accepted?', kind: 'yes-no' },
    ],
    record: forChild(recordMissingEpisode),
  },
  {
    ...common,
    path: '/children/:childId/care-leaver-statuses',
    title: 'Record a change of care leaver status',
    audit: 'care-leaver-status.changed',
    fields: [
      {
        name: 'status',
        label: 'Care leaver status',
        kind: 'choice',
        required: true,
        options: leavingCareStatuses,
      },
      { name: 'fromDate', label: 'Date it started', kind: 'date', required: true },
      {
        name: 'personalAdviserEmail',
        label: 'Personal adviser’s email address',
        kind: 'text',
        maxLength: 320,
      },
    ],
    record: forChild(changeCareLeaverStatus),
  },
  {
    ...common,
    path: '/children/:childId/pathway-plans',
    title: 'Start a pathway plan',
    audit: 'pathway-plan.started',
    fields: [{ name: 'startedOn', label: 'Date the plan started', kind: 'date', required: true }],
    record: forChild(startPathwayPlan),
  },
  {
    ...common,
    path: '/children/:childId/pathway-plan-reviews',
    title: 'Record a pathway plan review',
    guidance: 'A pathway plan is reviewed at least every 6 months.',
    audit: 'pathway-plan-review.recorded',
    fields: [{ name: 'heldOn', label: 'Date of the review', kind: 'date', required: true }],
    record: forChild(recordPathwayPlanReview),
  },
  {
    ...common,
    path: '/children/:childId/care-leaver-contacts',
    title: 'Record keeping in touch',
    audit: 'care-leaver-contact.recorded',
    fields: [
      { name: 'contactedOn', label: 'Date of the contact', kind: 'date', required: true },
      { name: 'inTouch', label: 'In touch', kind: 'choice', required: true, options: ssda903('IN_TOUCH') },
      { name: 'accommodation', label: 'Accommodation', kind: 'choice', options: ssda903('ACCOM') },
      { name: 'activity', label: 'Activity', kind: 'choice', options: ssda903('ACTIV') },
    ],
    record: forChild(recordCareLeaverContact),
  },
];

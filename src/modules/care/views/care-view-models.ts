import { codeInWords, codeListOn } from '../../../domain/codes/code-lists.ts';
import { ukDate } from '../../../platform/views.ts';
import type { viewCare } from '../service.ts';

type CareView = Awaited<ReturnType<typeof viewCare>>['records'];

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
const span = (from: string, to: string | null) =>
  to ? `${ukDate(from)} to ${ukDate(to)}` : `since ${ukDate(from)}`;
const yesNo = (value: boolean | null) => (value === null ? 'not recorded' : value ? 'yes' : 'no');

/** A code with its meaning, as the code list of its date has it. */
function coded(field: string, code: string | null, on: string): string {
  return code ? codeInWords(codeListOn('SSDA903', field, on), code) : 'not recorded';
}

/** The care page's sections, each with its rows and what can be recorded next given what is open. */
export function careSections(view: CareView) {
  const open = view.periods.find((period) => !period.end_date);
  const careLeaver = view.careLeaver.find((status) => !status.to_date);
  const openPathwayPlan = view.pathwayPlans.find((plan) => !plan.ended_on);
  const link = (path: string, text: string) => ({ path, text });
  return [
    {
      heading: 'Periods of care',
      rows: view.periods.map((period) =>
        row(
          span(period.start_date, period.end_date),
          period.reason_ceased
            ? `Ended: ${coded('REC', period.reason_ceased, period.end_date!)}`
            : 'Looked after now',
        ),
      ),
      actions: open
        ? [
            link('legal-statuses', 'Record a change of legal status'),
            link('placements', 'Record a change of placement'),
            link('care-endings', 'Record that the child stopped being looked after'),
          ]
        : careLeaver
          ? []
          : [link('periods-of-care', 'Record that the child became looked after')],
    },
    {
      heading: 'Legal statuses',
      rows: view.legalStatuses.map((status) =>
        row(span(status.from_date, status.to_date), coded('LS', status.code, status.from_date)),
      ),
      actions: [],
    },
    {
      heading: 'Placements',
      rows: view.placements.map((placement) =>
        row(
          span(placement.start_date, placement.end_date),
          [
            coded('PLACE', placement.place, placement.start_date),
            coded('PLACE_PROVIDER', placement.provider, placement.start_date),
            placement.postcode ? `postcode ${placement.postcode}` : '',
            placement.in_area === false ? 'outside the council’s area' : '',
            placement.unregistered ? 'UNREGISTERED' : '',
            placement.change_reason
              ? `ended: ${coded('REASON_PLACE_CHANGE', placement.change_reason, placement.end_date ?? placement.start_date)}`
              : '',
          ]
            .filter(Boolean)
            .join('; '),
        ),
      ),
      actions: [],
    },
    {
      heading: 'Reviews',
      rows: view.reviews.map((review) =>
        row(ukDate(review.held_on), coded('REVIEW_CODE', review.participation, review.held_on)),
      ),
      actions: open ? [link('care-reviews', 'Record a review')] : [],
    },
    {
      heading: 'Visits',
      rows: view.visits.map((visit) =>
        row(
          ukDate(visit.visited_on),
          `Seen: ${yesNo(visit.seen)}; alone: ${yesNo(visit.seen_alone)}; bedroom seen: ${yesNo(visit.bedroom_seen)}`,
        ),
      ),
      actions: [link('visits', 'Record a visit')],
    },
    {
      heading: 'Health and education',
      rows: [
        ...view.health.map((check) => row(ukDate(check.completed_on), `Health: ${check.kind}`)),
        ...view.educationPlans.map((plan) =>
          row(ukDate(plan.completed_on), `Personal education plan: ${plan.kind}`),
        ),
      ],
      actions: open
        ? [
            link('health-assessments', 'Record a health assessment'),
            link('personal-education-plans', 'Record a personal education plan'),
          ]
        : [],
    },
    {
      heading: 'Missing episodes',
      rows: view.missing.map((episode) =>
        row(
          span(episode.started_on, episode.ended_on),
          `${coded('MISSING', episode.kind, episode.started_on)}; return interview offered: ${yesNo(episode.return_interview_offered)}, accepted: ${yesNo(episode.return_interview_accepted)}`,
        ),
      ),
      actions: [link('missing-episodes', 'Record a missing episode')],
    },
    {
      heading: 'Leaving care',
      rows: [
        ...view.careLeaver.map((status) =>
          row(
            span(status.from_date, status.to_date),
            `${status.status.replace('-', ' ')}${status.adviser_name ? `; personal adviser ${status.adviser_name}` : ''}`,
          ),
        ),
        ...view.pathwayPlans.map((plan) =>
          row(
            `Pathway plan from ${ukDate(plan.started_on)}`,
            `Reviews: ${
              view.pathwayReviews
                .filter((review) => review.pathway_plan_id === plan.id)
                .map((review) => ukDate(review.held_on))
                .join(', ') || 'none yet'
            }`,
          ),
        ),
        ...view.contacts.map((contact) =>
          row(
            ukDate(contact.contacted_on),
            `${coded('IN_TOUCH', contact.in_touch, contact.contacted_on)}; ${coded('ACCOM', contact.accommodation, contact.contacted_on)}; ${coded('ACTIV', contact.activity, contact.contacted_on)}`,
          ),
        ),
      ],
      actions: careLeaver
        ? [
            openPathwayPlan
              ? link('pathway-plan-reviews', 'Record a pathway plan review')
              : link('pathway-plans', 'Start a pathway plan'),
            link('care-leaver-contacts', 'Record keeping in touch'),
            link('care-leaver-statuses', 'Record a change of care leaver status'),
          ]
        : [],
    },
  ];
}

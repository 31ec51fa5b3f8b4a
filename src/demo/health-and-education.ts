import { SHIPPED_YEARS } from '../domain/calendar/bank-holidays.ts';
import { typicalSchoolTerms } from '../domain/timescales/child-obligations.ts';
import type { Period } from '../domain/timescales/deadline-rules.ts';
import { addYears, dayOf, isoOf, onWorkingDay, type Day } from './days.ts';
import { timeliness } from './rates.ts';
import type { Story } from './story.ts';

/**
 * Health and education work for a child in care, done to the timescales src/domain/timescales judges it by
 * (health-and-education.ts there), with the timeliness of rates.ts.
 */
/**
 * Whether this one is on time, spread evenly over the council's children (`Council.share`) rather than drawn: a
 * small council starts few periods of care a year, and by chance alone its share on time would swing by ten points.
 */
function onTime(story: Story, work: 'initialHealthAssessment' | 'personalEducationPlan'): boolean {
  return story.council.share(work, timeliness[work]);
}

const sixMonths: Period = { amount: 6, unit: 'months' };
const twelveMonths: Period = { amount: 12, unit: 'months' };

/**
 * Care Planning Regulations 2010, reg. 7, and "Promoting the health and wellbeing of looked-after children"
 * (DfE/DHSC 2015): an initial health assessment within 20 working days of coming into care; reviews at least
 * every 6 months before the fifth birthday and every 12 months from it, the interval set by the child's age at
 * the assessment before; a dental check yearly.
 */
export function healthAssessments(story: Story, start: Day, until: Day, recordedBy: () => string): void {
  const initial = story.withinWorkingDays(start, 20, onTime(story, 'initialHealthAssessment'), 5);
  if (initial >= until) return;
  const add = (kind: string, day: Day) =>
    story.add('health_assessments', day, { kind, completed_on: isoOf(day), recorded_by: recordedBy() });
  add('initial', initial);
  const fifthBirthday = addYears(story.born, 5);
  const interval = (previous: Day) => (previous < fifthBirthday ? sixMonths : twelveMonths);
  const reviewed = timeliness.healthAssessmentReview;
  for (const day of story.recurring(initial, until - 1, interval(initial), interval, reviewed))
    add('review', day);
  for (const day of story.recurring(initial, until - 1, twelveMonths, twelveMonths, 0.8)) add('dental', day);
}

/** The typical English school terms as [first day, last day], read once from the domain's list. */
let terms: [Day, Day][] | undefined;
function schoolTerms(): [Day, Day][] {
  terms ??= typicalSchoolTerms(SHIPPED_YEARS.first, SHIPPED_YEARS.last).map((term) => [
    dayOf(term.startsOn.toString()),
    dayOf(term.endsOn.toString()),
  ]);
  return terms;
}

/**
 * Personal education plans ("Promoting the education of looked-after and previously looked-after children",
 * DfE 2018): for children from 3 (in early education) to 18, started within 10 working days of coming into care
 * (or of turning 3 in care), then a PEP meeting in every school term after it, on the typical terms by which
 * Hearth judges them when a school's own are not recorded.
 */
export function educationPlans(story: Story, start: Day, until: Day, recordedBy: () => string): void {
  const from = Math.max(start, addYears(story.born, 3));
  const ends = Math.min(until, addYears(story.born, 18));
  if (from >= ends) return;
  const initial = story.withinWorkingDays(from, 10, onTime(story, 'personalEducationPlan'), 3);
  if (initial >= ends) return;
  const add = (kind: string, day: Day) =>
    story.add('personal_education_plans', day, { kind, completed_on: isoOf(day), recorded_by: recordedBy() });
  add('initial', initial);
  const last = Math.min(ends - 1, story.asAt);
  for (const [opens, closes] of schoolTerms()) {
    if (opens <= initial || opens > last) continue;
    if (!story.random.chance(timeliness.personalEducationPlanReview)) continue;
    const day = onWorkingDay(story.random.int(opens, Math.min(closes, last)));
    if (day <= Math.min(closes, last)) add('review', day);
  }
}

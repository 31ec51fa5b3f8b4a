import { DEADLINE_RULES } from '../domain/timescales/deadline-rules.ts';
import { addRow } from './context.ts';
import { addYears, ageOn, isoOf, type Day } from './days.ts';
import { timeliness } from './rates.ts';
import type { Story } from './story.ts';

/**
 * Leaving care (Care Leavers (England) Regulations 2010): status with a personal adviser, a pathway plan reviewed
 * at least 6-monthly (reg. 7) and contact at least every 2 months (reg. 8), until support ends at 21 or, for those
 * who ask for it, 25.
 */
export function leaveCare(story: Story, start: Day, end: Day): void {
  const random = story.random;
  const eighteen = addYears(story.born, 18);
  const supportEnds = addYears(story.born, random.chance(0.7) ? 21 : 25);
  story.allocateTo('care-experienced', end, 'Left care: personal adviser');
  const adviser = story.rows.allocations!.at(-1)!;
  const spans: [string, Day, Day][] =
    end < eighteen
      ? [
          ['relevant', end, eighteen],
          ['former-relevant', eighteen, supportEnds],
        ]
      : [['former-relevant', end, supportEnds]];
  for (const [status, from, to] of spans) {
    if (from > story.asAt) break;
    story.add('care_leaver_statuses', from, {
      status,
      from_date: isoOf(from),
      to_date: to <= story.asAt ? isoOf(to) : null,
      personal_adviser_id: null,
      adviser_allocation: adviser,
      recorded_by: story.worker('care-experienced', from),
    });
  }
  const planStart = Math.max(start, addYears(story.born, 16));
  const planEnds = supportEnds <= story.asAt ? supportEnds : null;
  const plan = story.add('pathway_plans', planStart, {
    started_on: isoOf(planStart),
    ended_on: planEnds === null ? null : isoOf(planEnds),
    recorded_by: story.worker('children-in-care', planStart),
  });
  const review = DEADLINE_RULES['pathway-plan-review'].period;
  const reviewsUntil = (planEnds ?? story.asAt) - 1;
  for (const day of story.recurring(planStart, reviewsUntil, review, review, timeliness.pathwayPlanReview))
    story.add('pathway_plan_reviews', day, {
      pathway_plan_id: plan.id,
      held_on: isoOf(day),
      recorded_by: story.worker('care-experienced', day),
    });
  const inTouchLikely = random.chance(0.88);
  const contact = DEADLINE_RULES['care-leaver-contact'].period;
  const contactsUntil = (planEnds ?? story.asAt) - 1;
  // The personal adviser first sees the young person within weeks of leaving care, then at least every 2 months:
  // a first contact only after 2 months left those leaving on their 18th birthday with none around it (OC3).
  const firstContact = { amount: 4, unit: 'weeks' } as const;
  for (const day of story.recurring(
    end,
    contactsUntil,
    firstContact,
    contact,
    timeliness.careLeaverContact,
  )) {
    const inTouch = inTouchLikely ? (random.chance(0.95) ? 'YES' : 'NO') : random.pick(['NO', 'REFU', 'YES']);
    addRow(story.rows, 'care_leaver_contacts', {
      council_id: story.council.id,
      id: story.id(day),
      child_id: story.childId,
      contacted_on: isoOf(day),
      in_touch: inTouch,
      accommodation:
        inTouch === 'YES'
          ? random.weighted([
              ['U1', 25],
              ['D1', 20],
              ['E1', 8],
              // Staying put with former foster carers (Z1) is from 18 (3001).
              ['Z1', ageOn(story.born, day) >= 18 ? 10 : 0],
              ['B1', 12],
              // A foyer is not for a care leaver under 18 at the start of the year (347): 19 on the day is safe.
              ['T1', ageOn(story.born, day) >= 19 ? 5 : 0],
              ['K1', 5],
              ['S2', 2],
              ['B2', 3],
              ['X2', 1],
            ] as const)
          : '0',
      activity:
        inTouch === 'YES'
          ? random.weighted([
              ['F2', 25],
              ['F1', 8],
              ['F5', 15],
              ['P2', 5],
              ['F4', 4],
              ['G4', 15],
              ['G5', 8],
              ['G6', 10],
            ] as const)
          : '0',
      recorded_by: story.worker('care-experienced', day),
      created_at: `${isoOf(day)}T12:00:00Z`,
    });
  }
  if (planEnds !== null) story.allocateTo(null, planEnds);
}

import { Temporal } from 'temporal-polyfill';
import type { ChildTimescaleFacts } from './child-obligations.ts';
import type { Obligation } from './obligation.ts';

/** A written-out date in a test. */
export const day = (text: string) => Temporal.PlainDate.from(text);

/** An obligation as a test row reads it: due by, met on (or '-'), status. */
export function summary(obligation: Obligation): [string, string, Obligation['status']] {
  return [obligation.dueBy.toString(), obligation.metOn?.toString() ?? '-', obligation.status];
}

/** A child with nothing recorded, for tests to add to. */
export const noTimescaleFacts: ChildTimescaleFacts = {
  contacts: [],
  episodes: [],
  enquiries: [],
  childProtectionPlans: [],
  childInNeedPlans: [],
  visits: [],
  periodsOfCare: [],
  careReviews: [],
  healthAssessments: [],
  personalEducationPlans: [],
  pathwayPlans: [],
};

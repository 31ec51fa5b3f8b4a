import { Temporal } from 'temporal-polyfill';
import type { Problem as FieldProblem } from '../journey/rules.ts';

/**
 * The council's establishment (issue 21, part 1): its teams, each with a caseload target and a manager, and the
 * funded posts in each team with their FTE, from the day a post is established to the day it is disestablished.
 * The DfE's children's social work workforce census counts a post as vacant on any day it is established and
 * nobody employed holds it, so a post's dates are what the vacancy rate is worked out from.
 */

/** The kinds of team a council has (DOMAIN.md, section 4), in the words its people use. */
export const teamKinds = {
  assessment: 'Assessment',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection',
  'children-in-care': 'Children in care',
  'care-experienced': 'Care experienced (leaving care)',
  mash: 'Multi-agency safeguarding hub (MASH)',
  'disabled-children': 'Disabled children',
  fostering: 'Fostering',
  adoption: 'Adoption',
  'early-help': 'Early help',
} as const;

/** An FTE is a share of a full-time post, to two places, as the census records it. */
export function fteProblems(fte: number, path = 'fte'): FieldProblem[] {
  if (!(fte > 0 && fte <= 1))
    return [{ path, message: 'Full-time equivalent must be more than 0 and no more than 1' }];
  if (Math.abs(fte * 100 - Math.round(fte * 100)) > 1e-9)
    return [
      { path, message: 'Full-time equivalent must have no more than two decimal places, like 0.8 or 0.75' },
    ];
  return [];
}

/**
 * Why a post cannot be disestablished on a day: it must already have been established, and a post disestablished
 * once is not disestablished again (establish a new post instead).
 */
export function disestablishProblems(
  post: { fromDate: string; toDate: string | null },
  toDate: string,
): FieldProblem[] {
  if (post.toDate !== null)
    return [{ path: 'to', message: 'This post is already disestablished; establish a new post instead' }];
  if (toDate < post.fromDate)
    return [
      { path: 'to', message: 'The last day of the post must be on or after the day it was established' },
    ];
  return [];
}

/** The day before a day, for a dated row that ends when another begins. */
export function dayBefore(day: string): string {
  return Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
}

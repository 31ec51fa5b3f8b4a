import type { CinProtectionPlan } from '../read.ts';
import {
  allOf,
  flagOf,
  from2025,
  inCensus,
  ruleOnGroups,
  startsWithinAnother,
  type CinReturnRule,
  type CinRule,
} from './context.ts';

/** CIN census 2025–26 rules on the ChildProtectionPlans module and its Reviews (DfE CIN census validation rules). */

const planRule = ruleOnGroups<CinProtectionPlan>(
  'ChildProtectionPlans',
  (details) => details.ChildProtectionPlans,
);

function reviewRule(
  code: string,
  message: string,
  fields: readonly string[],
  broken: (review: CinProtectionPlan['Reviews'][number], plan: CinProtectionPlan) => boolean,
  severity: 'error' | 'query' = 'error',
): CinRule {
  return {
    code,
    message,
    tables: ['Reviews'],
    fields,
    years: from2025,
    severity,
    check: (child) =>
      allOf(child, (details) => details.ChildProtectionPlans).flatMap((plan) =>
        plan.Reviews.filter((review) => broken(review, plan)).map(() => flagOf(child, 'Reviews')),
      ),
  };
}

export const cpPlanRules: readonly CinRule[] = [
  planRule(
    '8720',
    'The child protection plan start date is missing or after the end of the census year.',
    ['CPPstartDate'],
    (plan, _details, _child, context) =>
      plan.CPPstartDate === null || plan.CPPstartDate > context.collectionEnd,
  ),
  planRule(
    '1105',
    'The child protection plan start date is before the referral date.',
    ['CPPstartDate', 'CINreferralDate'],
    (plan, details) =>
      plan.CPPstartDate !== null &&
      details.CINreferralDate !== null &&
      plan.CPPstartDate < details.CINreferralDate,
  ),
  planRule(
    '2885',
    'The child protection plan starts on a different day from the initial child protection conference.',
    ['CPPstartDate', 'DateOfInitialCPC'],
    (plan, details, _child, context) => {
      const start = plan.CPPstartDate;
      if (start === null || !inCensus(start, context)) return false;
      if (details.Section47.length > 0)
        return !details.Section47.some((s47) => s47.DateOfInitialCPC === start);
      return details.DateOfInitialCPC !== start;
    },
  ),
  planRule(
    '8730',
    'The number of previous child protection plans is missing or not a whole number of 0 or more.',
    ['NumberOfPreviousCPP'],
    (plan) => plan.NumberOfPreviousCPP === null || !/^\d+$/.test(plan.NumberOfPreviousCPP),
  ),
  planRule(
    '8905',
    'The initial category of abuse is missing or not a valid code.',
    ['InitialCategoryOfAbuse'],
    (plan, _details, _child, context) =>
      !context.codes('InitialCategoryOfAbuse').has(plan.InitialCategoryOfAbuse),
  ),
  planRule(
    '8910',
    'The latest category of abuse is missing or not a valid code.',
    ['LatestCategoryOfAbuse'],
    (plan, _details, _child, context) =>
      !context.codes('LatestCategoryOfAbuse').has(plan.LatestCategoryOfAbuse),
  ),
  planRule(
    '8840',
    'The child protection plan starts and ends on the same day.',
    ['CPPstartDate', 'CPPendDate'],
    (plan) => plan.CPPendDate !== null && plan.CPPendDate === plan.CPPstartDate,
  ),
  planRule(
    '8915',
    "The child protection plan starts after the child's date of death.",
    ['CPPstartDate', 'PersonDeathDate'],
    (plan, _details, child) =>
      child.PersonDeathDate !== null &&
      plan.CPPstartDate !== null &&
      plan.CPPstartDate > child.PersonDeathDate,
  ),
  planRule(
    '8920',
    "The child protection plan ends after the child's date of death.",
    ['PersonDeathDate', 'CPPendDate'],
    (plan, _details, child) =>
      child.PersonDeathDate !== null && plan.CPPendDate !== null && plan.CPPendDate > child.PersonDeathDate,
  ),
  planRule(
    '8925',
    'The child protection plan end date is before its start date.',
    ['CPPstartDate', 'CPPendDate'],
    (plan) => plan.CPPendDate !== null && plan.CPPstartDate !== null && plan.CPPendDate < plan.CPPstartDate,
  ),
  planRule(
    '8930',
    'The child protection plan end date is not within the census year.',
    ['CPPendDate'],
    (plan, _details, _child, context) => plan.CPPendDate !== null && !inCensus(plan.CPPendDate, context),
  ),
  planRule(
    '8935',
    'The child has more than one open child protection plan (with no end date).',
    ['CPPendDate'],
    (plan, _details, child) =>
      plan.CPPendDate === null &&
      allOf(child, (details) => details.ChildProtectionPlans).filter((other) => other.CPPendDate === null)
        .length > 1,
  ),
  {
    code: '8940',
    message: "The child's child protection plans overlap.",
    tables: ['ChildProtectionPlans'],
    fields: ['CPPstartDate', 'CPPendDate'],
    years: from2025,
    check: (child, context) =>
      startsWithinAnother(
        allOf(child, (details) => details.ChildProtectionPlans),
        (plan) => plan.CPPstartDate,
        (plan) => plan.CPPendDate,
        context.collectionEnd,
      ).map(() => flagOf(child, 'ChildProtectionPlans')),
  },
  reviewRule(
    '8841',
    'A review of the child protection plan is on or before the day the plan started.',
    ['CPPstartDate', 'CPPreviewDate'],
    (review, plan) =>
      review.CPPreviewDate !== null &&
      plan.CPPstartDate !== null &&
      review.CPPreviewDate <= plan.CPPstartDate,
  ),
  reviewRule(
    '8842Q',
    'Please check: a review of the child protection plan has no date.',
    ['CPPreviewDate'],
    (review) => review.CPPreviewDate === null,
    'query',
  ),
];

/** 2883: across the council, no more plans may start in the year than initial conferences were held. */
export const cpPlanReturnRules: readonly CinReturnRule[] = [
  {
    code: '2883',
    message:
      'More child protection plans start in the census year than initial child protection conferences are held.',
    tables: ['ChildProtectionPlans'],
    fields: ['CPPstartDate', 'DateOfInitialCPC'],
    years: from2025,
    check: (census, context) => {
      let plans = 0;
      let conferences = 0;
      const counts = (date: string | null) => date !== null && inCensus(date, context);
      for (const child of census.children) {
        for (const details of child.CINdetails) {
          if (counts(details.DateOfInitialCPC)) conferences++;
          for (const s47 of details.Section47) if (counts(s47.DateOfInitialCPC)) conferences++;
          for (const plan of details.ChildProtectionPlans) if (counts(plan.CPPstartDate)) plans++;
        }
      }
      return plans > conferences ? [{ table: 'ChildProtectionPlans', row: 0 }] : [];
    },
  },
];

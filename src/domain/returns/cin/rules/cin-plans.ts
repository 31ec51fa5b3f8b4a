import type { CinPlanDates, CinProtectionPlan } from '../read.ts';
import {
  allOf,
  flagOf,
  from2025,
  inCensus,
  isTrue,
  ruleOnGroups,
  startsWithinAnother,
  withinSpan,
  type CinRule,
} from './context.ts';

/** CIN census 2025–26 rules on the CINPlanDates module: child in need plans (DfE CIN census validation rules). */

const cinPlanRule = ruleOnGroups<CinPlanDates>('CINPlanDates', (details) => details.CINPlanDates);
/** 4017 looks from the child protection plan to the CIN plans. */
const cppRule = ruleOnGroups<CinProtectionPlan>(
  'ChildProtectionPlans',
  (details) => details.ChildProtectionPlans,
);

export const cinPlanRules: readonly CinRule[] = [
  cinPlanRule(
    '4000',
    'CIN plan dates are given for a referral with no further action.',
    ['ReferralNFA'],
    (_plan, details) => isTrue(details.ReferralNFA),
  ),
  cinPlanRule(
    '4010',
    'The CIN plan start date is missing or after the end of the census year.',
    ['CINPlanStartDate'],
    (plan, _details, _child, context) =>
      plan.CINPlanStartDate === null || plan.CINPlanStartDate > context.collectionEnd,
  ),
  cinPlanRule(
    '4011',
    'The CIN plan end date is before its start date.',
    ['CINPlanEndDate', 'CINPlanStartDate'],
    (plan) =>
      plan.CINPlanEndDate !== null &&
      plan.CINPlanStartDate !== null &&
      plan.CINPlanEndDate < plan.CINPlanStartDate,
  ),
  cinPlanRule(
    '4012Q',
    'Please check: the CIN plan starts and ends on the same day.',
    ['CINPlanStartDate', 'CINPlanEndDate'],
    (plan) => plan.CINPlanEndDate !== null && plan.CINPlanEndDate === plan.CINPlanStartDate,
    'query',
  ),
  cinPlanRule(
    '4013',
    'The CIN plan end date is not within the census year.',
    ['CINPlanEndDate'],
    (plan, _details, _child, context) =>
      plan.CINPlanEndDate !== null && !inCensus(plan.CINPlanEndDate, context),
  ),
  cinPlanRule(
    '4015',
    'The CIN plan start date is before the referral date.',
    ['CINPlanStartDate', 'CINreferralDate'],
    (plan, details) =>
      plan.CINPlanStartDate !== null &&
      details.CINreferralDate !== null &&
      plan.CINPlanStartDate < details.CINreferralDate,
  ),
  cinPlanRule(
    '4008',
    "The CIN plan starts after the child's date of death.",
    ['PersonDeathDate', 'CINPlanStartDate'],
    (plan, _details, child) =>
      child.PersonDeathDate !== null &&
      plan.CINPlanStartDate !== null &&
      plan.CINPlanStartDate > child.PersonDeathDate,
  ),
  cinPlanRule(
    '4009Q',
    "Please check: the CIN plan ends after the child's date of death.",
    ['PersonDeathDate', 'CINPlanEndDate'],
    (plan, _details, child) =>
      child.PersonDeathDate !== null &&
      plan.CINPlanEndDate !== null &&
      plan.CINPlanEndDate > child.PersonDeathDate,
    'query',
  ),
  cinPlanRule(
    '4004',
    'The episode has more than one open CIN plan (with no end date).',
    ['CINPlanEndDate'],
    (plan, details) =>
      plan.CINPlanEndDate === null &&
      details.CINPlanDates.filter((other) => other.CINPlanEndDate === null).length > 1,
  ),
  {
    code: '4014',
    message: "The child's CIN plans overlap.",
    tables: ['CINPlanDates'],
    fields: ['CINPlanStartDate', 'CINPlanEndDate'],
    years: from2025,
    check: (child, context) =>
      startsWithinAnother(
        allOf(child, (details) => details.CINPlanDates),
        (plan) => plan.CINPlanStartDate,
        (plan) => plan.CINPlanEndDate,
        context.collectionEnd,
      ).map(() => flagOf(child, 'CINPlanDates')),
  },
  cinPlanRule(
    '4001',
    'An open CIN plan runs at the same time as an open child protection plan in the same episode.',
    ['CINPlanEndDate', 'CPPendDate'],
    (plan, details) =>
      plan.CINPlanEndDate === null && details.ChildProtectionPlans.some((cpp) => cpp.CPPendDate === null),
  ),
  cinPlanRule(
    '4016',
    'A CIN plan starts while a child protection plan is open.',
    ['CINPlanStartDate', 'CPPstartDate', 'CPPendDate'],
    (plan, _details, child, context) => {
      const start = plan.CINPlanStartDate;
      if (start === null) return false;
      return allOf(child, (details) => details.ChildProtectionPlans).some(
        (cpp) =>
          cpp.CPPstartDate !== null &&
          withinSpan(start, cpp.CPPstartDate, cpp.CPPendDate, context.collectionEnd),
      );
    },
  ),
  cppRule(
    '4017',
    'A child protection plan starts while a CIN plan is open.',
    ['CINPlanStartDate', 'CINPlanEndDate', 'CPPstartDate'],
    (cpp, _details, child, context) => {
      const start = cpp.CPPstartDate;
      if (start === null) return false;
      return allOf(child, (details) => details.CINPlanDates).some(
        (plan) =>
          plan.CINPlanStartDate !== null &&
          withinSpan(start, plan.CINPlanStartDate, plan.CINPlanEndDate, context.collectionEnd),
      );
    },
  ),
  {
    code: '4003',
    message: 'A child protection plan review is shown as held while a CIN plan was open.',
    tables: ['Reviews'],
    fields: ['CINPlanStartDate', 'CINPlanEndDate', 'CPPreviewDate'],
    years: from2025,
    check: (child) =>
      child.CINdetails.flatMap((details) =>
        details.ChildProtectionPlans.flatMap((cpp) =>
          cpp.Reviews.filter((review) => {
            const date = review.CPPreviewDate;
            if (date === null || date === cpp.CPPendDate) return false;
            return details.CINPlanDates.some(
              (plan) =>
                plan.CINPlanStartDate !== null &&
                plan.CINPlanEndDate !== null &&
                plan.CINPlanStartDate <= date &&
                date < plan.CINPlanEndDate,
            );
          }).map(() => flagOf(child, 'Reviews')),
        ),
      ),
  },
];

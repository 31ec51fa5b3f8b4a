import { addDays, type IsoDate } from '../../dates.ts';
import type { CinChild, CinDetails } from '../read.ts';
import {
  inCensus,
  isFalse,
  isTrue,
  ruleOnGroups,
  withinSpan,
  type CinContext,
  type CinRule,
} from './context.ts';

/** CIN census 2025–26 rules on the CINdetails module: the episode of need (DfE CIN census validation rules). */

const onDetails = ruleOnGroups<CinDetails>('CINdetails', (details) => [details]);
/** A rule on each CINdetails module, as a function of the module, the child and the context. */
const detailsRule = (
  code: string,
  message: string,
  fields: readonly string[],
  broken: (details: CinDetails, child: CinChild, context: CinContext) => boolean,
  severity?: 'error' | 'query',
): CinRule =>
  onDetails(
    code,
    message,
    fields,
    (details, _same, child, context) => broken(details, child, context),
    severity,
  );

/** An episode still open at the end of the year that went on to further action (8815, 8816, 8820). */
const openAndFurther = (details: CinDetails): boolean =>
  details.CINclosureDate === null && isFalse(details.ReferralNFA);

const closedAfterAssessment = (details: CinDetails): boolean =>
  details.ReasonForClosure === 'RC8' || details.ReasonForClosure === 'RC9';

/** Every date of activity within an episode that its closure may not precede (8565). */
function activityDates(details: CinDetails): IsoDate[] {
  const dates: (IsoDate | null)[] = [details.DateOfInitialCPC];
  for (const assessment of details.Assessments)
    dates.push(assessment.AssessmentActualStartDate, assessment.AssessmentAuthorisationDate);
  for (const s47 of details.Section47) dates.push(s47.S47ActualStartDate, s47.DateOfInitialCPC);
  for (const plan of details.ChildProtectionPlans) dates.push(plan.CPPendDate);
  for (const plan of details.CINPlanDates) dates.push(plan.CINPlanStartDate, plan.CINPlanEndDate);
  return dates.filter((date): date is IsoDate => date !== null);
}

export const cinDetailsRules: readonly CinRule[] = [
  detailsRule(
    '8600',
    'The referral date is missing or after the end of the census year.',
    ['CINreferralDate'],
    (details, _child, context) =>
      details.CINreferralDate === null || details.CINreferralDate > context.collectionEnd,
  ),
  detailsRule(
    '8606',
    'The referral date is more than 40 weeks (280 days) before the date of birth or expected date of birth.',
    ['CINreferralDate', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    (details, child) => {
      const referral = details.CINreferralDate;
      if (referral === null) return false;
      return [child.PersonBirthDate, child.ExpectedPersonBirthDate].some(
        (birth) => birth !== null && referral < addDays(birth, -280),
      );
    },
  ),
  detailsRule(
    '8555Q',
    'Please check: the child is shown as referred after their date of death.',
    ['PersonDeathDate', 'CINreferralDate'],
    (details, child) =>
      child.PersonDeathDate !== null &&
      details.CINreferralDate !== null &&
      details.CINreferralDate > child.PersonDeathDate,
    'query',
  ),
  detailsRule(
    '8866',
    'The source of the referral is missing or not a valid code.',
    ['CINreferralDate', 'ReferralSource'],
    (details, _child, context) =>
      details.CINreferralDate !== null &&
      details.CINreferralDate >= '2013-04-01' &&
      !context.codes('ReferralSource').has(details.ReferralSource),
  ),
  detailsRule(
    '8568',
    'The referral with no further action flag (ReferralNFA) is missing or not true, false, 1 or 0.',
    ['ReferralNFA'],
    (details, _child, context) => !context.codes('ReferralNFA').has(details.ReferralNFA),
  ),
  detailsRule(
    '8569Q',
    'Please check: a referral made before the working day before the census year began cannot be a referral with no further action.',
    ['ReferralNFA', 'CINreferralDate'],
    (details, _child, context) =>
      details.CINreferralDate !== null &&
      details.CINreferralDate < context.nfaReferralFrom &&
      !isFalse(details.ReferralNFA),
    'query',
  ),
  detailsRule(
    '8610',
    'The primary need code is missing for a referral that went on to further action.',
    ['ReferralNFA', 'PrimaryNeedCode'],
    (details) => isFalse(details.ReferralNFA) && details.PrimaryNeedCode === null,
  ),
  detailsRule(
    '8650',
    'The primary need code is not a valid code.',
    ['PrimaryNeedCode'],
    (details, _child, context) =>
      details.PrimaryNeedCode !== null && !context.codes('PrimaryNeedCode').has(details.PrimaryNeedCode),
  ),
  detailsRule(
    '8620',
    'The closure date is not within the census year.',
    ['CINclosureDate'],
    (details, _child, context) =>
      details.CINclosureDate !== null && !inCensus(details.CINclosureDate, context),
  ),
  detailsRule(
    '8630',
    'The closure date is before the referral date of the same episode.',
    ['CINreferralDate', 'CINclosureDate'],
    (details) =>
      details.CINclosureDate !== null &&
      details.CINreferralDate !== null &&
      details.CINclosureDate < details.CINreferralDate,
  ),
  detailsRule(
    '8640',
    'The reason for closure is not a valid code.',
    ['ReasonForClosure'],
    (details, _child, context) =>
      details.ReasonForClosure !== null && !context.codes('ReasonForClosure').has(details.ReasonForClosure),
  ),
  detailsRule(
    '8805',
    'A closure date is given without a reason for closure.',
    ['CINclosureDate', 'ReasonForClosure'],
    (details) => details.CINclosureDate !== null && details.ReasonForClosure === null,
  ),
  detailsRule(
    '8810',
    'A reason for closure is given without a closure date.',
    ['ReasonForClosure', 'CINclosureDate'],
    (details) => details.ReasonForClosure !== null && details.CINclosureDate === null,
  ),
  detailsRule(
    '8585Q',
    'Please check: the episode closed because the child died (RC2), but no date of death is recorded.',
    ['ReasonForClosure', 'PersonDeathDate'],
    (details, child) => details.ReasonForClosure === 'RC2' && child.PersonDeathDate === null,
    'query',
  ),
  detailsRule(
    '8565',
    'Activity is shown after the episode was closed.',
    [
      'CINclosureDate',
      'DateOfInitialCPC',
      'AssessmentActualStartDate',
      'AssessmentAuthorisationDate',
      'S47ActualStartDate',
      'CPPendDate',
      'CINPlanStartDate',
      'CINPlanEndDate',
    ],
    (details) => {
      const closure = details.CINclosureDate;
      return closure !== null && activityDates(details).some((date) => date > closure);
    },
  ),
  detailsRule(
    '8815',
    'More than one episode is open (no closure date) and not a referral with no further action.',
    ['ReferralNFA', 'CINclosureDate'],
    (details, child) => openAndFurther(details) && child.CINdetails.filter(openAndFurther).length > 1,
  ),
  detailsRule(
    '8816',
    'An open episode that is not a referral with no further action is not the latest episode.',
    ['CINreferralDate', 'ReferralNFA'],
    (details, child) => {
      const referral = details.CINreferralDate;
      if (!openAndFurther(details) || referral === null) return false;
      return child.CINdetails.some(
        (other) => other.CINreferralDate !== null && other.CINreferralDate > referral,
      );
    },
  ),
  detailsRule(
    '8820',
    "The dates of the child's episodes overlap.",
    ['CINreferralDate', 'CINclosureDate'],
    (details, child, context) => {
      const referral = details.CINreferralDate;
      if (referral === null) return false;
      return child.CINdetails.some((other) => {
        if (other === details || other.CINreferralDate === null) return false;
        if (other.CINclosureDate === null && !isFalse(other.ReferralNFA)) return false;
        return withinSpan(referral, other.CINreferralDate, other.CINclosureDate, context.collectionEnd);
      });
    },
  ),
  detailsRule(
    '8825Q',
    'Please check: the episode closed after assessment (RC8 or RC9) but has no assessment.',
    ['ReasonForClosure'],
    (details) => closedAfterAssessment(details) && details.Assessments.length === 0,
    'query',
  ),
  detailsRule(
    '2990',
    'Activity is recorded on an episode closed after assessment with no further action or referred to early help (RC8 or RC9).',
    ['ReasonForClosure'],
    (details) =>
      closedAfterAssessment(details) &&
      (details.Section47.length > 0 ||
        details.ChildProtectionPlans.length > 0 ||
        details.DateOfInitialCPC !== null ||
        details.CINPlanDates.length > 0),
  ),
  detailsRule(
    '2991Q',
    'Please check: a section 47 enquiry is recorded on an episode with no assessment.',
    ['Section47', 'Assessments'],
    (details) => details.Section47.length > 0 && details.Assessments.length === 0,
    'query',
  ),
  detailsRule(
    '8831',
    'Activity is recorded on a referral with no further action.',
    ['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'DateOfInitialCPC'],
    (details) =>
      isTrue(details.ReferralNFA) &&
      (details.DateOfInitialCPC !== null ||
        details.Assessments.some(
          (assessment) =>
            assessment.AssessmentActualStartDate !== null || assessment.AssessmentAuthorisationDate !== null,
        ) ||
        details.Section47.some((s47) => s47.S47ActualStartDate !== null || s47.DateOfInitialCPC !== null)),
  ),
  detailsRule(
    '8832',
    'Child protection details are given for a referral with no further action.',
    ['ReferralNFA', 'ChildProtectionPlans'],
    (details) => isTrue(details.ReferralNFA) && details.ChildProtectionPlans.length > 0,
  ),
  detailsRule(
    '8867',
    'The episode is closed but an assessment has no authorisation (completion) date.',
    ['CINclosureDate', 'AssessmentAuthorisationDate'],
    (details) =>
      details.CINclosureDate !== null &&
      details.Assessments.some((assessment) => assessment.AssessmentAuthorisationDate === null),
  ),
  detailsRule(
    '8868',
    'The episode is closed but a section 47 enquiry has neither an initial conference date nor "conference not required".',
    ['CINclosureDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    (details) =>
      details.CINclosureDate !== null &&
      details.Section47.some((s47) => s47.DateOfInitialCPC === null && !isTrue(s47.ICPCnotRequired)),
  ),
];

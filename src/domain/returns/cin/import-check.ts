import type { CinChild, CinDetails } from './census.ts';

/**
 * What a child of a past CIN census must give for Hearth's record to hold it (issue 19, part 1): less than the
 * DfE's validation asks (a return the DfE accepted years ago is taken as it was), but every value the record
 * requires, with its code where the record checks one. Each problem names the element and says why.
 */
export interface ChildProblem {
  readonly field: string;
  readonly reason: string;
}

const categories = new Set(['NEG', 'PHY', 'EMO', 'SAB', 'MUL']);
const isFlag = (flag: string | null) => flag === null || ['true', 'false', '1', '0'].includes(flag);

function episodeProblems(details: CinDetails, problems: ChildProblem[]): void {
  const at = `CINdetails ${details.position}`;
  const problem = (field: string, reason: string) => problems.push({ field, reason: `${at}: ${reason}` });
  const referral = details.CINreferralDate;
  if (referral === null && details.unreadable.CINreferralDate === undefined)
    problem('CINreferralDate', 'there is no referral date; the episode cannot be kept without one.');
  if (details.ReferralSource === null) problem('ReferralSource', 'there is no referral source.');
  if (details.PrimaryNeedCode === null || !/^N[0-9]$/.test(details.PrimaryNeedCode))
    problem('PrimaryNeedCode', `the primary need "${details.PrimaryNeedCode ?? ''}" is not N0 to N9.`);
  if ((details.CINclosureDate === null) !== (details.ReasonForClosure === null))
    problem(
      details.CINclosureDate === null ? 'CINclosureDate' : 'ReasonForClosure',
      'a closure needs both its date and its reason.',
    );
  if (details.CINclosureDate !== null && referral !== null && details.CINclosureDate < referral)
    problem('CINclosureDate', `the closure ${details.CINclosureDate} is before the referral ${referral}.`);
  if (!isFlag(details.ReferralNFA)) problem('ReferralNFA', `"${details.ReferralNFA}" is not true or false.`);
  for (const assessment of details.Assessments) {
    if (assessment.AssessmentActualStartDate === null)
      problem('AssessmentActualStartDate', `assessment ${assessment.position} has no start date.`);
    else if (
      assessment.AssessmentAuthorisationDate !== null &&
      assessment.AssessmentAuthorisationDate < assessment.AssessmentActualStartDate
    )
      problem(
        'AssessmentAuthorisationDate',
        `assessment ${assessment.position} is authorised before it started.`,
      );
  }
  for (const plan of details.CINPlanDates) {
    if (plan.CINPlanStartDate === null)
      problem('CINPlanStartDate', `CIN plan ${plan.position} has no start date.`);
    else if (plan.CINPlanEndDate !== null && plan.CINPlanEndDate < plan.CINPlanStartDate)
      problem('CINPlanEndDate', `CIN plan ${plan.position} ends before it starts.`);
  }
  for (const s47 of details.Section47) {
    if (s47.S47ActualStartDate === null)
      problem('S47ActualStartDate', `section 47 enquiry ${s47.position} has no start date.`);
    else if (s47.DateOfInitialCPC !== null && s47.DateOfInitialCPC < s47.S47ActualStartDate)
      problem('DateOfInitialCPC', `section 47 enquiry ${s47.position} has its conference before it started.`);
    if (!isFlag(s47.ICPCnotRequired))
      problem('ICPCnotRequired', `"${s47.ICPCnotRequired}" is not true or false.`);
  }
  for (const plan of details.ChildProtectionPlans) {
    if (plan.CPPstartDate === null) problem('CPPstartDate', `CP plan ${plan.position} has no start date.`);
    else if (plan.CPPendDate !== null && plan.CPPendDate < plan.CPPstartDate)
      problem('CPPendDate', `CP plan ${plan.position} ends before it starts.`);
    for (const field of ['InitialCategoryOfAbuse', 'LatestCategoryOfAbuse'] as const)
      if (!categories.has(plan[field] ?? ''))
        problem(field, `CP plan ${plan.position}: "${plan[field] ?? ''}" is not NEG, PHY, EMO, SAB or MUL.`);
  }
}

/** The problems that keep a child of a past CIN census out of the record; empty when it can be taken. */
export function cinImportProblems(child: CinChild): ChildProblem[] {
  const problems: ChildProblem[] = [];
  if (child.id.trim() === '')
    problems.push({
      field: 'LAchildID',
      reason: 'there is no LAchildID, the key Hearth keeps the child by.',
    });
  if (child.UPN !== null && !/^[A-Z][0-9]{11}[0-9A-Z]$/.test(child.UPN))
    problems.push({ field: 'UPN', reason: `"${child.UPN}" is not a UPN (a letter, 11 digits and a check).` });
  if (child.Sex !== null && !['F', 'M', 'U'].includes(child.Sex))
    problems.push({ field: 'Sex', reason: `"${child.Sex}" is not F, M or U.` });
  if (
    child.PersonDeathDate !== null &&
    child.PersonBirthDate !== null &&
    child.PersonDeathDate < child.PersonBirthDate
  )
    problems.push({ field: 'PersonDeathDate', reason: 'the date of death is before the date of birth.' });
  for (const details of child.CINdetails) episodeProblems(details, problems);
  return problems;
}

import { Temporal } from 'temporal-polyfill';
import { writtenDay } from '../calendar/dates.ts';
import { codeListOn, type CodeList } from '../codes/code-lists.ts';

/**
 * The rules of the front door and assessment (Working Together to Safeguard Children 2023; DfE Children in Need
 * census guide): what a contact, referral, assessment, authorisation and closure must say, checked before
 * anything is written. Each problem names the field it is about, in words for the person at the keyboard.
 */
export interface Problem {
  path: string;
  message: string;
}

/** A date as read from a form: a date, nothing, or why what was typed is not a date. */
export type DateEntry = { date: string | null } | { problem: string };

/** The CIN code list for a date: that of its collection year, or the nearest year Hearth holds. */
export function cinCodes(field: string, on: string): CodeList {
  return codeListOn('CIN', field, on);
}

/**
 * A re-referral is a referral within 12 months of a previous referral of the same child (DfE Children in Need
 * census guide; DOMAIN.md §1.2): a previous referral on or after the same date a year before, and not after.
 */
export function isReReferral(referralDate: string, previousReferralDates: readonly string[]): boolean {
  const yearBefore = Temporal.PlainDate.from(referralDate).subtract({ months: 12 }).toString();
  return previousReferralDates.some((previous) => previous >= yearBefore && previous <= referralDate);
}

/** Reads a date that must be given and must not be in the future; adds a problem if it is not so. */
export function pastDate(
  problems: Problem[],
  path: string,
  entry: DateEntry,
  today: string,
  words: { missing: string; future: string },
): string | null {
  if ('problem' in entry) {
    problems.push({ path, message: entry.problem });
    return null;
  }
  if (entry.date === null) {
    problems.push({ path, message: words.missing });
    return null;
  }
  if (entry.date > today) {
    problems.push({ path, message: words.future });
    return null;
  }
  return entry.date;
}

function code(problems: Problem[], path: string, list: CodeList, value: string, message: string): void {
  if (!list.has(value.trim())) problems.push({ path, message });
}

export const contactDecisions = [
  'no-further-action',
  'information-and-advice',
  'early-help',
  'referral',
] as const;

export interface ContactInput {
  receivedOn: DateEntry;
  source: string;
  reason: string;
  decision: string;
  decidedOn: DateEntry;
}

/** A contact: when it came, from whom (CIN referral source codes), why, and the decision made on it. */
export function contactProblems(input: ContactInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const received = pastDate(problems, 'receivedOn', input.receivedOn, today, {
    missing: 'Enter the date the contact was received',
    future: 'The date the contact was received must be today or in the past',
  });
  code(
    problems,
    'source',
    cinCodes('ReferralSource', received ?? today),
    input.source,
    'Select the source of the contact',
  );
  if (!input.reason.trim()) problems.push({ path: 'reason', message: 'Enter the reason for the contact' });
  if (!(contactDecisions as readonly string[]).includes(input.decision))
    problems.push({ path: 'decision', message: 'Select the decision on the contact' });
  const decided = pastDate(problems, 'decidedOn', input.decidedOn, today, {
    missing: 'Enter the date of the decision',
    future: 'The date of the decision must be today or in the past',
  });
  if (received && decided && decided < received)
    problems.push({
      path: 'decidedOn',
      message: 'The date of the decision must be on or after the contact was received',
    });
  return problems;
}

export interface ReferralInput {
  referralDate: DateEntry;
  source: string;
  primaryNeed: string;
}

export interface ChildFacts {
  dateOfBirth: string | null;
  /** The open episode's referral date, when the child has one. */
  openEpisodeReferredOn: string | null;
}

/**
 * A referral opens an episode of need: its date (not in the future, not before the child was born), its source
 * and primary need (N0–N9) from the CIN code lists. A child has at most one open episode.
 */
export function referralProblems(input: ReferralInput, child: ChildFacts, today: string): Problem[] {
  const problems: Problem[] = [];
  const date = pastDate(problems, 'referralDate', input.referralDate, today, {
    missing: 'Enter the date of the referral',
    future: 'The date of the referral must be today or in the past',
  });
  if (date && child.dateOfBirth && date < child.dateOfBirth)
    problems.push({
      path: 'referralDate',
      message: 'The date of the referral must be on or after the child’s date of birth',
    });
  const on = date ?? today;
  code(problems, 'source', cinCodes('ReferralSource', on), input.source, 'Select the source of the referral');
  code(
    problems,
    'primaryNeed',
    cinCodes('PrimaryNeedCode', on),
    input.primaryNeed,
    'Select the primary need, N0 to N9',
  );
  if (child.openEpisodeReferredOn)
    problems.push({
      path: 'referralDate',
      message: `The child already has an open episode of need, from the referral on ${writtenDay(Temporal.PlainDate.from(child.openEpisodeReferredOn))}: record what is new as a contact, which is added to that episode, or close the episode before recording a new referral`,
    });
  return problems;
}

export const assessmentOutcomes = [
  'no-further-action',
  'early-help',
  'child-in-need-plan',
  'strategy-discussion',
  'looked-after',
  'other',
] as const;

export interface AssessmentInput {
  startDate: DateEntry;
  factors: readonly string[];
  outcome: string;
}

/** An assessment starts from the referral: not before it, not in the future; its factors are CIN codes. */
export function assessmentProblems(
  input: AssessmentInput,
  episode: { referralDate: string; closedOn: string | null },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (episode.closedOn)
    problems.push({
      path: 'startDate',
      message: 'This episode of need is closed: an assessment cannot be added to it',
    });
  const start = pastDate(problems, 'startDate', input.startDate, today, {
    missing: 'Enter the date the assessment started',
    future: 'The date the assessment started must be today or in the past',
  });
  if (start && start < episode.referralDate)
    problems.push({
      path: 'startDate',
      message: 'The assessment must start on or after the date of the referral',
    });
  const factors = cinCodes('AssessmentFactors', start ?? today);
  const unknown = input.factors.filter((factor) => !factors.has(factor));
  if (unknown.length)
    problems.push({
      path: 'factors',
      message: `Select factors from the list: ${unknown.join(', ')} is not a DfE factor code`,
    });
  if (input.outcome && !(assessmentOutcomes as readonly string[]).includes(input.outcome))
    problems.push({ path: 'outcome', message: 'Select the outcome of the assessment' });
  return problems;
}

/** A manager authorises a completed assessment: it has an outcome, and is not authorised before it started. */
export function authorisationProblems(
  authorisedOn: DateEntry,
  assessment: { startDate: string; outcome: string | null; authorisedOn: string | null },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (assessment.authorisedOn)
    problems.push({
      path: 'authorisedOn',
      message: `This assessment was already authorised on ${assessment.authorisedOn}`,
    });
  const date = pastDate(problems, 'authorisedOn', authorisedOn, today, {
    missing: 'Enter the date of authorisation',
    future: 'The date of authorisation must be today or in the past',
  });
  if (date && date < assessment.startDate)
    problems.push({
      path: 'authorisedOn',
      message: 'The date of authorisation must be on or after the assessment started',
    });
  if (!assessment.outcome)
    problems.push({
      path: 'authorisedOn',
      message: 'Record the outcome of the assessment before it is authorised',
    });
  return problems;
}

/** An episode closes with a date and a CIN reason for closure (RC1–RC9), once its assessments are authorised. */
export function closureProblems(
  input: { closedOn: DateEntry; reason: string },
  episode: { referralDate: string; closedOn: string | null; assessmentsAwaitingAuthorisation: number },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (episode.closedOn)
    problems.push({ path: 'closedOn', message: `This episode was already closed on ${episode.closedOn}` });
  const date = pastDate(problems, 'closedOn', input.closedOn, today, {
    missing: 'Enter the date the episode closed',
    future: 'The date the episode closed must be today or in the past',
  });
  if (date && date < episode.referralDate)
    problems.push({ path: 'closedOn', message: 'The episode cannot close before the date of the referral' });
  code(
    problems,
    'reason',
    cinCodes('ReasonForClosure', date ?? today),
    input.reason,
    'Select the reason for closure',
  );
  if (episode.assessmentsAwaitingAuthorisation > 0)
    problems.push({
      path: 'closedOn',
      message: 'An assessment in this episode is not yet authorised: authorise it before closing',
    });
  return problems;
}

export const oversightDecisions = ['authorise', 'return'] as const;

export interface OversightInput {
  decision: string;
  oversightNote: string;
  /** Why the assessment goes back to the worker; needed when it is returned. */
  returnReasons: string;
  outcome: string;
  decidedOn: DateEntry;
}

/**
 * Management oversight of an assessment (Working Together to Safeguard Children 2023, chapter 2: managers make
 * sure the assessment is of good quality and its decision is sound): the manager writes an oversight note and
 * either authorises it with an outcome, which cannot be "not yet known", or returns it to the worker with reasons.
 */
export function oversightProblems(
  input: OversightInput,
  assessment: { startDate: string; authorisedOn: string | null },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (assessment.authorisedOn)
    problems.push({
      path: 'decision',
      message: `This assessment was already authorised on ${assessment.authorisedOn}`,
    });
  if (!(oversightDecisions as readonly string[]).includes(input.decision))
    problems.push({ path: 'decision', message: 'Select whether you authorise the assessment or return it' });
  if (!input.oversightNote.trim())
    problems.push({ path: 'oversightNote', message: 'Enter your oversight note' });
  if (input.decision === 'return' && !input.returnReasons.trim())
    problems.push({
      path: 'returnReasons',
      message: 'Enter the reasons for returning the assessment to the worker',
    });
  if (input.decision === 'authorise') {
    if (!(assessmentOutcomes as readonly string[]).includes(input.outcome))
      problems.push({
        path: 'outcome',
        message: 'Select the outcome of the assessment: an assessment cannot be authorised as not yet known',
      });
    const date = pastDate(problems, 'decidedOn', input.decidedOn, today, {
      missing: 'Enter the date of authorisation',
      future: 'The date of authorisation must be today or in the past',
    });
    if (date && date < assessment.startDate)
      problems.push({
        path: 'decidedOn',
        message: 'The date of authorisation must be on or after the assessment started',
      });
  }
  return problems;
}

/**
 * What an authorised assessment's outcome starts (Working Together 2023): the next step's form, so the manager is
 * asked for it at once. Early help and no further action step down or close the episode of need.
 */
export function nextStepOf(
  outcome: string,
): 'child-in-need-plan' | 'strategy-discussion' | 'looked-after' | 'close' | null {
  switch (outcome) {
    case 'child-in-need-plan':
    case 'strategy-discussion':
    case 'looked-after':
      return outcome;
    case 'no-further-action':
    case 'early-help':
      return 'close';
    default:
      return null;
  }
}

import type { CinAssessment } from '../read.ts';
import { between, inCensus, ruleOnGroups, type CinRule } from './context.ts';

/** CIN census 2025–26 rules on the Assessments module (DfE CIN census validation rules). */

const assessmentRule = ruleOnGroups<CinAssessment>('Assessments', (details) => details.Assessments);

const open = (assessment: CinAssessment): boolean => assessment.AssessmentAuthorisationDate === null;

export const assessmentRules: readonly CinRule[] = [
  assessmentRule(
    '1103',
    'The assessment start date is before the referral date.',
    ['AssessmentActualStartDate', 'CINreferralDate'],
    (assessment, details) =>
      assessment.AssessmentActualStartDate !== null &&
      details.CINreferralDate !== null &&
      assessment.AssessmentActualStartDate < details.CINreferralDate,
  ),
  assessmentRule(
    '8608',
    'The assessment start date is after its authorisation (end) date.',
    ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    (assessment) =>
      assessment.AssessmentAuthorisationDate !== null &&
      assessment.AssessmentActualStartDate !== null &&
      assessment.AssessmentAuthorisationDate < assessment.AssessmentActualStartDate,
  ),
  assessmentRule(
    '8614',
    'Factors identified at assessment are given for an assessment that is not completed.',
    ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    (assessment) => open(assessment) && assessment.AssessmentFactors.length > 0,
  ),
  assessmentRule(
    '8670Q',
    'Please check: the assessment started more than 45 working days before the end of the census year and has no end date.',
    ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    (assessment, _details, _child, context) =>
      open(assessment) &&
      assessment.AssessmentActualStartDate !== null &&
      assessment.AssessmentActualStartDate < context.assessmentOpenSince,
    'query',
  ),
  assessmentRule(
    '8696',
    'The assessment authorisation (end) date is not within the census year.',
    ['AssessmentAuthorisationDate'],
    (assessment, _details, _child, context) =>
      assessment.AssessmentAuthorisationDate !== null &&
      !inCensus(assessment.AssessmentAuthorisationDate, context),
  ),
  assessmentRule(
    '8736',
    'An assessment not completed must have a start date within the census year.',
    ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    // A missing start date is not "on or between" the census dates, and no other rule reports it.
    (assessment, _details, _child, context) =>
      open(assessment) &&
      (assessment.AssessmentActualStartDate === null ||
        !inCensus(assessment.AssessmentActualStartDate, context)),
  ),
  assessmentRule(
    '8863Q',
    'Please check: an assessment starts while another assessment of the episode is ongoing.',
    ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    (assessment, details, _child, context) => {
      const start = assessment.AssessmentActualStartDate;
      if (start === null) return false;
      return details.Assessments.some(
        (other) =>
          other !== assessment &&
          other.AssessmentActualStartDate !== null &&
          between(
            start,
            other.AssessmentActualStartDate,
            other.AssessmentAuthorisationDate ?? context.collectionEnd,
          ),
      );
    },
    'query',
  ),
  assessmentRule(
    '8896',
    'The episode has more than one assessment with no authorisation (end) date.',
    ['AssessmentAuthorisationDate'],
    (assessment, details) => open(assessment) && details.Assessments.filter(open).length > 1,
  ),
  assessmentRule(
    '8897Q',
    'Please check: a completed assessment has no valid factors identified at assessment.',
    ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    (assessment, _details, _child, context) => {
      const authorised = assessment.AssessmentAuthorisationDate;
      if (authorised === null || authorised < context.collectionStart) return false;
      const codes = context.codes('AssessmentFactors');
      return (
        assessment.AssessmentFactors.length === 0 ||
        !assessment.AssessmentFactors.every((code) => codes.has(code))
      );
    },
    'query',
  ),
  assessmentRule(
    '8869',
    'The factor code 21 (no factors identified) is given with other factors.',
    ['AssessmentFactors'],
    // 21 written twice is not "other factors": the repeat is 8898's finding alone.
    (assessment) =>
      assessment.AssessmentFactors.includes('21') &&
      assessment.AssessmentFactors.some((code) => code !== '21'),
  ),
  assessmentRule(
    '8898',
    'The assessment has the same factor code more than once.',
    ['AssessmentFactors'],
    (assessment) => new Set(assessment.AssessmentFactors).size < assessment.AssessmentFactors.length,
  ),
  assessmentRule(
    '8873Q',
    'Please check: the only assessment of the episode found no factors (21), so the reason for closure should be RC8 or RC9.',
    ['ReasonForClosure', 'AssessmentFactors'],
    (assessment, details) =>
      details.Assessments.length === 1 &&
      assessment.AssessmentFactors.includes('21') &&
      details.ReasonForClosure !== 'RC8' &&
      details.ReasonForClosure !== 'RC9',
    'query',
  ),
  assessmentRule(
    '8945Q',
    'Please check: the factor code 18A should not be used; use 18B (by another child) or 18C (by an adult).',
    ['AssessmentFactors'],
    (assessment) => assessment.AssessmentFactors.includes('18A'),
    'query',
  ),
  assessmentRule(
    '8950Q',
    'Please check: the factor code 19A should not be used; use 19B (by another child) or 19C (by an adult).',
    ['AssessmentFactors'],
    (assessment) => assessment.AssessmentFactors.includes('19A'),
    'query',
  ),
];

import type { CinSection47 } from '../read.ts';
import { between, inCensus, isFalse, isTrue, isWeekend, ruleOnGroups, type CinRule } from './context.ts';

/** CIN census 2025–26 rules on the Section47 module: enquiries and initial conferences (DfE CIN census validation rules). */

const section47Rule = ruleOnGroups<CinSection47>('Section47', (details) => details.Section47);

/** An enquiry with no initial conference that is not marked as needing none: it is ongoing (8839, 8890). */
/** An enquiry with no initial conference and ICPCnotRequired false or 0, as 8675Q and 8740 word it. */
const conferenceStillDue = (s47: CinSection47): boolean =>
  s47.DateOfInitialCPC === null && isFalse(s47.ICPCnotRequired);

const awaitingConference = (s47: CinSection47): boolean =>
  s47.DateOfInitialCPC === null && !isTrue(s47.ICPCnotRequired);

export const section47Rules: readonly CinRule[] = [
  section47Rule(
    '1104',
    'The date of the initial child protection conference is before the referral date.',
    ['CINreferralDate', 'DateOfInitialCPC'],
    (s47, details) =>
      s47.DateOfInitialCPC !== null &&
      details.CINreferralDate !== null &&
      s47.DateOfInitialCPC < details.CINreferralDate,
  ),
  section47Rule(
    '2889',
    'The section 47 enquiry start date is before the referral date.',
    ['S47ActualStartDate', 'CINreferralDate'],
    (s47, details) =>
      s47.S47ActualStartDate !== null &&
      details.CINreferralDate !== null &&
      s47.S47ActualStartDate < details.CINreferralDate,
  ),
  section47Rule(
    '2884',
    'An initial child protection conference is recorded both on the section 47 enquiry and on the episode; record it once.',
    ['DateOfInitialCPC'],
    (s47, details) => s47.DateOfInitialCPC !== null && s47.DateOfInitialCPC === details.DateOfInitialCPC,
  ),
  section47Rule(
    '8615',
    'The section 47 enquiry start date is missing or after the date of the initial child protection conference.',
    ['S47ActualStartDate', 'DateOfInitialCPC'],
    (s47) =>
      s47.DateOfInitialCPC !== null &&
      (s47.S47ActualStartDate === null || s47.S47ActualStartDate > s47.DateOfInitialCPC),
  ),
  section47Rule(
    '8715',
    'The date of the initial child protection conference is not within the census year.',
    ['DateOfInitialCPC'],
    (s47, _details, _child, context) =>
      s47.DateOfInitialCPC !== null && !inCensus(s47.DateOfInitialCPC, context),
  ),
  section47Rule(
    '8740',
    'A section 47 enquiry with no initial conference by the end of the census year must have a start date within the census year.',
    ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    (s47, _details, _child, context) =>
      conferenceStillDue(s47) &&
      (s47.S47ActualStartDate === null || !inCensus(s47.S47ActualStartDate, context)),
  ),
  section47Rule(
    '8675Q',
    'Please check: the section 47 enquiry started more than 15 working days before the end of the census year and has no initial conference date.',
    ['DateOfInitialCPC', 'S47ActualStartDate', 'ICPCnotRequired'],
    (s47, _details, _child, context) =>
      conferenceStillDue(s47) &&
      s47.S47ActualStartDate !== null &&
      s47.S47ActualStartDate < context.section47OpenSince,
    'query',
  ),
  section47Rule(
    '8839',
    'The episode has more than one section 47 enquiry still awaiting its initial conference.',
    ['DateOfInitialCPC', 'ICPCnotRequired'],
    (s47, details) => awaitingConference(s47) && details.Section47.filter(awaitingConference).length > 1,
  ),
  section47Rule(
    '8890',
    'A section 47 enquiry starts while another section 47 enquiry of the episode is ongoing.',
    ['S47ActualStartDate'],
    (s47, details, _child, context) => {
      const start = s47.S47ActualStartDate;
      if (start === null) return false;
      return details.Section47.some((other) => {
        if (other === s47 || other.S47ActualStartDate === null) return false;
        if (other.DateOfInitialCPC !== null)
          return between(start, other.S47ActualStartDate, other.DateOfInitialCPC);
        return awaitingConference(other) && between(start, other.S47ActualStartDate, context.collectionEnd);
      });
    },
  ),
  section47Rule(
    '8870Q',
    'Please check: the target date for the initial child protection conference is a Saturday or Sunday.',
    ['InitialCPCtarget'],
    (s47) => s47.InitialCPCtarget !== null && isWeekend(s47.InitialCPCtarget),
    'query',
  ),
  section47Rule(
    '8875',
    'The date of the initial child protection conference is a Saturday or Sunday.',
    ['DateOfInitialCPC'],
    (s47) => s47.DateOfInitialCPC !== null && isWeekend(s47.DateOfInitialCPC),
  ),
];

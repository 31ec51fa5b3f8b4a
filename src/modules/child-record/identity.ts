import { normaliseNhsNumber, nhsNumberProblem } from '../../domain/identifiers/nhs-number.ts';
import { normaliseUpn, upnProblem } from '../../domain/identifiers/upn.ts';
import { cinCodes, type DateEntry, type Problem } from '../../domain/journey/rules.ts';

/** The child's identity as a person edits it (DOMAIN.md §1: identity). */
export interface IdentityInput {
  version: number;
  otherNames: string;
  expectedDateOfBirth: DateEntry;
  sex: string;
  gender: string;
  ethnicity: string;
  firstLanguage: string;
  religion: string;
  disabilities: string[];
  immigrationStatus: string;
  uasc: boolean;
  educationSetting: string;
  upn: string;
  nhsNumber: string;
  reason?: string;
}

const upnMessages = {
  length: 'The UPN must be 13 characters, like A123456789012',
  characters: 'The UPN must be a letter, 11 digits and a digit or letter, like A123456789012',
  'check-letter': 'The UPN’s check letter is wrong: check the UPN against the school’s records',
};
const nhsMessages = {
  length: 'The NHS number must be 10 digits',
  characters: 'The NHS number must be 10 digits, like 943 476 5919',
  'check-digit': 'The NHS number’s check digit is wrong: check the number against the health record',
};

/**
 * The UPN and NHS number as typed, normalised and checked by their check characters; a problem for each that is
 * not valid. Nothing typed is null.
 */
export function identifiersOf(input: { upn: string; nhsNumber: string }, problems: Problem[]) {
  const upn = input.upn.trim() ? normaliseUpn(input.upn) : null;
  const upnFault = upn ? upnProblem(upn) : undefined;
  if (upnFault) problems.push({ path: 'upn', message: upnMessages[upnFault] });
  const nhsNumber = input.nhsNumber.trim() ? normaliseNhsNumber(input.nhsNumber) : null;
  const nhsFault = nhsNumber ? nhsNumberProblem(nhsNumber) : undefined;
  if (nhsFault) problems.push({ path: 'nhsNumber', message: nhsMessages[nhsFault] });
  return { upn, nhsNumber };
}

/**
 * Checks an identity change and returns the columns to write: UPN and NHS number by their check characters,
 * sex, ethnicity and disability by the CIN code lists of today's collection year.
 */
export function identityColumns(input: IdentityInput, today: string) {
  const problems: Problem[] = [];
  const { upn, nhsNumber } = identifiersOf(input, problems);
  if (input.sex && !cinCodes('Sex', today).has(input.sex))
    problems.push({ path: 'sex', message: 'Select the child’s sex' });
  if (input.ethnicity && !cinCodes('Ethnicity', today).has(input.ethnicity))
    problems.push({ path: 'ethnicity', message: 'Select the child’s ethnicity from the list' });
  const disabilities = cinCodes('Disability', today);
  const unknown = input.disabilities.filter((code) => !disabilities.has(code));
  if (unknown.length)
    problems.push({
      path: 'disabilities',
      message: `Select disabilities from the list: ${unknown.join(', ')} is not a DfE code`,
    });
  const expectedEntry = input.expectedDateOfBirth;
  if ('problem' in expectedEntry)
    problems.push({ path: 'expectedDateOfBirth', message: expectedEntry.problem });
  const expected = 'date' in expectedEntry ? expectedEntry.date : null;
  const text = (value: string) => value.trim() || null;
  return {
    problems,
    columns: {
      other_names: text(input.otherNames),
      expected_date_of_birth: expected,
      sex: text(input.sex),
      gender: text(input.gender),
      ethnicity: text(input.ethnicity),
      first_language: text(input.firstLanguage),
      religion: text(input.religion),
      disabilities: [...new Set(input.disabilities)],
      immigration_status: text(input.immigrationStatus),
      uasc: input.uasc,
      education_setting: text(input.educationSetting),
      upn,
      nhs_number: nhsNumber,
    },
  };
}

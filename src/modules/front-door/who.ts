import { Temporal } from 'temporal-polyfill';
import { postcodeKey } from '../../domain/geography/distance.ts';
import type { Enquiry } from '../../domain/identity/possible-duplicates.ts';
import type { DateEntry, Problem } from '../../domain/journey/rules.ts';
import { identifiersOf } from '../child-record/identity.ts';

/** Who a new contact is about, as typed on the front door's first page. */
export interface WhoInput {
  givenName: string;
  familyName: string;
  /** `yes` for a child, `no` for an unborn child. */
  born: string;
  dateOfBirth: DateEntry;
  expectedDateOfBirth: DateEntry;
  addressLine1: string;
  town: string;
  postcode: string;
  nhsNumber: string;
  upn: string;
  parentName: string;
  parentRelationship: string;
}

/** The relationships a parent or carer named at the front door may have to the child. */
export const parentRelationships = { mother: 'Mother', father: 'Father', parent: 'Parent', carer: 'Carer' };

/** A UK postcode's shape (Royal Mail): outward code, a space or none, inward code. */
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

function birthDates(input: WhoInput, today: string, problems: Problem[]) {
  const unborn = input.born === 'no';
  if (input.born !== 'yes' && !unborn)
    problems.push({ path: 'born', message: 'Select whether the child has been born' });
  const entry = unborn ? input.expectedDateOfBirth : input.dateOfBirth;
  const path = unborn ? 'expectedDateOfBirth' : 'dateOfBirth';
  if ('problem' in entry) {
    problems.push({ path, message: entry.problem });
    return { dateOfBirth: null, expectedDateOfBirth: null };
  }
  const date = entry.date;
  const todayDate = Temporal.PlainDate.from(today);
  if (unborn) {
    // A pregnancy lasts about 40 weeks: an expected date more than 10 months away, or passed, is a slip.
    if (!date) problems.push({ path, message: 'Enter the date the baby is expected' });
    else if (date < today)
      problems.push({ path, message: 'The expected date of birth must be today or in the future' });
    else if (date > todayDate.add({ months: 10 }).toString())
      problems.push({ path, message: 'The expected date of birth must be within the next 10 months' });
    return { dateOfBirth: null, expectedDateOfBirth: date };
  }
  // Children's social care is for children under 18 (Children Act 1989, s105); a date of birth may be unknown.
  if (date && date > today)
    problems.push({ path, message: 'The date of birth must be today or in the past' });
  else if (date && date <= todayDate.subtract({ years: 18 }).toString())
    problems.push({ path, message: 'The child must be under 18: check the date of birth' });
  return { dateOfBirth: date, expectedDateOfBirth: null };
}

/**
 * Checks who a new contact is about and gives the enquiry the duplicate check weighs and the columns a new
 * child's record starts with. A child needs a family name; an unborn child needs the expected date and the
 * name of the parent expecting them, by whom an unborn child is known until they are born.
 */
export function readWho(input: WhoInput, today: string) {
  // Problems in the order of the page's fields, as the error summary lists them.
  const problems: Problem[] = [];
  const unborn = input.born === 'no';
  const dates = birthDates(input, today, problems);
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  if (!givenName && !unborn) problems.push({ path: 'givenName', message: 'Enter the child’s given name' });
  if (!familyName) problems.push({ path: 'familyName', message: 'Enter the child’s family name' });
  const postcode = input.postcode.trim().toUpperCase().replace(/\s+/g, ' ');
  if (postcode && !input.addressLine1.trim())
    problems.push({ path: 'addressLine1', message: 'Enter the first line of the address' });
  if (postcode && !POSTCODE.test(postcode))
    problems.push({ path: 'postcode', message: 'Enter a real postcode, like LS1 4AP' });
  const { upn, nhsNumber } = identifiersOf(input, problems);
  const parentName = input.parentName.trim().replace(/\s+/g, ' ');
  if (unborn && !parentName)
    problems.push({
      path: 'parentName',
      message: 'Enter the name of the mother or parent expecting the baby',
    });
  if (parentName && !parentName.includes(' '))
    problems.push({ path: 'parentName', message: 'Enter the parent’s or carer’s given and family names' });
  const relationship = input.parentRelationship || 'parent';
  if (parentName && !(relationship in parentRelationships))
    problems.push({ path: 'parentRelationship', message: 'Select how they are related to the child' });
  const enquiry: Enquiry = {
    givenName,
    familyName,
    ...dates,
    nhsNumber,
    upn,
    addressLine1: input.addressLine1.trim() || null,
    postcode: postcode ? postcodeKey(postcode).replace(/^(.+)(.{3})$/, '$1 $2') : null,
    parentNames: parentName ? [parentName] : [],
  };
  return {
    problems,
    enquiry,
    town: input.town.trim() || null,
    parent: parentName ? { name: parentName, relationship } : null,
  };
}

export type Who = ReturnType<typeof readWho>;

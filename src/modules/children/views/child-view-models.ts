import { describe, type JourneyStatus } from '../../../domain/journey/status.ts';
import { ukDate } from '../../../platform/views.ts';

interface ChildFields {
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
}

/** The summary list of the child's identity on their record, with their journey status in words. */
export function childSummaryList(child: ChildFields & { status: JourneyStatus }) {
  return [
    { key: { text: 'Name' }, value: { text: `${child.given_name} ${child.family_name}` } },
    { key: { text: 'Child ID' }, value: { text: child.local_id } },
    {
      key: { text: 'Date of birth' },
      value: { text: child.date_of_birth ? ukDate(child.date_of_birth) : 'Not known' },
    },
    { key: { text: 'Status' }, value: { text: describe(child.status) } },
  ];
}

/** The edit form's starting values, from the record as it is. */
export function editFormValues(child: ChildFields & { version: number }) {
  const [year, month, day] = (child.date_of_birth ?? '').split('-');
  return {
    version: String(child.version),
    givenName: child.given_name,
    familyName: child.family_name,
    'dateOfBirth-day': day ? String(Number(day)) : '',
    'dateOfBirth-month': month ? String(Number(month)) : '',
    'dateOfBirth-year': year ?? '',
  };
}

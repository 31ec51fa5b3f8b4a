import { cinCodes } from '../../../domain/journey/rules.ts';
import { ukDate } from '../../../platform/views.ts';

interface Identity {
  id: string;
  version: number;
  other_names: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  sex: string | null;
  gender: string | null;
  ethnicity: string | null;
  first_language: string | null;
  religion: string | null;
  disabilities: string[];
  immigration_status: string | null;
  uasc: boolean;
  education_setting: string | null;
  upn: string | null;
  nhs_number: string | null;
}

/** The identity as GOV.UK summary list rows, codes shown with their meanings. */
export function identityRows(child: Identity, today: string) {
  const meaning = (field: string, code: string | null) =>
    code ? (cinCodes(field, today).meanings.get(code) ?? code) : '';
  const row = (key: string, value: string) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' },
  });
  return [
    row('Other names', child.other_names ?? ''),
    row(
      'Date of birth',
      child.date_of_birth
        ? ukDate(child.date_of_birth)
        : child.expected_date_of_birth
          ? `Expected ${ukDate(child.expected_date_of_birth)}`
          : '',
    ),
    row('Sex', meaning('Sex', child.sex)),
    row('Gender', child.gender ?? ''),
    row('Ethnicity', meaning('Ethnicity', child.ethnicity)),
    row('First language', child.first_language ?? ''),
    row('Religion', child.religion ?? ''),
    row('Disability', child.disabilities.map((code) => meaning('Disability', code)).join(', ')),
    row(
      'Immigration status',
      [child.immigration_status, child.uasc ? 'unaccompanied asylum-seeking child' : '']
        .filter(Boolean)
        .join(', '),
    ),
    row('Education setting', child.education_setting ?? ''),
    row('UPN', child.upn ?? ''),
    row(
      'NHS number',
      child.nhs_number ? child.nhs_number.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3') : '',
    ),
  ];
}

/** The identity form's values for a child as stored. */
export function identityFormValues(child: Identity): Record<string, unknown> {
  const [year, month, day] = (child.expected_date_of_birth ?? '--').split('-');
  return {
    version: String(child.version),
    otherNames: child.other_names ?? '',
    'expectedDateOfBirth-day': day ? String(Number(day)) : '',
    'expectedDateOfBirth-month': month ? String(Number(month)) : '',
    'expectedDateOfBirth-year': year ?? '',
    sex: child.sex ?? '',
    gender: child.gender ?? '',
    ethnicity: child.ethnicity ?? '',
    firstLanguage: child.first_language ?? '',
    religion: child.religion ?? '',
    disabilities: child.disabilities,
    immigrationStatus: child.immigration_status ?? '',
    uasc: child.uasc ? 'yes' : '',
    educationSetting: child.education_setting ?? '',
    upn: child.upn ?? '',
    nhsNumber: child.nhs_number ?? '',
  };
}

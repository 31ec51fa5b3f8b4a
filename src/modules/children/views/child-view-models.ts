interface ChildFields {
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
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

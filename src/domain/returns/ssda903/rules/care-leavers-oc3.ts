import { ageOn, birthday } from '../../dates.ts';
import { codeRule, type Ssda903Rule } from '../context.ts';
import type { Oc3Row, Ssda903Child, Ssda903Table } from '../tables.ts';
import { adoptionItems } from './adoption-ad1.ts';
import { twelveMonthItems } from './outcomes-oc2.ts';
import { continuouslyLookedAfter, rowDob, rowRule } from './support.ts';

/** True when the row gives any care leaver information (in touch, activity, accommodation). */
export function hasCareLeaverData(row: Oc3Row): boolean {
  return row.IN_TOUCH !== null || row.ACTIV !== null || row.ACCOM !== null;
}

/** True when the child has an OC3 row with care leaver information. */
function careLeaver(child: Ssda903Child): boolean {
  return child.OC3.some(hasCareLeaverData);
}

/** The child's age on 31 March, from the OC3 row's date of birth or the header's; null when unknown. */
function ageAtEnd(row: Oc3Row, child: Ssda903Child, end: string): number | null {
  const dob = rowDob(row, child);
  return dob === null ? null : ageOn(dob, end);
}

/** An OC3 rule that flags a row with care leaver information when `broken` holds. */
function careLeaverRule(
  code: string,
  message: string,
  broken: Parameters<typeof rowRule<'OC3'>>[4],
  alsoReads: readonly Ssda903Table[] = ['Episodes'],
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row, child, context, index) => hasCareLeaverData(row) && broken(row, child, context, index),
    { alsoReads },
  );
}

/** SSDA903 rules of 2025–26 on OC3: care leavers' contact, activity and accommodation around their birthdays. */
export const oc3Rules: readonly Ssda903Rule[] = [
  codeRule(
    '131',
    'Whether the council is in touch with the care leaver is blank or not a valid code.',
    'OC3',
    'IN_TOUCH',
    {
      required: true,
    },
  ),
  codeRule('132', "The care leaver's activity is blank or not a valid code.", 'OC3', 'ACTIV', {
    required: true,
  }),
  codeRule('133', "The care leaver's accommodation is blank or not a valid code.", 'OC3', 'ACCOM', {
    required: true,
  }),
  rowRule(
    '153',
    'In touch, activity and accommodation after leaving care must all be given, or all left blank.',
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row) => hasCareLeaverData(row) && (row.IN_TOUCH === null || row.ACTIV === null || row.ACCOM === null),
  ),
  rowRule(
    '344',
    'The young person has died or returned home, so activity and accommodation must be 0.',
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row) => (row.IN_TOUCH === 'DIED' || row.IN_TOUCH === 'RHOM') && (row.ACTIV !== '0' || row.ACCOM !== '0'),
  ),
  rowRule(
    '345',
    'The council is in touch with the young person, but activity or accommodation is 0.',
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row) => row.IN_TOUCH === 'YES' && (row.ACTIV === '0' || row.ACCOM === '0'),
  ),
  rowRule(
    '347',
    'A care leaver under 18 at the start of the year cannot be accommodated in a foyer (T1, T2).',
    'OC3',
    ['ACCOM', 'DOB'],
    (row, child, context) => {
      const dob = rowDob(row, child);
      return (row.ACCOM ?? '').startsWith('T') && dob !== null && birthday(dob, 18) > context.collectionStart;
    },
  ),
  careLeaverRule(
    '391',
    'The young person was not 17, 18, 19, 20 or 21 at any time in the collection year, so no care leaver information is returned.',
    (row, child, context) => {
      const dob = rowDob(row, child);
      return (
        dob !== null &&
        (birthday(dob, 17) > context.collectionEnd || birthday(dob, 22) <= context.collectionStart)
      );
    },
    [],
  ),
  rowRule(
    '1000',
    'The child died while looked after (E2), so no care leaver information is returned.',
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row, child, context) => {
      if (!hasCareLeaverData(row)) return false;
      const lastYear = context.previous?.children.get(child.id)?.Episodes ?? [];
      return [...child.Episodes, ...lastYear].some((episode) => episode.REC === 'E2');
    },
    { alsoReads: ['Episodes'] },
  ),
  // Without last year's return, a care leaver's episodes are not in the files at all: skipped, not flagged.
  // A care leaver was looked after at some time after the 16th birthday (Children (Leaving Care) Act 2000;
  // relevant and former relevant child), so only when that birthday falls on or after 1 April of last year
  // must the care be in the two years' files. An older young person's care may have ended before last
  // year's return: the DfE, holding every year, would not flag them (D2I does, and says it may be wrong).
  rowRule(
    '1002',
    'The child has no episode of care this year or last, so should have no care leaver information.',
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row, child, context) => {
      const dob = rowDob(row, child);
      return (
        hasCareLeaverData(row) &&
        dob !== null &&
        birthday(dob, 16) >= `${context.year - 1}-04-01` &&
        child.Episodes.length === 0 &&
        (context.previous?.children.get(child.id)?.Episodes.length ?? 0) === 0
      );
    },
    { alsoReads: ['Episodes'], needs: ['previous'] },
  ),
  careLeaverRule(
    '1007',
    'Care leaver information is not returned for a 17- or 18-year-old who is still looked after.',
    (row, child, context) => {
      const age = ageAtEnd(row, child, context.collectionEnd);
      const last = child.Episodes.at(-1);
      return age !== null && age >= 17 && age < 19 && last !== undefined && last.DEC === null;
    },
  ),
  careLeaverRule(
    '1016',
    'Care leaver information is not returned for a 17- or 18-year-old who ceased to be looked after on or after that birthday.',
    (row, child, context) => {
      const dob = rowDob(row, child);
      const age = ageAtEnd(row, child, context.collectionEnd);
      const dec = child.Episodes.at(-1)?.DEC;
      return dob !== null && (age === 17 || age === 18) && dec != null && dec >= birthday(dob, age);
    },
  ),
  careLeaverRule(
    '1011',
    "The child's care was transferred to another council (E3) at the end of the last episode, so no care leaver information is returned.",
    (_row, child) => child.Episodes.at(-1)?.REC === 'E3',
  ),
  rowRule(
    '3001',
    'A care leaver turning 17 in the year cannot be accommodated with former foster carers (Z1, Z2).',
    'OC3',
    ['ACCOM', 'DOB'],
    (row, child, context) => {
      const dob = rowDob(row, child);
      const seventeen = dob === null ? null : birthday(dob, 17);
      return (
        (row.ACCOM === 'Z1' || row.ACCOM === 'Z2') &&
        seventeen !== null &&
        context.collectionStart <= seventeen &&
        seventeen <= context.collectionEnd
      );
    },
  ),
  rowRule(
    '348',
    'The care leaver was reported last year as having died.',
    'OC3',
    ['IN_TOUCH'],
    (row, child, context) =>
      row.IN_TOUCH !== 'DIED' &&
      (context.previous?.children.get(child.id)?.OC3.some((last) => last.IN_TOUCH === 'DIED') ?? false),
    { needs: ['previous'] },
  ),
  rowRule(
    '134',
    'Adoption information is not returned for a care leaver (the OC3 cohort).',
    'AD1',
    ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
    (row, child) => adoptionGiven(row) && careLeaver(child),
    { alsoReads: ['OC3'] },
  ),
  {
    code: '187',
    message:
      'The child has been looked after continuously for 12 months at 31 March, so no adoption or care leaver information is returned.',
    tables: ['OC3', 'AD1', 'Episodes'],
    fields: [
      'IN_TOUCH',
      'ACTIV',
      'ACCOM',
      'DATE_INT',
      'DATE_MATCH',
      'FOSTER_CARE',
      'NB_ADOPTR',
      'SEX_ADOPTR',
      'LS_ADOPTR',
    ],
    years: { from: 2025 },
    check: (child, context) => {
      if (!continuouslyLookedAfter(child, context)) return [];
      return [...child.OC3.filter(hasCareLeaverData), ...child.AD1.filter(adoptionGiven)].map((row) => ({
        table: row.table,
        row: row.row,
      }));
    },
  },
  {
    code: '215',
    message:
      'The child has care leaver information, so the items about children looked after for 12 months are not returned.',
    tables: ['OC2', 'OC3'],
    fields: ['IN_TOUCH', 'ACTIV', 'ACCOM', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK'],
    years: { from: 2025 },
    check: (child) => {
      const oc2 = child.OC2.filter((row) => twelveMonthItems.some((field) => row[field] !== null));
      if (oc2.length === 0 || !careLeaver(child)) return [];
      return [...child.OC3.filter(hasCareLeaverData), ...oc2].map((row) => ({
        table: row.table,
        row: row.row,
      }));
    },
  },
  rowRule(
    '628',
    'Motherhood is not returned for a care leaver who has not been looked after in the year.',
    'Header',
    ['MOTHER'],
    (row, child) => row.MOTHER !== null && child.Episodes.length === 0 && careLeaver(child),
    { alsoReads: ['Episodes', 'OC3'] },
  ),
  {
    code: '1012',
    message: 'The care leaver had no episode this year, so no other information is returned for them.',
    tables: ['Episodes', 'PlacedAdoption', 'Missing', 'Reviews', 'AD1', 'PrevPerm', 'OC2'],
    fields: ['CHILD'],
    years: { from: 2025 },
    check: (child, context) => {
      if (!context.supplied.has('Episodes') || child.Episodes.length > 0 || child.OC3.length === 0) return [];
      const others = [
        child.PlacedAdoption,
        child.Missing,
        child.Reviews,
        child.AD1,
        child.PrevPerm,
        child.OC2,
      ];
      return others.flat().map((row) => ({ table: row.table, row: row.row }));
    },
  },
];

/** True when an AD1 row gives any adoption information. */
function adoptionGiven(row: Ssda903Child['AD1'][number]): boolean {
  return adoptionItems.some((field) => row[field] !== null || row.unreadable[field] !== undefined);
}

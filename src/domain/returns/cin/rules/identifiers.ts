import { addDays, addMonths, birthday } from '../../dates.ts';
import type { CinChild } from '../read.ts';
import {
  detailsFlags,
  flagOf,
  from2025,
  inCensus,
  isFalse,
  isTrue,
  ruleOnChild,
  type CinReturnRule,
  type CinRule,
} from './context.ts';

/**
 * CIN census 2025–26 rules on the child's identifiers and characteristics (DfE CIN census validation
 * rules, modules ChildIdentifiers, ChildCharacteristics and Disabilities; UPN format from the DfE's
 * "Unique pupil numbers (UPNs)" guide).
 */

const identifierRule = ruleOnChild('ChildIdentifiers');

const checkLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The UPN check letter: characters 2–13 weighted 2–13, summed, modulo 23, read off the letters. */
export function upnCheckLetter(upn: string): string | null {
  if (!/^.\d{12}$/.test(upn)) return null;
  let sum = 0;
  for (let position = 2; position <= 13; position++) sum += Number(upn[position - 1]) * position;
  return checkLetters[sum % 23] ?? null;
}

/** The three-digit local authority numbers a UPN may carry in characters 2–4 (DfE UPN guide). */
const upnAuthorityRanges: readonly (readonly [number, number])[] = [
  [1, 5], [201, 213], [301, 320], [330, 336], [340, 344], [350, 359], [370, 373], [380, 384],
  [390, 394], [420, 420], [660, 681], [701, 708], [800, 803], [805, 808], [810, 813], [815, 816],
  [820, 823], [825, 826], [830, 831], [835, 841], [845, 846], [850, 852], [855, 857], [860, 861],
  [865, 896], [908, 909], [916, 916], [919, 919], [921, 921], [925, 926], [928, 929], [931, 931],
  [933, 933], [935, 938], [940, 943],
]; // prettier-ignore

const isUpnAuthority = (digits: string): boolean =>
  /^\d{3}$/.test(digits) &&
  upnAuthorityRanges.some(([low, high]) => low <= Number(digits) && Number(digits) <= high);

/** A UPN's 13th character: a digit, or a letter other than I, O and S (temporary UPNs). */
const upnLastCharacter = /^[0-9A-HJ-NP-RT-Z]$/;

const fedReferral = (child: CinChild): boolean =>
  child.CINdetails.some((details) => isFalse(details.ReferralNFA));

/** A date field written in the message, even if it could not be read as a date. */
const given = (child: CinChild, field: 'PersonBirthDate' | 'ExpectedPersonBirthDate'): boolean =>
  child[field] !== null || child.unreadable[field] !== undefined;

export const identifierRules: readonly CinRule[] = [
  identifierRule('8500', 'The LA child id is missing.', ['LAchildID'], (child) => child.id === ''),
  identifierRule(
    '8510',
    'More than one child in the return has this LA child id.',
    ['LAchildID'],
    (child, context) => child.id !== '' && (context.idCounts.get(child.id) ?? 0) > 1,
  ),
  identifierRule(
    '1570',
    'The LA child id is longer than 20 characters.',
    ['LAchildID'],
    (child) => child.id.length > 20,
  ),
  identifierRule(
    '1580',
    'The LA child id holds characters other than letters and digits.',
    ['LAchildID'],
    (child) => child.id !== '' && !/^[A-Za-z0-9]+$/.test(child.id),
  ),
  identifierRule('1510', 'The UPN has the wrong check letter (character 1).', ['UPN'], (child) => {
    const expected = child.UPN === null ? null : upnCheckLetter(child.UPN);
    return expected !== null && child.UPN?.[0] !== expected;
  }),
  identifierRule(
    '1520',
    'More than one child in the return has this UPN.',
    ['UPN'],
    (child, context) => child.UPN !== null && (context.upnCounts.get(child.UPN) ?? 0) > 1,
  ),
  identifierRule(
    '1530',
    'The UPN is invalid: characters 2 to 4 are not a recognised local authority number.',
    ['UPN'],
    (child) => child.UPN !== null && child.UPN.length === 13 && !isUpnAuthority(child.UPN.slice(1, 4)),
  ),
  identifierRule(
    '1540',
    'The UPN is invalid: characters 5 to 12 are not all digits.',
    ['UPN'],
    (child) => child.UPN !== null && !/^\d{8}$/.test(child.UPN.slice(4, 12)),
  ),
  identifierRule(
    '1550',
    'The UPN is invalid: character 13 is not a digit or a letter other than I, O and S.',
    ['UPN'],
    (child) => child.UPN !== null && !upnLastCharacter.test(child.UPN.slice(12, 13)),
  ),
  identifierRule(
    '1560Q',
    'Please check: the former UPN is not in the format of a UPN.',
    ['FormerUPN'],
    (child) => child.FormerUPN !== null && !/^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(child.FormerUPN),
    'query',
  ),
  identifierRule(
    '4180',
    'Sex must be given and be M, F or U.',
    ['Sex'],
    (child, context) => !context.codes('Sex').has(child.Sex),
  ),
  identifierRule(
    '8750',
    'Sex must be U for an unborn child (expected date of birth and no date of birth).',
    ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    (child) => child.ExpectedPersonBirthDate !== null && child.PersonBirthDate === null && child.Sex !== 'U',
  ),
  identifierRule(
    '8520',
    'The date of birth is after the end of the census year.',
    ['PersonBirthDate'],
    (child, context) => child.PersonBirthDate !== null && child.PersonBirthDate > context.collectionEnd,
  ),
  identifierRule(
    '8525Q',
    'Please check: give either the date of birth or the expected date of birth, but not both.',
    ['PersonBirthDate', 'ExpectedPersonBirthDate'],
    // A date written but unreadable was still given: READ-DATE reports it, so it is not reported again here.
    (child) => given(child, 'PersonBirthDate') === given(child, 'ExpectedPersonBirthDate'),
    'query',
  ),
  identifierRule(
    '8530Q',
    'Please check: the expected date of birth is not between 30 days before and 9 months after the end of the census year.',
    ['ExpectedPersonBirthDate'],
    (child, context) =>
      child.ExpectedPersonBirthDate !== null &&
      (child.ExpectedPersonBirthDate < addDays(context.collectionEnd, -30) ||
        child.ExpectedPersonBirthDate > addMonths(context.collectionEnd, 9)),
    'query',
  ),
  identifierRule(
    '8535Q',
    "Please check: the child's date of death is before the date of birth.",
    ['PersonDeathDate', 'PersonBirthDate'],
    (child) =>
      child.PersonDeathDate !== null &&
      child.PersonBirthDate !== null &&
      child.PersonDeathDate < child.PersonBirthDate,
    'query',
  ),
  identifierRule(
    '8545Q',
    "Please check: the child's date of death is not within the census year.",
    ['PersonDeathDate'],
    (child, context) => child.PersonDeathDate !== null && !inCensus(child.PersonDeathDate, context),
    'query',
  ),
  identifierRule(
    '8590',
    'The child has no CIN details (no episode of need).',
    ['LAchildID'],
    (child) => child.CINdetails.length === 0,
  ),
  identifierRule(
    '8770Q',
    'Please check: a child of school age referred for further action has neither a UPN nor a reason for its absence other than UN1.',
    ['UPN', 'UPNunknown'],
    (child, context) =>
      fedReferral(child) &&
      child.PersonBirthDate !== null &&
      child.PersonBirthDate <= context.schoolAgeBornBy &&
      child.UPN === null &&
      !(context.codes('UPNunknown').has(child.UPNunknown) && child.UPNunknown !== 'UN1'),
    'query',
  ),
  identifierRule(
    '8772',
    'The reason the UPN is unknown is UN7 (referral with no further action), but a referral went on to further action.',
    ['UPNunknown', 'ReferralNFA'],
    (child) => child.UPNunknown === 'UN7' && child.CINdetails.some((details) => !isTrue(details.ReferralNFA)),
  ),
  {
    code: '8775Q',
    message: 'Please check: the child is over 25 years old.',
    tables: ['CINdetails'],
    fields: ['PersonBirthDate', 'CINclosureDate'],
    years: from2025,
    severity: 'query',
    check: (child, context) => {
      const birth = child.PersonBirthDate;
      if (birth === null || birthday(birth, 25) > context.collectionEnd) return [];
      return detailsFlags(
        child,
        (details) => details.CINclosureDate === null || details.CINclosureDate > birthday(birth, 25),
      );
    },
  },
  {
    code: '4220',
    message: 'The ethnicity is missing or not a valid code.',
    tables: ['ChildCharacteristics'],
    fields: ['Ethnicity'],
    years: from2025,
    check: (child, context) =>
      context.codes('Ethnicity').has(child.Ethnicity) ? [] : [flagOf(child, 'ChildCharacteristics')],
  },
  {
    code: '8540',
    message: "The child's disability is missing or not a valid code.",
    tables: ['Disabilities'],
    fields: ['Disability'],
    years: from2025,
    check: (child, context) => {
      if (child.PersonBirthDate === null || !fedReferral(child)) return [];
      const codes = context.codes('Disability');
      const valid = child.Disabilities.length > 0 && child.Disabilities.every((code) => codes.has(code));
      return valid ? [] : [flagOf(child, 'Disabilities')];
    },
  },
  {
    code: '8790',
    message: 'The disabilities include both NONE and other codes.',
    tables: ['Disabilities'],
    fields: ['Disability'],
    years: from2025,
    check: (child) =>
      child.Disabilities.includes('NONE') && child.Disabilities.some((code) => code !== 'NONE')
        ? [flagOf(child, 'Disabilities')]
        : [],
  },
  {
    code: '8794',
    message: 'The child has the same disability code more than once.',
    tables: ['Disabilities'],
    fields: ['Disability'],
    years: from2025,
    check: (child) =>
      new Set(child.Disabilities).size < child.Disabilities.length ? [flagOf(child, 'Disabilities')] : [],
  },
];

/** Rules over the whole return: the header and the council-level queries on identifiers. */
export const identifierReturnRules: readonly CinReturnRule[] = [
  {
    code: '100',
    message: 'The reference date is missing or not 31 March at the end of the census year.',
    tables: ['Header'],
    fields: ['ReferenceDate'],
    years: from2025,
    check: (census, context) =>
      census.header?.ReferenceDate === context.collectionEnd ? [] : [{ table: 'Header', row: 0 }],
  },
  {
    code: '2886Q',
    message: 'Please check: more than 2% of the children (unborn children aside) have no sex recorded or U.',
    tables: ['ChildIdentifiers'],
    fields: ['Sex', 'ExpectedPersonBirthDate'],
    years: from2025,
    severity: 'query',
    check: (census) => {
      const unknown = census.children.filter(
        (child) => (child.Sex === null || child.Sex === 'U') && child.ExpectedPersonBirthDate === null,
      ).length;
      return census.children.length > 0 && unknown / census.children.length > 0.02
        ? [{ table: 'ChildIdentifiers', row: 0 }]
        : [];
    },
  },
  {
    code: '2887Q',
    message: 'Please check: 7 or fewer different disability codes (NONE aside) are used in the return.',
    tables: ['Disabilities'],
    fields: ['Disability'],
    years: from2025,
    severity: 'query',
    check: (census) => {
      const used = new Set(census.children.flatMap((child) => child.Disabilities));
      used.delete('NONE');
      return used.size <= 7 ? [{ table: 'Disabilities', row: 0 }] : [];
    },
  },
  {
    code: '2888Q',
    message: 'Please check: every child with a disability has only one recorded; record each of them.',
    tables: ['Disabilities'],
    fields: ['Disability'],
    years: from2025,
    severity: 'query',
    check: (census) => {
      const disabled = census.children
        .map((child) => new Set(child.Disabilities.filter((code) => code !== 'NONE')).size)
        .filter((count) => count > 0);
      return disabled.length > 0 && disabled.every((count) => count === 1)
        ? [{ table: 'Disabilities', row: 0 }]
        : [];
    },
  },
];

import { codeRule, dateRule, flagRows, notInCodeList, type Ssda903Rule } from '../context.ts';
import { rowRule } from './support.ts';

/** The placements 178 says have no provider (the 2025–26 text leaves T4 out; 213 has it). */
const noProviderIn178 = new Set(['T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14']);

/** 14 October 1991: the Children Act 1989 came into force; no episode can start earlier. */
const childrenActInForce = '1991-10-14';

/** SSDA903 episode rules of 2025–26 about one field or one row: codes, dates, and their pairing. */
export const episodeCodeRules: readonly Ssda903Rule[] = [
  dateRule('141', 'The date the episode began is missing or not a real date.', 'Episodes', 'DECOM', {
    required: true,
  }),
  codeRule('143', 'The reason for new episode is not a valid code.', 'Episodes', 'RNE', { required: true }),
  codeRule('144', 'The legal status is not a valid code.', 'Episodes', 'LS', { required: true }),
  codeRule('145', 'The category of need is not a valid code.', 'Episodes', 'CIN', { required: true }),
  codeRule('146', 'The placement type is not a valid code.', 'Episodes', 'PLACE', { required: true }),
  dateRule('147', 'The date the episode ceased is not a real date.', 'Episodes', 'DEC'),
  {
    code: '148',
    message: 'The date the episode ceased and the reason it ceased must both be given, or both be blank.',
    tables: ['Episodes'],
    fields: ['DEC', 'REC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Episodes,
        (row) => (row.DEC === null && row.unreadable.DEC === undefined) !== (row.REC === null),
      ),
  },
  codeRule('149', 'The reason the episode ceased is not a valid code.', 'Episodes', 'REC'),
  // The DfE's 178 also says the provider is not given for T0–T3 and Z11–Z14 (213 says it for T0–T4 and Z11–Z14).
  rowRule(
    '178',
    'The placement provider is not a valid code, or is given for a temporary placement (T0–T3) or Z11–Z14.',
    'Episodes',
    ['PLACE_PROVIDER', 'PLACE'],
    (row, _child, context) =>
      row.PLACE_PROVIDER !== null &&
      (notInCodeList(context, 'PLACE_PROVIDER', row.PLACE_PROVIDER) || noProviderIn178.has(row.PLACE ?? '')),
  ),
  codeRule('1009', 'The reason for placement change is not a valid code.', 'Episodes', 'REASON_PLACE_CHANGE'),
  {
    code: '353',
    message: 'No episode can start before 14 October 1991.',
    tables: ['Episodes'],
    fields: ['DECOM'],
    years: { from: 2025 },
    check: (child) => flagRows(child.Episodes, (row) => row.DECOM !== null && row.DECOM < childrenActInForce),
  },
  {
    code: '354',
    message: 'The episode starts after the end of the collection year.',
    tables: ['Episodes'],
    fields: ['DECOM'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(child.Episodes, (row) => row.DECOM !== null && row.DECOM > context.collectionEnd),
  },
  {
    code: '385',
    message: 'The episode ceased after the end of the collection year.',
    tables: ['Episodes'],
    fields: ['DEC'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(child.Episodes, (row) => row.DEC !== null && row.DEC > context.collectionEnd),
  },
  {
    code: '355',
    message: 'The episode began and ceased on the same day: it lasted less than 24 hours.',
    tables: ['Episodes'],
    fields: ['DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child) => flagRows(child.Episodes, (row) => row.DECOM !== null && row.DECOM === row.DEC),
  },
  {
    code: '356',
    message: 'The episode ceased before it began.',
    tables: ['Episodes'],
    fields: ['DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row) => row.DECOM !== null && row.DEC !== null && row.DEC < row.DECOM),
  },
  {
    code: '380',
    message: 'A period of care cannot start with a temporary placement.',
    tables: ['Episodes'],
    fields: ['PLACE', 'RNE'],
    years: { from: 2025 },
    // A temporary placement (T0–T4) can only follow a change of placement (RNE P or B).
    check: (child) =>
      flagRows(child.Episodes, (row) => isTemporary(row.PLACE) && row.RNE !== 'P' && row.RNE !== 'B'),
  },
  {
    code: '381',
    message: 'A period of care cannot end with a temporary placement.',
    tables: ['Episodes'],
    fields: ['PLACE', 'REC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row) => isTemporary(row.PLACE) && row.REC !== null && row.REC !== 'X1'),
  },
  {
    code: '446',
    message:
      'A placement order (E1) cannot be the legal status of an episode starting before 30 December 2005.',
    tables: ['Episodes'],
    fields: ['LS', 'DECOM'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row) => row.LS === 'E1' && row.DECOM !== null && row.DECOM < '2005-12-30'),
  },
  rowRule(
    '408',
    'The child is placed for adoption under a placement order (A5, A6), but the legal status is not E1.',
    'Episodes',
    ['PLACE', 'LS'],
    (row) => (row.PLACE === 'A5' || row.PLACE === 'A6') && row.LS !== 'E1',
  ),
  {
    code: '426',
    message:
      'Short breaks are recorded both as single episodes (V3) and as an agreement (V4) in the same year: use one or the other.',
    tables: ['Episodes'],
    fields: ['LS'],
    years: { from: 2025 },
    check: (child) => {
      const both = ['V3', 'V4'].every((ls) => child.Episodes.some((row) => row.LS === ls));
      return both ? flagRows(child.Episodes, (row) => row.LS === 'V3' || row.LS === 'V4') : [];
    },
  },
];

/** Temporary placements: T0 to T4. */
export function isTemporary(place: string | null): boolean {
  return place !== null && /^T[0-4]$/.test(place);
}

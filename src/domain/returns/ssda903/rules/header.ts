import { ageOn, birthday } from '../../dates.ts';
import { codeRule, dateRule, flagRows, notInCodeList, type Ssda903Rule } from '../context.ts';
import type { Ssda903Child } from '../tables.ts';
import { hasCareLeaverData } from './care-leavers-oc3.ts';
import { episodeInYear, rowRule } from './support.ts';

/** Unknown-UPN codes; a UPN otherwise is a letter (not I, O or S), 11 digits and a digit or letter. */
const unknownUpn = /^UN[1-5]$/;
const upnShape = /^[A-HJ-NPQRT-Z](\d{12}|\d{11}[A-Z])$/;

/** True when the child has an episode under a legal status other than short breaks (V3, V4). */
function hasEpisodeOutsideShortBreaks(child: Ssda903Child): boolean {
  return child.Episodes.some((episode) => episode.LS !== 'V3' && episode.LS !== 'V4');
}

/** SSDA903 header rules of the 2025–26 validation rules: the child's sex, birth, ethnicity, UPN and motherhood. */
export const headerRules: readonly Ssda903Rule[] = [
  codeRule('101', "The child's recorded sex is not a valid code.", 'Header', 'SEX', { required: true }),
  dateRule('102', 'The date of birth is missing or not a real date.', 'Header', 'DOB', { required: true }),
  codeRule('103', 'The ethnicity is missing or not a valid code.', 'Header', 'ETHNIC', { required: true }),
  {
    code: '168',
    message: 'The UPN is not a valid UPN; when it is not known, give one of the codes UN1 to UN5.',
    tables: ['Header'],
    fields: ['UPN'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Header,
        (row) => row.UPN !== null && !unknownUpn.test(row.UPN) && !upnShape.test(row.UPN),
      ),
  },
  dateRule('171', "The date of birth of the mother's child is not a real date.", 'Header', 'MC_DOB'),
  {
    code: '174',
    message: "A date of birth of the mother's child is given, but the child's sex is male.",
    tables: ['Header'],
    fields: ['SEX', 'MC_DOB'],
    years: { from: 2025 },
    check: (child) => flagRows(child.Header, (row) => row.MC_DOB !== null && row.SEX === 'M'),
  },
  {
    code: '209',
    message: 'The child is of school age, so the UPN cannot be UN1 (not yet of school age).',
    tables: ['Header'],
    fields: ['UPN', 'DOB'],
    years: { from: 2025 },
    // School age: 4 or over on 31 August before the collection year starts.
    check: (child, context) => {
      const lastAugust = `${context.year - 1}-08-31`;
      return flagRows(
        child.Header,
        (row) => row.UPN === 'UN1' && row.DOB !== null && ageOn(row.DOB, lastAugust) >= 4,
      );
    },
  },
  {
    code: '210',
    message: 'The child had been looked after for more than a week on 31 March, so the UPN cannot be UN4.',
    tables: ['Header', 'Episodes'],
    fields: ['UPN', 'DECOM'],
    years: { from: 2025 },
    check: (child, context) => {
      // A week before 31 March, written out: this runs for every child.
      const weekBefore = `${context.year + 1}-03-24`;
      const last = child.Episodes.at(-1);
      const lookedAfterAtEnd = last !== undefined && last.DEC === null;
      // The current period of care began at the last episode with reason S (or the first one returned).
      const start = child.Episodes.findLast((episode) => episode.RNE === 'S') ?? child.Episodes[0];
      const overAWeek = start?.DECOM != null && start.DECOM < weekBefore;
      return flagRows(child.Header, (row) => row.UPN === 'UN4' && lookedAfterAtEnd && overAWeek);
    },
  },
  {
    code: '232',
    message: "The child's sex is recorded as unknown.",
    tables: ['Header'],
    fields: ['SEX'],
    years: { from: 2025 },
    severity: 'query',
    check: (child) => flagRows(child.Header, (row) => row.SEX === 'U'),
  },
  {
    code: '301',
    message: 'The date of birth is after the end of the collection year.',
    tables: ['Header'],
    fields: ['DOB'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(child.Header, (row) => row.DOB !== null && row.DOB > context.collectionEnd),
  },
  {
    code: '302',
    message: 'The first episode starts before the child was born.',
    tables: ['Header', 'Episodes'],
    fields: ['DECOM', 'DOB'],
    years: { from: 2025 },
    check: (child) => {
      const dob = child.Header[0]?.DOB;
      const first = child.Episodes[0];
      return dob && first?.DECOM && first.DECOM < dob ? [{ table: 'Episodes', row: first.row }] : [];
    },
  },
  {
    code: '351',
    message: 'The child was over 25 at the start of the collection year.',
    tables: ['Header'],
    fields: ['DOB'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(child.Header, (row) => row.DOB !== null && birthday(row.DOB, 25) < context.collectionStart),
  },
  rowRule(
    '165',
    'Whether the child is a mother is not a valid code, is given for a child not recorded as female, or is blank for a girl with an episode in the year.',
    'Header',
    ['MOTHER', 'SEX'],
    (row, child, context) => {
      // A sex that is not a code (101's finding) does not say the child is not female.
      if (row.MOTHER !== null)
        return (
          notInCodeList(context, 'MOTHER', row.MOTHER) ||
          (row.SEX !== null && row.SEX !== 'F' && !notInCodeList(context, 'SEX', row.SEX))
        );
      // A blank is right for a care leaver with no episode in the year, and for a child looked after
      // only on short breaks, whose motherhood 399 says is not returned.
      if (child.Episodes.length > 0 && !hasEpisodeOutsideShortBreaks(child)) return false;
      const inYear = child.Episodes.some((episode) => episodeInYear(episode, context));
      return row.SEX === 'F' && (inYear || !child.OC3.some(hasCareLeaverData));
    },
    { alsoReads: ['Episodes'] },
  ),
  {
    code: '393',
    message: 'The child is looked after and female, but whether she is a mother is not recorded.',
    tables: ['Header', 'Episodes'],
    fields: ['MOTHER', 'SEX', 'LS'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Header,
        (row) => row.SEX === 'F' && row.MOTHER === null && hasEpisodeOutsideShortBreaks(child),
      ),
  },
  {
    code: '442',
    message: 'The UPN is not given (give a UN code when the UPN is not known).',
    tables: ['Header', 'Episodes'],
    fields: ['UPN', 'LS'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Header, (row) => row.UPN === null && hasEpisodeOutsideShortBreaks(child)),
  },
  {
    code: '444',
    message: 'The same UPN is given for more than one child.',
    tables: ['Header'],
    fields: ['UPN'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(
        child.Header,
        (row) => row.UPN !== null && !unknownUpn.test(row.UPN) && (context.upnCounts.get(row.UPN) ?? 0) > 1,
      ),
  },
  {
    code: '607',
    message: 'The child ceased to be looked after in the year, but whether she is a mother is not recorded.',
    tables: ['Header', 'Episodes'],
    fields: ['MOTHER', 'SEX', 'DEC', 'REC', 'LS'],
    years: { from: 2025 },
    check: (child, context) => {
      const header = child.Header[0];
      if (!header || header.SEX !== 'F' || header.MOTHER !== null) return [];
      return flagRows(
        child.Episodes,
        (episode) =>
          episode.DEC !== null &&
          episode.REC !== null &&
          episode.REC !== 'X1' &&
          episode.LS !== 'V3' &&
          episode.LS !== 'V4' &&
          context.collectionStart <= episode.DEC &&
          episode.DEC <= context.collectionEnd,
      );
    },
  },
  {
    code: '611',
    message: 'The child is recorded as a mother, but the date of birth of her child is blank.',
    tables: ['Header'],
    fields: ['MOTHER', 'MC_DOB'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Header,
        (row) => row.MOTHER === '1' && row.MC_DOB === null && row.unreadable.MC_DOB === undefined,
      ),
  },
  {
    code: '612',
    message: "A date of birth of the mother's child is given, but the child is not recorded as a mother.",
    tables: ['Header'],
    fields: ['SEX', 'MOTHER', 'MC_DOB'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Header, (row) => row.SEX === 'F' && row.MOTHER !== '1' && row.MC_DOB !== null),
  },
  {
    code: '620',
    message: 'The child is recorded as a mother but was under 11 at the start of the collection year.',
    tables: ['Header'],
    fields: ['DOB', 'MOTHER'],
    years: { from: 2025 },
    check: (child, context) =>
      flagRows(
        child.Header,
        (row) => row.MOTHER === '1' && row.DOB !== null && birthday(row.DOB, 11) > context.collectionStart,
      ),
  },
  {
    code: '621',
    message: "The date of birth of the mother's child is on or before the mother's own date of birth.",
    tables: ['Header'],
    fields: ['DOB', 'MC_DOB'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Header, (row) => row.MC_DOB !== null && row.DOB !== null && row.MC_DOB <= row.DOB),
  },
  {
    code: '625',
    message:
      "The date of birth of the mother's child is after the end of the collection year or after she ceased to be looked after.",
    tables: ['Header', 'Episodes'],
    fields: ['MC_DOB', 'DEC'],
    years: { from: 2025 },
    check: (child, context) => {
      // The DEC of the latest episode: none while that episode is open, whatever earlier ones say.
      const lastDec = child.Episodes.at(-1)?.DEC ?? null;
      return flagRows(
        child.Header,
        (row) =>
          row.MC_DOB !== null &&
          (row.MC_DOB > context.collectionEnd || (lastDec !== null && row.MC_DOB > lastDec)),
      );
    },
  },
];

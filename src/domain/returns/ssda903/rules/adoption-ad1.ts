import type { RuleFlag } from '../../engine.ts';
import { codeRule, dateRule, type Ssda903Rule } from '../context.ts';
import type { Ad1Row, EpisodeRow, Ssda903Child } from '../tables.ts';
import { given, rowRule } from './support.ts';

/** The AD1 items, all given or all blank. */
export const adoptionItems = [
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
] as const;
/** Placed for adoption: with current foster carers (A3, A5) or not (A4, A6). */
export const placedForAdoption = new Set(['A3', 'A4', 'A5', 'A6']);
const adopted = (episode: EpisodeRow) => episode.REC === 'E11' || episode.REC === 'E12';

/** A rule that the sexes of the adopters fit their legal status. */
function adoptersFit(code: string, message: string, status: string, sexes: readonly string[]): Ssda903Rule {
  return rowRule(
    code,
    message,
    'AD1',
    ['LS_ADOPTR', 'SEX_ADOPTR'],
    (row) => row.LS_ADOPTR === status && !sexes.includes(row.SEX_ADOPTR ?? ''),
  );
}

/** Episodes that ended in adoption in the collection year. */
function adoptedInYear(child: Ssda903Child, start: string, end: string): EpisodeRow[] {
  return child.Episodes.filter(
    (episode) => adopted(episode) && episode.DEC !== null && start <= episode.DEC && episode.DEC <= end,
  );
}

/** Flags the AD1 rows and the episodes of a child where `broken(ad1, episode)` holds. */
function ad1AndEpisodes(
  child: Ssda903Child,
  episodes: readonly EpisodeRow[],
  broken: (ad1: Ad1Row, episode: EpisodeRow) => boolean,
) {
  const flags: RuleFlag[] = [];
  for (const ad1 of child.AD1) {
    for (const episode of episodes) {
      if (broken(ad1, episode))
        flags.push({ table: 'AD1', row: ad1.row }, { table: 'Episodes', row: episode.row });
    }
  }
  return flags.filter(
    (flag, index) =>
      flags.findIndex((other) => other.table === flag.table && other.row === flag.row) === index,
  );
}

/** A rule comparing each AD1 row with the child's episodes that `pick` chooses; flags both. */
function ad1EpisodeRule(
  code: string,
  message: string,
  fields: readonly string[],
  pick: (child: Ssda903Child) => readonly EpisodeRow[],
  broken: (ad1: Ad1Row, episode: EpisodeRow) => boolean,
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['AD1', 'Episodes'],
    fields,
    years: { from: 2025 },
    check: (child) => ad1AndEpisodes(child, pick(child), broken),
  };
}

/** SSDA903 rules of 2025–26 on AD1: the adoptions of the year, their dates and adopters. */
export const ad1Rules: readonly Ssda903Rule[] = [
  dateRule('112', 'The date the child should be placed for adoption is not a real date.', 'AD1', 'DATE_INT'),
  dateRule('113', 'The date the child was matched with adopters is not a real date.', 'AD1', 'DATE_MATCH'),
  codeRule(
    '114',
    'Whether the child was adopted by former foster carers is not a valid code (0 or 1).',
    'AD1',
    'FOSTER_CARE',
  ),
  codeRule('175', 'The number of adopters is not a valid code (1 or 2).', 'AD1', 'NB_ADOPTR'),
  codeRule('176', 'The sex of the adopters is not a valid code.', 'AD1', 'SEX_ADOPTR'),
  codeRule('177', 'The legal status of the adopters is not a valid code.', 'AD1', 'LS_ADOPTR'),
  rowRule(
    '151',
    "The items about the child's adoption must all be given, or all left blank.",
    'AD1',
    adoptionItems,
    (row) => {
      const count = adoptionItems.filter((field) => given(row, field)).length;
      return count > 0 && count < adoptionItems.length;
    },
  ),
  rowRule(
    '511',
    'There are two adopters, so their sexes must be MM, FF or MF.',
    'AD1',
    ['NB_ADOPTR', 'SEX_ADOPTR'],
    (row) => row.NB_ADOPTR === '2' && (row.SEX_ADOPTR === 'M1' || row.SEX_ADOPTR === 'F1'),
  ),
  adoptersFit('514', 'The adopter is single (L0), so the sex of the adopter must be M1 or F1.', 'L0', [
    'M1',
    'F1',
  ]),
  adoptersFit(
    '517',
    'The adopters are a different-sex couple not married (L3), so their sexes must be MF.',
    'L3',
    ['MF'],
  ),
  adoptersFit(
    '518',
    'The adopters are a same-sex couple not married (L4), so their sexes must be MM or FF.',
    'L4',
    ['MM', 'FF'],
  ),
  adoptersFit(
    '519',
    'The adopters are civil partners (L2), so their sexes must be a couple: MM, FF or MF.',
    'L2',
    ['MM', 'FF', 'MF'],
  ),
  adoptersFit(
    '520',
    'The adopters are a married different-sex couple (L11), so their sexes must be MF.',
    'L11',
    ['MF'],
  ),
  adoptersFit(
    '524',
    'The adopters are a married same-sex couple (L12), so their sexes must be MM or FF.',
    'L12',
    ['MM', 'FF'],
  ),
  rowRule(
    '333',
    'The date the child should be placed for adoption must be given, and be on or before the date of matching with adopters.',
    'AD1',
    ['DATE_INT', 'DATE_MATCH'],
    (row) =>
      row.DATE_MATCH !== null &&
      (!given(row, 'DATE_INT') || (row.DATE_INT !== null && row.DATE_INT > row.DATE_MATCH)),
  ),
  ad1EpisodeRule(
    '331',
    'The date of matching with adopters must be on or before the date the child was placed for adoption.',
    ['DATE_MATCH', 'DECOM', 'REC'],
    (child) => child.Episodes.filter(adopted),
    (ad1, episode) => ad1.DATE_MATCH !== null && episode.DECOM !== null && ad1.DATE_MATCH > episode.DECOM,
  ),
  ad1EpisodeRule(
    '334',
    'The date the child should be placed for adoption must be on or after the date the child started to be looked after in the latest period of care.',
    ['DATE_INT', 'DECOM', 'RNE'],
    (child) => child.Episodes.filter((episode) => episode.RNE === 'S' && episode.DECOM !== null).slice(-1),
    (ad1, episode) => ad1.DATE_INT !== null && ad1.DATE_INT < episode.DECOM!,
  ),
  ad1EpisodeRule(
    '335',
    'Whether the child was adopted by former foster carers does not fit the last placement: 0 with placement A3 or A5 (with current foster carers), or 1 with A4 or A6.',
    ['FOSTER_CARE', 'PLACE', 'REC'],
    (child) => child.Episodes.filter(adopted),
    (ad1, episode) =>
      (ad1.FOSTER_CARE === '0' && (episode.PLACE === 'A3' || episode.PLACE === 'A5')) ||
      (ad1.FOSTER_CARE === '1' && (episode.PLACE === 'A4' || episode.PLACE === 'A6')),
  ),
  rowRule(
    '336',
    'The child was placed for adoption with current foster carers (A3 or A5), but the placement before was not a foster or adoption placement.',
    'Episodes',
    ['PLACE'],
    (row, child, _context, index) => {
      const before = child.Episodes[index - 1];
      return (
        (row.PLACE === 'A3' || row.PLACE === 'A5') &&
        before !== undefined &&
        !placedForAdoption.has(before.PLACE ?? '') &&
        !/^U[1-6]$/.test(before.PLACE ?? '')
      );
    },
  ),
  rowRule(
    '390',
    'The episode ceased with adoption, but the child was not placed for adoption (A3 to A6).',
    'Episodes',
    ['REC', 'PLACE'],
    (row) => adopted(row) && !placedForAdoption.has(row.PLACE ?? ''),
  ),
  ad1EpisodeRule(
    '521',
    'The date of the decision that the child should be placed for adoption must be on or before the date the child was placed for adoption.',
    ['DATE_INT', 'DECOM', 'PLACE'],
    (child) => child.Episodes.filter((episode) => placedForAdoption.has(episode.PLACE ?? '')),
    (ad1, episode) => ad1.DATE_INT !== null && episode.DECOM !== null && ad1.DATE_INT > episode.DECOM,
  ),
  {
    code: '601',
    message: 'The child was adopted during the year, but the items about the adoption are not all given.',
    tables: ['AD1', 'Episodes'],
    fields: ['REC', ...adoptionItems],
    years: { from: 2025 },
    check: (child, context) => {
      const adoptions = adoptedInYear(child, context.collectionStart, context.collectionEnd);
      if (context.supplied.has('AD1') && child.AD1.length === 0)
        return adoptions.map((episode) => ({ table: 'Episodes', row: episode.row }));
      return ad1AndEpisodes(child, adoptions, (ad1) => adoptionItems.some((field) => !given(ad1, field)));
    },
  },
  rowRule(
    '602',
    'Adoption items are given, but the episodes do not show that the child was adopted during the year.',
    'AD1',
    adoptionItems,
    (row, child, context) =>
      adoptionItems.some((field) => given(row, field)) &&
      adoptedInYear(child, context.collectionStart, context.collectionEnd).length === 0,
    { alsoReads: ['Episodes'] },
  ),
  {
    code: '582',
    message:
      'The child ceased to be looked after through adoption on the same day they were matched with adopters.',
    tables: ['AD1', 'Episodes'],
    fields: ['DEC', 'REC', 'DATE_MATCH'],
    years: { from: 2025 },
    check: (child) => {
      const matched = new Set(child.AD1.map((row) => row.DATE_MATCH));
      return child.Episodes.filter(
        (episode) => adopted(episode) && episode.DEC !== null && matched.has(episode.DEC),
      ).map((episode) => ({ table: 'Episodes', row: episode.row }));
    },
  },
];

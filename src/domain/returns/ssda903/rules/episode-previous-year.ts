import type { RuleFlag } from '../../engine.ts';
import { flagRows, type Ssda903Context, type Ssda903Rule } from '../context.ts';
import type { EpisodeRow, Ssda903Child } from '../tables.ts';
import { inDateOrder } from './support.ts';

/** This child's episodes in last year's return (none when the child is not in it). */
function lastYearEpisodes(child: Ssda903Child, context: Ssda903Context): readonly EpisodeRow[] {
  return context.previous?.children.get(child.id)?.Episodes ?? [];
}

/**
 * The episode still open at the end of last year's return for this child, and the first episode of
 * this year's, when last year ended with one open.
 */
function carriedOver(
  child: Ssda903Child,
  context: Ssda903Context,
): { last: EpisodeRow; first: EpisodeRow } | null {
  const last = lastYearEpisodes(child, context).at(-1);
  const first = child.Episodes[0];
  if (!last || last.DEC !== null || last.DECOM === null || !first) return null;
  return { last, first };
}

/** A rule that a field of the first episode must match last year's open episode. */
function matchesLastYear(
  code: string,
  message: string,
  field: 'RNE' | 'LS' | 'CIN' | 'PLACE' | 'PLACE_PROVIDER' | 'URN',
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes'],
    fields: [field],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context): RuleFlag[] => {
      const pair = carriedOver(child, context);
      if (!pair || pair.first.DECOM !== pair.last.DECOM) return [];
      return pair.first[field] !== pair.last[field] ? [{ table: 'Episodes', row: pair.first.row }] : [];
    },
  };
}

/** SSDA903 rules of 2025–26 that compare the return with the previous year's (given with --previous). */
export const episodePreviousYearRules: readonly Ssda903Rule[] = [
  {
    code: '502',
    message:
      "Last year's return ended with this child's episode open, but no episode this year starts on the date it started.",
    tables: ['Episodes'],
    fields: ['DECOM'],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context) => {
      const pair = carriedOver(child, context);
      return pair && pair.first.DECOM !== pair.last.DECOM ? [{ table: 'Episodes', row: pair.first.row }] : [];
    },
  },
  matchesLastYear(
    '503A',
    "The first episode's reason for new episode differs from last year's open episode.",
    'RNE',
  ),
  matchesLastYear('503B', "The first episode's legal status differs from last year's open episode.", 'LS'),
  matchesLastYear(
    '503C',
    "The first episode's category of need differs from last year's open episode.",
    'CIN',
  ),
  matchesLastYear(
    '503D',
    "The first episode's placement type differs from last year's open episode.",
    'PLACE',
  ),
  matchesLastYear(
    '503E',
    "The first episode's placement provider differs from last year's open episode.",
    'PLACE_PROVIDER',
  ),
  matchesLastYear('503F', "The first episode's Ofsted URN differs from last year's open episode.", 'URN'),
  {
    code: '562',
    message:
      "The first episode started before this year, but last year's return does not end with an episode that started on that date.",
    tables: ['Episodes'],
    fields: ['DECOM'],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context) => {
      const first = child.Episodes[0];
      if (!first?.DECOM || first.DECOM >= context.collectionStart) return [];
      const last = inDateOrder(lastYearEpisodes(child, context), (episode) => episode.DECOM).at(-1);
      return last?.DECOM === first.DECOM ? [] : [{ table: 'Episodes', row: first.row }];
    },
  },
  {
    code: 'NoE',
    message:
      "The child started to be looked after before this year, but last year's return has no episode for them.",
    tables: ['Episodes'],
    fields: ['DECOM'],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context) =>
      lastYearEpisodes(child, context).length > 0
        ? []
        : flagRows(child.Episodes, (row) => row.DECOM !== null && row.DECOM < context.collectionStart),
  },
  {
    code: '392c',
    message: 'The home or placement postcode is not a postcode the ONS Postcode Directory holds.',
    tables: ['Episodes'],
    fields: ['HOME_POST', 'PL_POST'],
    years: { from: 2025 },
    needs: ['postcodes'],
    check: (child, context) => {
      const unknown = (postcode: string | null) =>
        postcode !== null && context.postcodes!(postcode) === undefined;
      return flagRows(child.Episodes, (row) => unknown(row.HOME_POST) || unknown(row.PL_POST));
    },
  },
];

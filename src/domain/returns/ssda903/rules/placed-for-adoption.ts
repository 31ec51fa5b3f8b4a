import type { RuleFlag } from '../../engine.ts';
import { codeRule, dateRule, type Ssda903Context, type Ssda903Rule } from '../context.ts';
import type { EpisodeRow, PlacedAdoptionRow, Ssda903Child } from '../tables.ts';
import { adoptionItems, placedForAdoption } from './adoption-ad1.ts';
import { dobOf, flagAfterPrevious, given, inDateOrder, rowRule } from './support.ts';

const adopted = (episode: EpisodeRow) => episode.REC === 'E11' || episode.REC === 'E12';
const reversed = (row: PlacedAdoptionRow) =>
  given(row, 'DATE_PLACED_CEASED') || row.REASON_PLACED_CEASED !== null;

/** The child's decisions to place for adoption with a date, in order of that date. */
function byDate(child: Ssda903Child): PlacedAdoptionRow[] {
  return inDateOrder(child.PlacedAdoption, (row) => row.DATE_PLACED);
}

/** Last year's decisions for this child. */
function lastYear(child: Ssda903Child, context: Ssda903Context): readonly PlacedAdoptionRow[] {
  return context.previous?.children.get(child.id)?.PlacedAdoption ?? [];
}

/** A rule on episodes that also reads PlacedAdoption: it runs only when both tables were supplied. */
function episodeRule(
  code: string,
  message: string,
  fields: readonly string[],
  check: (child: Ssda903Child, context: Ssda903Context) => RuleFlag[],
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes', 'PlacedAdoption'],
    fields,
    years: { from: 2025 },
    check: (child, context) =>
      context.supplied.has('PlacedAdoption') && context.supplied.has('Episodes') ? check(child, context) : [],
  };
}

const at = (row: { table: string; row: number }): RuleFlag => ({ table: row.table, row: row.row });

/**
 * SSDA903 rules of 2025–26 on the placed for adoption table: the decisions that a child should be
 * placed for adoption, and their reversal.
 */
export const placedForAdoptionRules: readonly Ssda903Rule[] = [
  dateRule(
    '115',
    'The date of the decision that the child should be placed for adoption is not a real date.',
    'PlacedAdoption',
    'DATE_PLACED',
  ),
  dateRule(
    '116',
    'The date of the decision that the child should no longer be placed for adoption is not a real date.',
    'PlacedAdoption',
    'DATE_PLACED_CEASED',
  ),
  codeRule(
    '120',
    'The reason the decision to place for adoption was reversed is not a valid code.',
    'PlacedAdoption',
    'REASON_PLACED_CEASED',
  ),
  rowRule(
    '119',
    'The date and the reason of a decision that the child should no longer be placed for adoption must both be given, or both be blank.',
    'PlacedAdoption',
    ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    (row) => given(row, 'DATE_PLACED_CEASED') !== (row.REASON_PLACED_CEASED !== null),
  ),
  rowRule(
    '117',
    'A decision about placing for adoption is dated after the end of the collection year or after the child ceased to be looked after.',
    'PlacedAdoption',
    ['DATE_PLACED', 'DATE_PLACED_CEASED', 'DEC', 'REC'],
    (row, child, context) => {
      const last = child.Episodes.at(-1);
      const left = last?.DEC != null && last.REC !== 'X1' ? last.DEC : null;
      return [row.DATE_PLACED, row.DATE_PLACED_CEASED].some(
        (date) => date !== null && (date > context.collectionEnd || (left !== null && date > left)),
      );
    },
  ),
  rowRule(
    '118',
    'The decision that the child should no longer be placed for adoption is dated before the collection year or before the child started to be looked after.',
    'PlacedAdoption',
    ['DATE_PLACED_CEASED', 'DECOM'],
    (row, child, context) => {
      const first =
        child.Episodes.find((episode) => episode.LS !== 'V3' && episode.LS !== 'V4')?.DECOM ?? null;
      const date = row.DATE_PLACED_CEASED;
      return date !== null && (date < context.collectionStart || (first !== null && date < first));
    },
  ),
  rowRule(
    '184',
    'The decision that the child should be placed for adoption is dated before the child was born.',
    'PlacedAdoption',
    ['DATE_PLACED', 'DOB'],
    (row, child) => {
      const dob = row.DOB ?? dobOf(child);
      return row.DATE_PLACED !== null && dob !== null && row.DATE_PLACED < dob;
    },
  ),
  rowRule(
    '522',
    'The decision that the child should be placed for adoption must be on or before the decision that they should no longer be.',
    'PlacedAdoption',
    ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    (row) =>
      row.DATE_PLACED !== null && row.DATE_PLACED_CEASED !== null && row.DATE_PLACED_CEASED < row.DATE_PLACED,
  ),
  rowRule(
    '563',
    'The child should no longer be placed for adoption, but the date of the decision that they should be is blank.',
    'PlacedAdoption',
    ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    (row) =>
      row.REASON_PLACED_CEASED !== null && given(row, 'DATE_PLACED_CEASED') && !given(row, 'DATE_PLACED'),
  ),
  rowRule(
    '1003',
    'The decision that the child should be placed for adoption is dated before the child started to be looked after.',
    'PlacedAdoption',
    ['DATE_PLACED', 'DECOM'],
    (row, child) => {
      const start = child.Episodes.find((episode) => episode.RNE === 'S')?.DECOM ?? null;
      return row.DATE_PLACED !== null && start !== null && row.DATE_PLACED < start;
    },
  ),
  {
    code: '523',
    message:
      'The date of the decision that the child should be placed for adoption must be the same in the placed for adoption table and in AD1.',
    tables: ['PlacedAdoption', 'AD1'],
    fields: ['DATE_PLACED', 'DATE_INT'],
    years: { from: 2025 },
    check: (child) =>
      child.PlacedAdoption.flatMap((row) =>
        child.AD1.filter(
          (ad1) => ad1.DATE_INT !== null && row.DATE_PLACED !== null && ad1.DATE_INT !== row.DATE_PLACED,
        ).flatMap((ad1) => [at(row), at(ad1)]),
      ),
  },
  {
    code: '525',
    message:
      'The decision to place the child for adoption was reversed, so the child cannot be adopted in the year.',
    tables: ['PlacedAdoption', 'AD1'],
    fields: ['DATE_PLACED_CEASED', ...adoptionItems],
    years: { from: 2025 },
    check: (child) => {
      const adoptions = child.AD1.filter((ad1) => adoptionItems.some((field) => given(ad1, field)));
      return child.PlacedAdoption.filter((row) => given(row, 'DATE_PLACED_CEASED')).flatMap((row) =>
        adoptions.length > 0 ? [at(row), ...adoptions.map(at)] : [],
      );
    },
  },
  {
    code: '579',
    message:
      'A new decision that the child should be placed for adoption cannot start while the previous one is still open, or before it ceased.',
    tables: ['PlacedAdoption'],
    fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    years: { from: 2025 },
    check: (child) =>
      flagAfterPrevious(
        byDate(child),
        (row, before) => before.DATE_PLACED_CEASED === null || row.DATE_PLACED! < before.DATE_PLACED_CEASED,
      ),
  },
  {
    code: '583',
    message:
      'More than one decision that the child should be placed for adoption is given, but an earlier one has not been reversed.',
    tables: ['PlacedAdoption'],
    fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
    years: { from: 2025 },
    check: (child) =>
      byDate(child)
        .slice(0, -1)
        .filter((row) => !given(row, 'DATE_PLACED_CEASED'))
        .map(at),
  },
  episodeRule(
    '551',
    'The child was placed for adoption, but there is no date of the decision that they should be.',
    ['PLACE', 'DATE_PLACED'],
    (child) =>
      child.PlacedAdoption.some((row) => row.DATE_PLACED !== null)
        ? []
        : child.Episodes.filter((episode) => placedForAdoption.has(episode.PLACE ?? '')).map(at),
  ),
  episodeRule(
    '552',
    'The latest decision that the child should be placed for adoption must be on or before the day they were first placed for adoption.',
    ['DATE_PLACED', 'DECOM', 'PLACE'],
    (child) => {
      const placed = child.Episodes.find(
        (episode) => placedForAdoption.has(episode.PLACE ?? '') && episode.DECOM !== null,
      );
      const latest = byDate(child).at(-1);
      return placed && latest && placed.DECOM! < latest.DATE_PLACED! ? [at(latest), at(placed)] : [];
    },
  ),
  episodeRule(
    '553',
    'A placement order has been granted (E1), but there is no decision that the child should be placed for adoption, or it is shown as reversed while the order is in force.',
    ['LS', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    (child) => {
      const orders = child.Episodes.filter((episode) => episode.LS === 'E1');
      if (child.PlacedAdoption.length === 0) return orders.map(at);
      const inForce = orders.some((episode) => episode.DEC === null);
      return inForce ? child.PlacedAdoption.filter(reversed).map(at) : [];
    },
  ),
  episodeRule(
    '554',
    'The decision that the child should be placed for adoption must be on or before the placement order (the first episode with legal status E1).',
    ['DATE_PLACED', 'DECOM', 'LS'],
    (child) => {
      const order = child.Episodes.find((episode) => episode.LS === 'E1' && episode.DECOM !== null);
      if (!order) return [];
      const late = child.PlacedAdoption.filter(
        (row) => row.DATE_PLACED !== null && row.DATE_PLACED > order.DECOM!,
      );
      return late.length > 0 ? [at(order), ...late.map(at)] : [];
    },
  ),
  episodeRule(
    '557',
    'The child was to be placed for adoption and has left care without being adopted, but the decision that they should no longer be placed for adoption is not given.',
    ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED', 'PLACE', 'LS', 'REC'],
    (child) => {
      const leftUnadopted = child.Episodes.filter(
        (episode) =>
          (placedForAdoption.has(episode.PLACE ?? '') || episode.LS === 'E1') &&
          episode.REC !== null &&
          episode.REC !== 'X1' &&
          !adopted(episode),
      );
      if (leftUnadopted.length === 0) return [];
      const incomplete = child.PlacedAdoption.filter(
        (row) => !given(row, 'DATE_PLACED_CEASED') || row.REASON_PLACED_CEASED === null,
      );
      if (child.PlacedAdoption.length > 0 && incomplete.length === 0) return [];
      return [...leftUnadopted.map(at), ...incomplete.map(at)];
    },
  ),
  episodeRule(
    '558',
    'The child was adopted, so the latest decision that they should be placed for adoption cannot have been reversed.',
    ['REC', 'DATE_PLACED_CEASED'],
    (child) => {
      const latest = byDate(child).at(-1);
      return latest && given(latest, 'DATE_PLACED_CEASED') ? child.Episodes.filter(adopted).map(at) : [];
    },
  ),
  rowRule(
    '559',
    'The decision that the child should be placed for adoption was made before this year, but last year’s return does not have it.',
    'PlacedAdoption',
    ['DATE_PLACED'],
    (row, child, context) =>
      row.DATE_PLACED !== null &&
      row.DATE_PLACED < context.collectionStart &&
      !lastYear(child, context).some((last) => last.DATE_PLACED !== null),
    { needs: ['previous'] },
  ),
  {
    code: '560',
    message:
      'Last year’s return has a decision to place the child for adoption that was not reversed, but no decision this year has its date.',
    tables: ['PlacedAdoption'],
    fields: ['DATE_PLACED'],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context) => {
      const open = lastYear(child, context).filter((last) => last.DATE_PLACED !== null && !reversed(last));
      const dates = new Set(child.PlacedAdoption.map((row) => row.DATE_PLACED));
      const first = child.PlacedAdoption[0];
      return first && open.some((last) => !dates.has(last.DATE_PLACED)) ? [at(first)] : [];
    },
  },
  rowRule(
    '561',
    'The decision that the child should be placed for adoption has the date of one last year that was reversed.',
    'PlacedAdoption',
    ['DATE_PLACED'],
    (row, child, context) =>
      row.DATE_PLACED !== null &&
      lastYear(child, context).some((last) => last.DATE_PLACED === row.DATE_PLACED && reversed(last)),
    { needs: ['previous'] },
  ),
  rowRule(
    '584',
    'Last year’s decision to place the child for adoption was reversed, so a decision this year must be dated after it.',
    'PlacedAdoption',
    ['DATE_PLACED'],
    (row, child, context) =>
      lastYear(child, context).some(
        (last) =>
          last.DATE_PLACED !== null &&
          reversed(last) &&
          (row.DATE_PLACED === null || row.DATE_PLACED <= last.DATE_PLACED),
      ),
    { needs: ['previous'] },
  ),
];

import { birthday } from '../../dates.ts';
import type { Ssda903Rule } from '../context.ts';
import { hasCareLeaverData } from './care-leavers-oc3.ts';
import { episodeInYear, rowDob, rowRule } from './support.ts';

/**
 * SSDA903 rules of 2025–26 on the UASC table: children who are or were unaccompanied asylum-seeking
 * children, and the date that status ceased (DUC). A child's UASC status is being on that table.
 */
export const uascRules: readonly Ssda903Rule[] = [
  rowRule(
    '104',
    'The date UASC status ceased is not a real date, or is before the start of the collection year.',
    'UASC',
    ['DUC'],
    (row, _child, context) =>
      row.unreadable.DUC !== undefined || (row.DUC !== null && row.DUC < context.collectionStart),
  ),
  rowRule(
    '304',
    'The date UASC status ceased must be on or before the child’s 18th birthday.',
    'UASC',
    ['DUC', 'DOB'],
    (row, child) => {
      const dob = rowDob(row, child);
      return row.DUC !== null && dob !== null && row.DUC > birthday(dob, 18);
    },
  ),
  rowRule(
    '231',
    'The child is recorded as UASC but is under 11 at the end of the collection year: check the date of birth.',
    'Header',
    ['DOB'],
    (row, child, context) =>
      child.UASC.length > 0 && row.DOB !== null && birthday(row.DOB, 11) > context.collectionEnd,
    { alsoReads: ['UASC'] },
  ),
  rowRule(
    '1014',
    'UASC information is not returned for a care leaver who was not looked after in the year.',
    'UASC',
    ['DUC'],
    (_row, child, context) =>
      child.OC3.some(hasCareLeaverData) && !child.Episodes.some((episode) => episodeInYear(episode, context)),
    { alsoReads: ['OC3', 'Episodes'] },
  ),
];

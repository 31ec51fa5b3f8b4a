import type { Ssda903Rule } from '../context.ts';
import type { Ssda903Table } from '../tables.ts';
import { rowRule } from './support.ts';

/**
 * The tables whose rows name a child who must also be in the Header, as the integrity checks of the
 * 2025–26 rules name them. Social worker episodes have no such check.
 */
type ChildTable = Exclude<Ssda903Table, 'Header' | 'SWEpisodes'>;
/** The tables that repeat the child's date of birth. */
type DobTable = Exclude<ChildTable, 'Episodes'>;

/** A rule that a child on `table` must be in the Header too. */
function inHeader(code: string, table: ChildTable): Ssda903Rule {
  return rowRule(
    code,
    `The child is in the ${table} table but not in the Header.`,
    table,
    ['CHILD'],
    (_row, child) => child.Header.length === 0,
    { alsoReads: ['Header'] },
  );
}

/** A rule that the date of birth on `table` must be the Header's (both given and real dates). */
function sameDob(code: string, table: DobTable): Ssda903Rule {
  return rowRule(
    code,
    `The date of birth in the ${table} table differs from the one in the Header.`,
    table,
    ['DOB'],
    (row, child) => {
      const header = child.Header[0]?.DOB ?? null;
      return row.DOB !== null && header !== null && row.DOB !== header;
    },
    { alsoReads: ['Header'] },
  );
}

/** A rule that a child has at most one row on `table`. */
function once(code: string, table: Ssda903Table): Ssda903Rule {
  return rowRule(
    code,
    `The child is in the ${table} table more than once: there should be one row.`,
    table,
    ['CHILD'],
    (_row, child) => child[table].length > 1,
  );
}

/**
 * SSDA903 integrity checks of 2025–26 (INT and EPI): the DfE's checks that the tables of a return
 * agree about who the children are, before any other rule can be trusted.
 */
export const integrityRules: readonly Ssda903Rule[] = [
  inHeader('INT01', 'AD1'),
  inHeader('INT02', 'PlacedAdoption'),
  inHeader('INT03', 'Episodes'),
  inHeader('INT04', 'Missing'),
  inHeader('INT05', 'OC2'),
  inHeader('INT06', 'OC3'),
  inHeader('INT07', 'PrevPerm'),
  inHeader('INT08', 'Reviews'),
  inHeader('INT09', 'UASC'),
  sameDob('INT11', 'AD1'),
  sameDob('INT12', 'PlacedAdoption'),
  sameDob('INT13', 'Missing'),
  sameDob('INT14', 'OC2'),
  sameDob('INT15', 'OC3'),
  sameDob('INT16', 'PrevPerm'),
  sameDob('INT17', 'Reviews'),
  sameDob('INT18', 'UASC'),
  rowRule(
    'INT21',
    'The sex in the UASC table differs from the one in the Header.',
    'UASC',
    ['SEX'],
    (row, child) => {
      const header = child.Header[0]?.SEX ?? null;
      return row.SEX !== null && header !== null && row.SEX !== header;
    },
    { alsoReads: ['Header'] },
  ),
  once('INT31', 'AD1'),
  once('INT32', 'Header'),
  once('INT33', 'OC2'),
  once('INT34', 'OC3'),
  once('INT35', 'PrevPerm'),
  once('INT36', 'UASC'),
  // Every child in the Header is looked after in the year or a care leaver: one with neither episodes
  // nor an OC3 row has had their episodes left out.
  rowRule(
    'EPI',
    'The child has no episode in the return and is not a care leaver on the OC3 table: their episodes must be loaded before the rest of their record can be validated.',
    'Header',
    ['CHILD'],
    (_row, child) => child.Episodes.length === 0 && child.OC3.length === 0,
    { alsoReads: ['Episodes'] },
  ),
];

import { normaliseNhsNumber } from '../../domain/identifiers/nhs-number.ts';
import { normaliseUpn } from '../../domain/identifiers/upn.ts';
import { isUnspacedScript, searchNameOf } from '../../domain/names/search-name.ts';

/** A word typed as part of a name: as typed, as its search name, and whether its script puts no spaces. */
export interface NameToken {
  text: string;
  searchName: string;
  unspaced: boolean;
}

/** What a search box's text is taken to be: an identifier, a date of birth, a postcode, or names. */
export type SearchTerms =
  | { kind: 'upn'; upn: string }
  | { kind: 'nhs-number'; nhsNumber: string }
  | { kind: 'date-of-birth'; date: string }
  | { kind: 'postcode'; postcode: string }
  | { kind: 'name'; text: string; tokens: NameToken[] }
  | { kind: 'empty' }
  /** Every child the list may show: the Children page before anything is typed. */
  | { kind: 'all' };

const postcodeShape = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

/**
 * Reads a search: a 13-character UPN, a 10-digit NHS number, a date (27/3/2015, 27 3 2015 or 2015-03-27), a
 * full postcode, or else one or more names (which also match the council's child id exactly).
 */
export function searchTermsOf(input: string): SearchTerms {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };
  const upn = normaliseUpn(text);
  if (/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return { kind: 'upn', upn };
  const nhs = normaliseNhsNumber(text);
  if (/^\d{10}$/.test(nhs)) return { kind: 'nhs-number', nhsNumber: nhs };
  const uk = /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (uk || iso) {
    const [year, month, day] = uk ? [uk[3]!, uk[2]!, uk[1]!] : [iso![1]!, iso![2]!, iso![3]!];
    const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const check = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(check.getTime()) && check.toISOString().startsWith(date))
      return { kind: 'date-of-birth', date };
  }
  const postcode = text.replace(/\s+/g, '').toUpperCase();
  if (postcodeShape.test(postcode)) return { kind: 'postcode', postcode };
  const tokens = text
    .split(' ')
    .map((token) => token.replace(/[^\p{L}\p{M}\p{N}'’-]/gu, ''))
    .map((token) => ({ text: token, searchName: searchNameOf(token), unspaced: isUnspacedScript(token) }))
    .filter((token) => token.searchName.length > 0)
    .slice(0, 4);
  return tokens.length ? { kind: 'name', text, tokens } : { kind: 'empty' };
}

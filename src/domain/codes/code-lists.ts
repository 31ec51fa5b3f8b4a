import { dfeCodeRowsByYear } from './dfe-codes.generated.ts';

/** The two child-level returns whose code lists Hearth keeps. */
export type Collection = 'SSDA903' | 'CIN';

/** One row of a DfE code list: collection, field (as the DfE names it), code, short meaning. */
export type DfeCodeRow = readonly [collection: Collection, field: string, code: string, meaning: string];

/** The codes one field accepts in one collection year, with their short meanings. */
export interface CodeList {
  readonly collection: Collection;
  readonly field: string;
  readonly year: number;
  /** Code → meaning. Meanings are paraphrases: check them against the DfE guide before showing them. */
  readonly meanings: ReadonlyMap<string, string>;
  has(code: string | null | undefined): boolean;
}

/** Asked for a code list Hearth does not hold: a programming error, not a fault in a return. */
export class UnknownCodeList extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownCodeList';
  }
}

const built = new Map<number, Map<string, CodeList>>();

function listsOfYear(year: number): Map<string, CodeList> {
  const cached = built.get(year);
  if (cached) return cached;
  const rows = dfeCodeRowsByYear[year];
  if (!rows) throw new UnknownCodeList(`Hearth holds no DfE code lists for the collection year ${year}.`);
  const meaningsByKey = new Map<string, Map<string, string>>();
  for (const [collection, field, code, meaning] of rows) {
    const key = `${collection}.${field}`;
    let meanings = meaningsByKey.get(key);
    if (!meanings) meaningsByKey.set(key, (meanings = new Map()));
    meanings.set(code, meaning);
  }
  const lists = new Map<string, CodeList>();
  for (const [key, meanings] of meaningsByKey) {
    const [collection, field] = key.split('.') as [Collection, string];
    lists.set(key, {
      collection,
      field,
      year,
      meanings,
      has: (code) => code !== null && code !== undefined && meanings.has(code),
    });
  }
  built.set(year, lists);
  return lists;
}

/** The collection years (1 April of `year` to 31 March of the next) whose code lists Hearth holds. */
export function codeListYears(): number[] {
  return Object.keys(dfeCodeRowsByYear)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The codes `field` accepts in `collection` for the collection year starting 1 April `year`, as the
 * DfE validation rules of that year accept them (source: DfE SSDA903 and CIN census guides and
 * validation rules, copied from ../shared/dfe-codes.csv). Throws UnknownCodeList for a list not held.
 */
export function codeList(collection: Collection, field: string, year: number): CodeList {
  const list = listsOfYear(year).get(`${collection}.${field}`);
  if (!list) throw new UnknownCodeList(`Hearth holds no ${collection} code list for ${field} in ${year}.`);
  return list;
}

/** The DfE collection year (1 April to 31 March) a date falls in, named by the year it starts. */
export function collectionYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * The code list in force on a date: that of the collection year (1 April to 31 March) the date falls in, or the
 * nearest earlier year Hearth holds (the earliest, for dates before any).
 */
export function codeListOn(collection: Collection, field: string, date: string): CodeList {
  const wanted = collectionYearOf(date);
  const years = codeListYears();
  const year = years.filter((held) => held <= wanted).at(-1) ?? years[0]!;
  return codeList(collection, field, year);
}

/**
 * A code in words with the code after it, "Abuse or neglect (N1)", as Hearth shows every recorded code; the code
 * alone when the list does not hold it.
 */
export function codeInWords(list: CodeList, code: string): string {
  const meaning = list.meanings.get(code);
  return meaning ? `${meaning} (${code})` : code;
}

/**
 * Words from a code list placed within a sentence: "Interim care order (C1)" reads "interim care order (C1)", while
 * words that begin with capitals ("UASC …", "NHS/health trust …") keep them.
 */
export function inSentence(words: string): string {
  return /^[A-Z][a-z]/.test(words) ? `${words.charAt(0).toLowerCase()}${words.slice(1)}` : words;
}

/** A code list as choices for a form: "meaning (code)", in code order. */
export function codeChoices(collection: Collection, field: string, date: string) {
  const list = codeListOn(collection, field, date);
  return [...list.meanings.keys()].map((value) => ({ value, text: codeInWords(list, value) }));
}

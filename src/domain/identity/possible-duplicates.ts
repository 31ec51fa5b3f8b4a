import { Temporal } from 'temporal-polyfill';
import { postcodeKey } from '../geography/distance.ts';
import { searchNameOf } from '../names/search-name.ts';

/**
 * The duplicate check at the front door (issue 17): before a new child is created, is this a child already known?
 * A second record for one child splits their history, so that a worker reading one record misses what is in the
 * other: the failing that serious case reviews name again and again ("information held but not joined up";
 * Working Together 2023, chapter 1: practitioners should share and join up information about a child). The check
 * weighs what the person at the front door was told against each child Hearth holds and says, in words, why it
 * thinks they might be the same child, or family.
 */

/** What the front door was told about the child. Identifiers are normalised; names as typed. */
export interface Enquiry {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  /** For an unborn child. */
  expectedDateOfBirth: string | null;
  nhsNumber: string | null;
  upn: string | null;
  addressLine1: string | null;
  postcode: string | null;
  /** Parents' and carers' full names, as told. */
  parentNames: readonly string[];
}

/** A child Hearth holds, with what the check compares: the same facts as an enquiry, and the names known by. */
export interface KnownChild extends Omit<Enquiry, 'parentNames'> {
  id: string;
  otherNames: string | null;
  /** The people related to the child as parent or carer, with the relationship: "mother". */
  parents: readonly { name: string; relationship: string }[];
}

/**
 * `same-child`: the worker must say whether this is the child (an identifier matches, or name and another fact
 * do). `possibly`: some facts agree. `family`: a relation of the child (a brother or sister at the same address,
 * or a child of the same parent), shown so that the family network is joined up, not offered as the same child.
 */
export type Likeness = 'same-child' | 'possibly' | 'family';

export interface PossibleDuplicate {
  childId: string;
  likeness: Likeness;
  /** Why, in words for the worker: "Same NHS number", "Same date of birth". */
  reasons: string[];
  /** Whether an NHS number or UPN matched: a new record with it would be a second record of one child. */
  sameIdentifier: boolean;
  score: number;
}

/** How close two names must be (Jaro–Winkler) to count as the same name spelt differently: Jaden and Jayden. */
const CLOSE_NAME = 0.85;
/** An unborn child's expected date is an estimate: a baby may come weeks early or late. */
const EXPECTED_DATE_WINDOW_DAYS = 42;

/** A name folded as search folds it (accents, Søren as Soren), then letters alone, for comparing spellings. */
function plain(name: string): string {
  return searchNameOf(name).replace(/[^a-z]/g, '');
}

/** Jaro–Winkler similarity of two names, 0 to 1 (Winkler 1990, as used for record linkage by the ONS). */
export function nameSimilarity(first: string, second: string): number {
  const a = plain(first);
  const b = plain(second);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * A name as it sounds, for spellings Jaro–Winkler alone weighs too far apart: the endings -ie, -ey, -ee, -i and
 * -y (Rubie and Ruby, Katie and Katy), ph for f (Sophie and Sofie), and doubled letters (Mohammed, Muhamad).
 */
function sounded(name: string): string {
  return plain(name)
    .replaceAll('ph', 'f')
    .replace(/(.)\1+/g, '$1')
    .replace(/(ie|ey|ee|i|y)$/, 'y');
}

const close = (first: string, second: string) =>
  nameSimilarity(first, second) >= CLOSE_NAME ||
  (sounded(first) !== '' && sounded(first) === sounded(second));

type NameMatch = 'exact' | 'transposed' | 'close' | 'family-only' | 'given-only' | 'none';

function nameMatch(enquiry: Enquiry, child: KnownChild): NameMatch {
  const given = [child.givenName, ...(child.otherNames ?? '').split(/[\s,]+/)].filter(Boolean);
  const givenSame = given.some((name) => plain(name) === plain(enquiry.givenName));
  const familySame = plain(child.familyName) === plain(enquiry.familyName);
  if (givenSame && familySame) return 'exact';
  // Given and family names the other way round, as often happens when a name is written down from a call.
  if (
    plain(child.givenName) === plain(enquiry.familyName) &&
    plain(child.familyName) === plain(enquiry.givenName)
  )
    return 'transposed';
  const givenClose = given.some((name) => close(name, enquiry.givenName));
  const familyClose = close(child.familyName, enquiry.familyName);
  if (givenClose && familyClose) return 'close';
  if (familyClose) return 'family-only';
  return givenClose ? 'given-only' : 'none';
}

function sameAddress(enquiry: Enquiry, child: KnownChild): boolean {
  if (!enquiry.postcode || !child.postcode) return false;
  if (postcodeKey(enquiry.postcode) !== postcodeKey(child.postcode)) return false;
  const house = (line: string | null) => plain((line ?? '').split(/\s+/)[0] ?? '');
  // The same postcode and the same first word of the address (usually the house number or name).
  return Boolean(enquiry.addressLine1) && house(enquiry.addressLine1) === house(child.addressLine1);
}

function sharedParent(enquiry: Enquiry, child: KnownChild): string | undefined {
  for (const parent of child.parents)
    for (const told of enquiry.parentNames) {
      const [toldFirst, ...toldRest] = told.trim().split(/\s+/);
      const [knownFirst, ...knownRest] = parent.name.trim().split(/\s+/);
      if (
        toldFirst &&
        knownFirst &&
        close(toldFirst, knownFirst) &&
        close(toldRest.join(' ') || toldFirst, knownRest.join(' ') || knownFirst)
      )
        return `${parent.relationship === 'other' ? 'parent or carer' : parent.relationship} ${parent.name}`;
    }
  return undefined;
}

function daysApart(first: string, second: string): number {
  return Math.abs(Temporal.PlainDate.from(first).until(Temporal.PlainDate.from(second)).days);
}

/**
 * One known child weighed against the enquiry: a likeness with its reasons, or undefined when nothing worth a
 * worker's attention agrees. A matching NHS number or UPN outweighs any name; identifiers that differ mean two
 * children, however alike their names. A child with the same family name at the same address, or the same
 * parent, but another given name or date of birth, is family, not the same child.
 */
export function likenessOf(enquiry: Enquiry, child: KnownChild): PossibleDuplicate | undefined {
  const reasons: string[] = [];
  let score = 0;
  const sameNhs = Boolean(enquiry.nhsNumber && enquiry.nhsNumber === child.nhsNumber);
  const sameUpn = Boolean(enquiry.upn && enquiry.upn === child.upn);
  if (sameNhs) reasons.push('Same NHS number');
  if (sameUpn) reasons.push('Same UPN');
  const differentIdentifier =
    (enquiry.nhsNumber && child.nhsNumber && !sameNhs) || (enquiry.upn && child.upn && !sameUpn);

  const name = nameMatch(enquiry, child);
  const nameWords: Partial<Record<NameMatch, string>> = {
    exact: 'Same name',
    transposed: 'Same names, the other way round',
    close: 'A name spelt a little differently',
  };
  if (nameWords[name]) reasons.push(nameWords[name]);
  score += { exact: 40, transposed: 35, close: 30, 'family-only': 10, 'given-only': 5, none: 0 }[name];

  const sameBirth = Boolean(enquiry.dateOfBirth && enquiry.dateOfBirth === child.dateOfBirth);
  if (sameBirth) reasons.push('Same date of birth');
  // An unborn child: expected around the same time as another unborn child, or a baby born since.
  const expected = enquiry.expectedDateOfBirth;
  const childBirth = child.dateOfBirth ?? child.expectedDateOfBirth;
  const sameExpected = Boolean(
    expected && childBirth && daysApart(expected, childBirth) <= EXPECTED_DATE_WINDOW_DAYS,
  );
  if (sameExpected)
    reasons.push(child.dateOfBirth ? 'Born around the date expected' : 'Expected around the same date');

  const address = sameAddress(enquiry, child);
  if (address) reasons.push('Same address');
  const parent = sharedParent(enquiry, child);
  if (parent) reasons.push(`Same ${parent}`);
  score += (sameBirth ? 40 : 0) + (sameExpected ? 25 : 0) + (address ? 15 : 0) + (parent ? 20 : 0);

  if (sameNhs || sameUpn)
    return { childId: child.id, likeness: 'same-child', reasons, sameIdentifier: true, score: score + 100 };
  const nameAgrees = name === 'exact' || name === 'transposed' || name === 'close';
  const likeness = ((): Likeness | undefined => {
    if (nameAgrees && (sameBirth || sameExpected || address || parent)) return 'same-child';
    // An unborn child is known by the expected date and the mother far more than by a name not yet given.
    if (expected && sameExpected && parent) return 'same-child';
    if (nameAgrees) return 'possibly';
    // A family name changed (a new step-parent, an adoption): the same birthday at the same home or parent.
    if (sameBirth && name !== 'family-only' && (address || parent)) return 'possibly';
    return undefined;
  })();
  if (likeness) {
    // Different identifiers say two children; a mistyped one says otherwise, so the worker still looks.
    if (differentIdentifier) reasons.push('But a different NHS number or UPN');
    const shown = differentIdentifier ? 'possibly' : likeness;
    return { childId: child.id, likeness: shown, reasons, sameIdentifier: false, score };
  }
  if ((name === 'family-only' && address) || parent)
    return {
      childId: child.id,
      likeness: 'family',
      reasons: familyReasons(address, parent),
      sameIdentifier: false,
      score,
    };
  return undefined;
}

function familyReasons(address: boolean, parent: string | undefined): string[] {
  return [
    ...(address ? ['Same family name and address: may be a brother or sister'] : []),
    ...(parent ? [`Same ${parent}`] : []),
  ];
}

const order: Record<Likeness, number> = { 'same-child': 0, possibly: 1, family: 2 };

/** The known children worth showing, most alike first: the same child before possibly, possibly before family. */
export function possibleDuplicates(enquiry: Enquiry, known: readonly KnownChild[]): PossibleDuplicate[] {
  return known
    .map((child) => likenessOf(enquiry, child))
    .filter((found): found is PossibleDuplicate => found !== undefined)
    .sort((a, b) => order[a.likeness] - order[b.likeness] || b.score - a.score);
}

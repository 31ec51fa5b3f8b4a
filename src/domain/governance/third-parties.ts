/**
 * Third parties' information in a child's record, for a subject access request (UK GDPR article 15; Data
 * Protection Act 2018 schedule 2 paragraph 16): the child receives their record, but other people's information
 * is withheld unless they consent or it is reasonable to disclose it. An information governance officer decides,
 * person by person; these functions find where each person appears and take the words out.
 */

export type ThirdPartyKind = 'family-or-network' | 'professional' | 'other-child';

export interface ThirdParty {
  /** Stable within one export: the person's or child's id. */
  key: string;
  kind: ThirdPartyKind;
  /** How the officer knows them: "Dana Taylor (mother)". */
  label: string;
  /** Words that identify them wherever they appear: a full name, a name on its own, a telephone number. */
  terms: readonly string[];
}

/** A run of text: plain, or words that belong to a third party. */
export type Segment = { text: string } | { text: string; party: string };

export const REDACTED = '[redacted: third party]';

/** The child's own names, which are never a third party's even when a parent shares the family name. */
export interface SubjectNames {
  givenName: string;
  familyName: string;
}

/**
 * The words that identify a person: their full name; each of their names alone when it is at least three
 * letters and not one of the child's own (a mother's family name is often the child's); their telephone number.
 */
export function termsFor(
  person: { givenName: string; familyName: string; phone?: string | null },
  subject: SubjectNames,
): string[] {
  const own = new Set([subject.givenName, subject.familyName].map((name) => name.trim().toLowerCase()));
  const names = [person.givenName, person.familyName]
    .map((name) => name.trim())
    .filter((name) => name.length >= 3 && !own.has(name.toLowerCase()));
  const full = `${person.givenName.trim()} ${person.familyName.trim()}`.trim();
  return [...new Set([full, ...names, ...(person.phone?.trim() ? [person.phone.trim()] : [])])].filter(
    Boolean,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into plain runs and the runs that name a third party. Longer terms win over shorter ones (a
 * full name over the given name inside it); a term matches whole words only, and any letter case.
 */
export function markThirdParties(text: string, parties: readonly ThirdParty[]): Segment[] {
  const terms = parties
    .flatMap((party) => party.terms.map((term) => ({ term, party: party.key })))
    .filter(({ term }) => term.trim().length > 0)
    .sort((a, b) => b.term.length - a.term.length);
  if (terms.length === 0 || text.length === 0) return text ? [{ text }] : [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${terms.map(({ term }) => escapeRegExp(term)).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const owner = new Map(terms.map(({ term, party }) => [term.toLowerCase(), party]));
  const segments: Segment[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ text: match[0], party: owner.get(match[0].toLowerCase())! });
    from = match.index + match[0].length;
  }
  if (from < text.length) segments.push({ text: text.slice(from) });
  return segments;
}

/** Whether a segment belongs to one of the parties chosen for redaction. */
export function isRedacted(segment: Segment, chosen: ReadonlySet<string>): boolean {
  return 'party' in segment && chosen.has(segment.party);
}

/** The text as it is disclosed: each chosen party's words replaced by the redaction mark. */
export function redactedText(segments: readonly Segment[], chosen: ReadonlySet<string>): string {
  return segments.map((segment) => (isRedacted(segment, chosen) ? REDACTED : segment.text)).join('');
}

/** How many times each party appears across the texts, for the officer's list. */
export function appearances(texts: readonly (readonly Segment[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of texts.flat()) {
    if ('party' in segment) counts.set(segment.party, (counts.get(segment.party) ?? 0) + 1);
  }
  return counts;
}

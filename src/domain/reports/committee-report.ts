import { financialYear, quarter, type ReportingPeriod } from '../indicators/periods.ts';

/**
 * The parts of an English council's committee report that are the same for every council (issue 20, part 5):
 * the paragraphs of Schedule 12A to the Local Government Act 1972 under which a report or appendix is exempt from
 * publication, the implications every report sets out, and the periods a report covers.
 */

/** Schedule 12A, Part 1: the descriptions of exempt information (England), by paragraph. */
export const SCHEDULE_12A: Readonly<Record<number, string>> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes to give under any enactment a notice under or by virtue of which requirements are imposed on a person, or to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

/** Each paragraph of Schedule 12A in a few words, for choosing one. */
export const SCHEDULE_12A_SHORT: Readonly<Record<number, string>> = {
  1: 'About an individual',
  2: 'Likely to reveal who someone is',
  3: 'Financial or business affairs',
  4: 'Labour relations',
  5: 'Legal professional privilege',
  6: 'A proposed notice, order or direction',
  7: 'Preventing or prosecuting crime',
};

/** The implications a committee report sets out, in the order councils print them. */
export const IMPLICATIONS = [
  { kind: 'corporate', heading: 'Corporate implications' },
  { kind: 'financial', heading: 'Financial implications' },
  { kind: 'resource', heading: 'Resource implications (staffing, property, ICT)' },
  { kind: 'legal', heading: 'Legal implications' },
  { kind: 'risk', heading: 'Risk management implications' },
  { kind: 'equalities', heading: 'Equalities implications' },
  { kind: 'climate', heading: 'Climate change implications' },
  { kind: 'security', heading: 'Security implications' },
] as const;

export type ImplicationKind = (typeof IMPLICATIONS)[number]['kind'];

/** The classification line of the title block: public, or exempt under a paragraph of Schedule 12A. */
export function classificationWords(classification: 'public' | 'exempt', paragraph: number | null): string {
  if (classification === 'public') return 'Public';
  return `Exempt: not for publication by virtue of paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972. ${SCHEDULE_12A[paragraph ?? 0] ?? ''}`.trim();
}

/** A report's period: an annual report on a financial year, or a quarterly one. */
export interface ReportPeriod {
  readonly kind: 'annual' | 'quarter';
  /** The period in a web address or file name: "2025" (April 2025 to March 2026) or "2026-Q2". */
  readonly key: string;
  readonly period: ReportingPeriod;
}

/** The report period a key names ("2025", "2026-Q2"), or undefined. */
export function reportPeriodOf(key: string): ReportPeriod | undefined {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 2000 || year > 2200) return undefined;
  if (!match[2]) return { kind: 'annual', key, period: financialYear(year) };
  return { kind: 'quarter', key, period: quarter(year, Number(match[2]) as 1 | 2 | 3 | 4) };
}

/** The recommendations as the author wrote them, one a line, or the one every figures report makes. */
export function recommendationsOf(written: string): string[] {
  const lines = written
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-•*])\s*/, '').trim())
    .filter(Boolean);
  return lines.length
    ? lines
    : ['That the committee notes the figures in this report and the commentary on each theme.'];
}

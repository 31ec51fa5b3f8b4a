import type { IndicatorDefinition, IndicatorTheme } from '../indicators/indicator.ts';

/**
 * The self-evaluation of social work practice (issue 20, part 5), in the shape Ofsted's inspection of local
 * authority children's services (ILACS) uses: one section per judgement area, each answering the three questions
 * the self-evaluation asks. Hearth drafts from the year's figures what it can evidence, and says plainly what it
 * cannot (case audits, what children and families say), so the author adds what their own audits found.
 */

/** The ILACS judgement areas, in the order the framework sets them out. */
export const ILACS_AREAS = [
  {
    area: 'leadership',
    heading: 'The impact of leaders on social work practice with children and families',
    themes: ['workforce'],
  },
  {
    area: 'help-and-protection',
    heading: 'The experiences and progress of children who need help and protection',
    themes: ['front door', 'help and protection'],
  },
  {
    area: 'children-in-care',
    heading: 'The experiences and progress of children in care',
    themes: ['children in care'],
  },
  {
    area: 'care-leavers',
    heading: 'The experiences and progress of care leavers',
    themes: ['care leavers'],
  },
] as const satisfies readonly { area: string; heading: string; themes: readonly IndicatorTheme[] }[];

export type IlacsArea = (typeof ILACS_AREAS)[number]['area'];

/** The three questions each area answers (Ofsted's annual engagement meeting: the self-evaluation). */
export const SELF_EVALUATION_QUESTIONS = [
  { key: 'known', question: 'What do we know about the quality and impact of our practice?' },
  { key: 'how', question: 'How do we know it?' },
  { key: 'next', question: 'What are we doing next to improve or sustain it?' },
] as const;

export type QuestionKey = (typeof SELF_EVALUATION_QUESTIONS)[number]['key'];

/** The indicators that evidence an area: those of its dashboard themes, in the dashboard's order. */
export function indicatorsOfArea<T extends Pick<IndicatorDefinition, 'theme'>>(
  area: IlacsArea,
  indicators: readonly T[],
): T[] {
  const themes: readonly IndicatorTheme[] = ILACS_AREAS.find((one) => one.area === area)!.themes;
  return indicators.filter((indicator) => themes.includes(indicator.theme));
}

/** What Hearth does not hold for an area yet, said plainly so the author adds it from elsewhere. */
export function evidenceNotInHearth(area: IlacsArea): string[] {
  const audits =
    'Hearth does not yet record case audits or their grades: add what your audits of practice found, and how many you audited.';
  const voices: Record<IlacsArea, string> = {
    leadership:
      'Hearth does not yet record what social workers say about working here (staff surveys, health checks): add what they told you.',
    'help-and-protection':
      'Hearth does not yet record feedback from children and families who needed help and protection: add what they told you.',
    'children-in-care':
      'Hearth does not yet record feedback from children in care or their carers (the children in care council, surveys): add what they told you.',
    'care-leavers':
      'Hearth does not yet record feedback from care leavers (surveys, the care leavers’ forum): add what they told you.',
  };
  return [audits, voices[area]];
}

/** A figure as the sentence needs it: the year's, the year before's, and England's where loaded. */
export interface FigureEvidence {
  readonly definition: Pick<IndicatorDefinition, 'id' | 'title' | 'kind' | 'higherIsBetter'>;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly ratePer10000?: number | null;
  readonly yearBefore: number | null;
  /** England's published figure, and the year it is for ("2024–25"); null when none is loaded. */
  readonly england: { readonly value: number; readonly year: string } | null;
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const tenth = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A value as the dashboard shows it: "78.0%", "17.2", "1,234". */
function shown(kind: FigureEvidence['definition']['kind'], value: number): string {
  if (kind === 'percentage') return `${tenth.format(value)}%`;
  if (kind === 'average') return tenth.format(value);
  return whole.format(value);
}

/** How a proportion reads: "of [whole], [were]…", by indicator; care leavers' and the workforce's are derived. */
const PROPORTIONS: Readonly<Record<string, readonly [whole: string, counted: string]>> = {
  'contacts-to-referral': ['contacts', 'led to a referral'],
  're-referrals-12m': ['referrals', 'were of a child referred in the 12 months before'],
  'referrals-nfa': ['referrals', 'ended in no further action'],
  'assessments-45wd': ['assessments', 'were completed within 45 working days'],
  'assessments-45wd-from-referral': ['assessments', 'were completed within 45 working days of the referral'],
  's47-to-icpc': ['section 47 enquiries', 'led to an initial child protection conference'],
  'icpc-15wd': ['initial child protection conferences', 'were held within 15 working days'],
  'icpc-to-plan': ['initial child protection conferences', 'led to a child protection plan'],
  'cp-plans-repeat': ['child protection plans started', 'were a second or later plan for the child'],
  'cp-plans-ended-2y': ['child protection plans that ended', 'had lasted two years or more'],
  'cla-3-placements': [
    'children looked after at the year’s end',
    'had three or more placements in 12 months',
  ],
  'cla-long-term-stability': [
    'children under 16 looked after for 2½ years or more',
    'had lived in the same placement for 2 years or were placed for adoption',
  ],
  'cla-over-20-miles': [
    'children looked after whose distance from home is known',
    'were placed more than 20 miles from home',
  ],
  'cla-out-of-area': ['children looked after at the year’s end', 'were placed outside the council’s area'],
  'cla-missing': ['children looked after during the year', 'went missing at least once'],
};

/** How a count reads: "[1,234] [referrals started]". */
const COUNTS: Readonly<Record<string, string>> = {
  contacts: 'contacts were received',
  referrals: 'referrals were made',
  s47: 'section 47 enquiries were started',
  'cp-plans-at-end': 'children were on a child protection plan at the year’s end',
  'cp-plans-started': 'child protection plans were started',
  'cin-at-end': 'children were in need at the year’s end',
  'cla-at-end': 'children were looked after at the year’s end',
  'cla-started': 'children started to be looked after',
  'cla-ceased': 'children ceased to be looked after',
};

/** The first part of the sentence: the year's figure and what it stands on. */
function figureClause(evidence: FigureEvidence, value: number): string {
  const { definition, numerator, denominator } = evidence;
  if (definition.kind === 'count') {
    const rate =
      evidence.ratePer10000 == null ? '' : ` (${tenth.format(evidence.ratePer10000)} per 10,000 children)`;
    const said = COUNTS[definition.id];
    // "No referrals were made", not "0 referrals were made".
    return said
      ? `${value === 0 ? 'No' : whole.format(value)} ${said}${rate}`
      : `${definition.title}: ${whole.format(value)}${rate}`;
  }
  if (definition.kind === 'average')
    return `The ${lowerFirst(definition.title)} was ${shown('average', value)} (${whole.format(numerator)} children, ${tenth.format(denominator ?? 0)} full-time workers)`;
  const standsOn = `(${whole.format(numerator)} of ${whole.format(denominator ?? 0)})`;
  const phrase = PROPORTIONS[definition.id];
  if (phrase) return `${shown('percentage', value)} of ${phrase[0]} ${phrase[1]} ${standsOn}`;
  const leavers = /^Care leavers aged (\d+ to \d+) (.+)$/.exec(definition.title);
  if (leavers)
    return `${shown('percentage', value)} of care leavers aged ${leavers[1]} were ${leavers[2]} ${standsOn}`;
  return `The ${lowerFirst(definition.title)} was ${shown('percentage', value)} ${standsOn}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "(better)" or "(worse)" by the indicator's direction; nothing where neither way is better. */
function judged(definition: FigureEvidence['definition'], higher: boolean): string {
  if (definition.higherIsBetter === null) return '';
  return higher === definition.higherIsBetter ? ' (better)' : ' (worse)';
}

/**
 * One figure as a sentence of the draft: "78.0% of assessments were completed within 45 working days (412 of
 * 528), up from 71.0% the year before (better), and below England’s 82.0% in 2024–25 (worse)." Better or worse
 * by whether higher is better; England's figure only where it is loaded, and never beside a count (England's
 * count is not comparable with one council's).
 */
export function figureSentence(evidence: FigureEvidence): string {
  const { definition, value } = evidence;
  if (value === null) return `${definition.title}: nothing to count in the year, so no figure.`;
  const parts = [figureClause(evidence, value)];
  const before = evidence.yearBefore;
  if (before !== null)
    parts.push(
      before === value
        ? 'the same as the year before'
        : `${value > before ? 'up' : 'down'} from ${shown(definition.kind, before)} the year before${judged(definition, value > before)}`,
    );
  const england = evidence.england;
  if (england && definition.kind !== 'count')
    parts.push(
      england.value === value
        ? `the same as England’s in ${england.year}`
        : `${value > england.value ? 'above' : 'below'} England’s ${shown(definition.kind, england.value)} in ${england.year}${judged(definition, value > england.value)}`,
    );
  return `${parts.length === 3 ? `${parts[0]}, ${parts[1]}, and ${parts[2]}` : parts.join(', ')}.`;
}

/**
 * The area's figures as the draft's lines: a sentence for each figure there is, and one line naming those with
 * nothing to count in the year (a line each would bury the figures that say something).
 */
export function figureLines(evidence: readonly FigureEvidence[]): string[] {
  const none = evidence.filter((one) => one.value === null).map((one) => lowerFirst(one.definition.title));
  return [
    ...evidence.filter((one) => one.value !== null).map(figureSentence),
    ...(none.length ? [`Nothing to count in the year, so no figure, for: ${none.join('; ')}.`] : []),
  ];
}

/** The figures that got worse than the year before or are worse than England's: prompts for what to do next. */
export function figuresToWatch(evidence: readonly FigureEvidence[]): string[] {
  return evidence.flatMap(({ definition, value, yearBefore, england }) => {
    if (value === null || definition.higherIsBetter === null || definition.kind === 'count') return [];
    const worse = (than: number) => value !== than && value > than !== definition.higherIsBetter;
    const reasons = [
      ...(yearBefore !== null && worse(yearBefore) ? ['worse than the year before'] : []),
      ...(england && worse(england.value) ? [`worse than England’s in ${england.year}`] : []),
    ];
    return reasons.length ? [`${definition.title}: ${reasons.join(' and ')}.`] : [];
  });
}

/** Supervision at the year's end, for the leaders' section: how many case-holding staff were up to date. */
export function supervisionSentence(
  standings: readonly { overdue: boolean; lastHeld: string | null }[],
  dayWords: string,
): string | null {
  if (!standings.length) return null;
  const upToDate = standings.filter((standing) => !standing.overdue).length;
  // Of those overdue, the ones never supervised: a new starter not yet due is up to date, not "never supervised".
  const never = standings.filter((standing) => standing.overdue && standing.lastHeld === null).length;
  const percent = tenth.format((100 * upToDate) / standings.length);
  const neverWords = never
    ? `; ${whole.format(never)} of those overdue had no one-to-one supervision recorded in Hearth at all`
    : '';
  return `On ${dayWords}, ${percent}% of practitioners and managers (${whole.format(upToDate)} of ${whole.format(standings.length)}) were up to date with one-to-one supervision against the council’s standard${neverWords}.`;
}

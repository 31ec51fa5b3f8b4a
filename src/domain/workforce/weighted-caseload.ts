/**
 * Weighted caseloads (issue 21, part 2): a child counts for more or less of a worker's load by the kind of case
 * they are, since a child protection plan in court proceedings takes more work than a child in need. Councils
 * set their own weights (they differ: the LGA's caseload weighting tools and the councils' own schemes); the
 * defaults below are a starting point, with a child in need counting 1. A worker's target is the team's target for
 * a full-time worker times their FTE; managers hold no cases unless their team allows it (an adoption team's
 * manager may hold adoption work), so their target is otherwise nil.
 */

export const caseKindWords = {
  assessment: 'Being assessed',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection plan',
  'child-protection-in-proceedings': 'Child protection plan, in court proceedings',
  'looked-after': 'Looked after',
  'looked-after-in-proceedings': 'Looked after, in court proceedings',
  'care-leaver': 'Care leaver',
  other: 'Other open case',
} as const;
export type CaseKind = keyof typeof caseKindWords;
export const caseKinds = Object.keys(caseKindWords) as CaseKind[];

export const defaultCaseWeights: Readonly<Record<CaseKind, number>> = {
  assessment: 1,
  'child-in-need': 1,
  'child-protection': 1.5,
  'child-protection-in-proceedings': 2,
  'looked-after': 1.2,
  'looked-after-in-proceedings': 2,
  'care-leaver': 0.8,
  other: 1,
};

export function isCaseKind(text: string): text is CaseKind {
  return text in caseKindWords;
}

/** What a child's record says today, as far as the kind of case goes. */
export interface CaseFacts {
  lookedAfter: boolean;
  childProtectionPlan: boolean;
  careLeaver: boolean;
  /** An open assessment not yet authorised. */
  beingAssessed: boolean;
  /** An open episode of need (a child in need, with or without a plan). */
  openEpisode: boolean;
  /** A current court proceedings flag on the child's record. */
  inProceedings: boolean;
}

/** The kind of case a child is: the heaviest that applies, care before protection before the rest. */
export function caseKindOf(facts: CaseFacts): CaseKind {
  if (facts.lookedAfter) return facts.inProceedings ? 'looked-after-in-proceedings' : 'looked-after';
  if (facts.childProtectionPlan)
    return facts.inProceedings ? 'child-protection-in-proceedings' : 'child-protection';
  if (facts.careLeaver) return 'care-leaver';
  if (facts.beingAssessed) return 'assessment';
  if (facts.openEpisode) return 'child-in-need';
  return 'other';
}

/** The council's weights over the defaults, each kind it sets replacing the default. */
export function caseWeights(
  council: ReadonlyArray<{ kind: string; weight: number }>,
): Record<CaseKind, number> {
  const weights = { ...defaultCaseWeights };
  for (const { kind, weight } of council) if (isCaseKind(kind)) weights[kind] = weight;
  return weights;
}

export interface WorkerLoad {
  children: number;
  /** The weighted load, to one decimal place. */
  weighted: number;
  /** The worker's target (team target × FTE, to one place), or null when the team has none. */
  target: number | null;
  /** Target less weighted load: negative when over. Null without a target. */
  headroom: number | null;
  /** A manager holding cases in a team whose managers hold none. */
  managerHoldsCases: boolean;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** A worker's load from the kinds of their children. */
export function workerLoad(worker: {
  kinds: readonly CaseKind[];
  weights: Readonly<Record<CaseKind, number>>;
  teamTarget: number | null;
  fte: number;
  manager: boolean;
  managersHoldCases: boolean;
}): WorkerLoad {
  const weighted = oneDecimal(worker.kinds.reduce((sum, kind) => sum + worker.weights[kind], 0));
  const holdsNone = worker.manager && !worker.managersHoldCases;
  const target = holdsNone
    ? 0
    : worker.teamTarget === null
      ? null
      : oneDecimal(worker.teamTarget * worker.fte);
  return {
    children: worker.kinds.length,
    weighted,
    target,
    headroom: target === null ? null : oneDecimal(target - weighted),
    managerHoldsCases: holdsNone && worker.kinds.length > 0,
  };
}

/** A team's load: the sum of its workers'; the target only when every worker has one. */
export function teamLoad(workers: readonly WorkerLoad[]): Omit<WorkerLoad, 'managerHoldsCases'> {
  const sum = (values: number[]) => oneDecimal(values.reduce((total, value) => total + value, 0));
  const targets = workers.map((worker) => worker.target);
  const target = targets.some((value) => value === null) ? null : sum(targets as number[]);
  const weighted = sum(workers.map((worker) => worker.weighted));
  return {
    children: workers.reduce((total, worker) => total + worker.children, 0),
    weighted,
    target,
    headroom: target === null ? null : oneDecimal(target - weighted),
  };
}

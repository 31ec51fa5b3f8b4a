import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { caseHoldersOn, workforceMeasures, type WorkforceMeasures } from '../workforce/census.ts';
import type { CouncilFacts, WorkerFacts } from './facts.ts';
import { openOn } from './periods.ts';
import { oneDecimal, type IndicatorDefinition, type IndicatorFigure } from './indicator.ts';

/** The full-time equivalent of a worker; one when the workforce has not recorded it. */
const fteOf = (worker: WorkerFacts) => {
  const fte = worker.fte === null || worker.fte === undefined || worker.fte === '' ? NaN : Number(worker.fte);
  return Number.isFinite(fte) && fte > 0 ? fte : 1;
};

/**
 * Children allocated on `day` to case-holding social workers, over those workers' full-time equivalent (DfE
 * children's social work workforce census: average caseload per FTE case-holding children's social worker). A
 * case-holding social worker is one in post with at least one child allocated to them as allocated worker.
 */
export function caseloadPerWorker(facts: CouncilFacts, day: string): IndicatorFigure {
  const socialWorkers = new Map(
    facts.workers
      .filter((worker) => worker.role === 'social-worker' && (worker.left_on == null || worker.left_on > day))
      .map((worker) => [worker.id, worker]),
  );
  const holding = new Map<string, WorkerFacts>();
  const children: string[] = [];
  for (const child of facts.children) {
    const allocated = child.allocations.filter(
      (allocation) =>
        allocation.case_role === 'allocated-worker' &&
        socialWorkers.has(allocation.worker_id) &&
        openOn(allocation.from_date, allocation.to_date, day),
    );
    for (const allocation of allocated)
      holding.set(allocation.worker_id, socialWorkers.get(allocation.worker_id)!);
    if (allocated.length) children.push(child.child.id);
  }
  // FTEs are hundredths (numeric(3, 2)): rounding the sum keeps 0.1 + 0.2 from showing as 0.30000000000000004.
  const fte =
    Math.round([...holding.values()].reduce((total, worker) => total + fteOf(worker), 0) * 100) / 100;
  return {
    numerator: children.length,
    denominator: fte,
    value: fte === 0 ? null : oneDecimal(children.length / fte),
    children,
    outOf: null,
  };
}

/** The children each worker holds as allocated worker on `day`, from the children's records. */
function allocatedOn(facts: CouncilFacts, day: string): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const child of facts.children)
    for (const allocation of child.allocations)
      if (
        allocation.case_role === 'allocated-worker' &&
        openOn(allocation.from_date, allocation.to_date, day)
      )
        held.set(allocation.worker_id, [...(held.get(allocation.worker_id) ?? []), child.child.id]);
  return held;
}

// The four census measures read the same workforce on the same day: worked out once per council's facts and day.
const measured = new WeakMap<CouncilFacts, Map<string, WorkforceMeasures | null>>();

/** The census measures on `day` over the year ending on it, or null when the facts carry no workforce. */
function censusOn(facts: CouncilFacts, day: string, calendar: WorkingDayCalendar): WorkforceMeasures | null {
  const byDay = measured.get(facts) ?? new Map<string, WorkforceMeasures | null>();
  measured.set(facts, byDay);
  if (!byDay.has(day)) {
    const casesByWorker = new Map(
      [...allocatedOn(facts, day)].map(([worker, children]) => [worker, children.length]),
    );
    byDay.set(
      day,
      facts.workforce ? workforceMeasures({ ...facts.workforce, casesByWorker }, day, calendar) : null,
    );
  }
  return byDay.get(day)!;
}

/** A census rate as a figure: FTE over FTE, naming no child. */
function censusRate(
  measures: WorkforceMeasures | null,
  numerator: (measures: WorkforceMeasures) => number,
  denominator: (measures: WorkforceMeasures) => number,
): IndicatorFigure {
  const part = measures ? numerator(measures) : 0;
  const whole = measures ? Math.round(denominator(measures) * 100) / 100 : 0;
  return {
    numerator: part,
    denominator: whole,
    value: whole > 0 ? oneDecimal((100 * part) / whole) : null,
    children: [],
    outOf: null,
  };
}

/**
 * Caseload per case-holding FTE as the workforce census counts it: children allocated on `day` to the social
 * workers and advanced or senior practitioners in post (employed or agency), over those workers' FTE.
 */
export function caseloadPerFte(
  facts: CouncilFacts,
  day: string,
  calendar: WorkingDayCalendar,
): IndicatorFigure {
  const measures = censusOn(facts, day, calendar);
  const held = allocatedOn(facts, day);
  const children = facts.workforce
    ? [...new Set(caseHoldersOn(facts.workforce.workers, day).flatMap((worker) => held.get(worker.id) ?? []))]
    : [];
  return {
    numerator: measures?.cases ?? 0,
    denominator: measures?.caseHoldingFte ?? 0,
    value: measures?.caseloadPerCaseHoldingFte ?? null,
    children,
    outOf: null,
  };
}

const CENSUS =
  "DfE, 'Children's social work workforce' statistics and the census guide for local authorities (taken on 30 September)";

/** The workforce: caseloads (DfE children’s social work workforce statistics). */
export const workforceIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'caseload-per-worker',
    title: 'Average caseload per social worker',
    theme: 'workforce',
    counts:
      'Children allocated on the period’s last day to case-holding social workers (in post, with at least one child allocated to them), over those workers’ full-time equivalent; a worker without a recorded FTE counts as one.',
    numerator: 'children allocated on the last day to case-holding social workers',
    denominator: 'full-time equivalent of the case-holding social workers',
    kind: 'average',
    reading: 'on-last-day',
    higherIsBetter: false,
    source:
      "DfE, 'Children's social work workforce' statistics: average caseload per FTE case-holding social worker",
    compute: (facts, period) => caseloadPerWorker(facts, period.end),
  },
  {
    id: 'workforce-turnover',
    title: 'Social worker turnover rate',
    theme: 'workforce',
    counts:
      'The FTE of social workers employed by the council (permanent or fixed term) who left in the 12 months to the period’s last day, over the employed FTE in post on that day. A worker who leaves on the last day is a leaver and not in post; a move to another social work post in the council is not leaving. The census takes the year to 30 September.',
    numerator: 'FTE of employed social workers who left in the 12 months to the last day',
    denominator: 'FTE of employed social workers in post on the last day',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CENSUS}: turnover rate`,
    compute: (facts, period, calendar) =>
      censusRate(
        censusOn(facts, period.end, calendar),
        (m) => m.leaversFte,
        (m) => m.inPostFte,
      ),
  },
  {
    id: 'workforce-agency',
    title: 'Agency social worker rate',
    theme: 'workforce',
    counts:
      'The FTE of agency and locum social workers in post on the period’s last day, over their FTE and that of the social workers employed by the council in post then.',
    numerator: 'FTE of agency social workers in post on the last day',
    denominator: 'FTE of agency and employed social workers in post on the last day',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CENSUS}: agency worker rate`,
    compute: (facts, period, calendar) =>
      censusRate(
        censusOn(facts, period.end, calendar),
        (m) => m.agencyFte,
        (m) => m.agencyFte + m.inPostFte,
      ),
  },
  {
    id: 'workforce-vacancy',
    title: 'Social worker vacancy rate',
    theme: 'workforce',
    counts:
      'The FTE of established social work posts on the period’s last day not filled by an employed social worker (a post an agency worker covers is vacant), over that FTE and the employed FTE in post then.',
    numerator: 'FTE of social work posts vacant on the last day',
    denominator: 'FTE of vacant posts and of employed social workers in post on the last day',
    kind: 'percentage',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CENSUS}: vacancy rate`,
    compute: (facts, period, calendar) =>
      censusRate(
        censusOn(facts, period.end, calendar),
        (m) => m.vacantFte,
        (m) => m.vacantFte + m.inPostFte,
      ),
  },
  {
    id: 'caseload-per-fte',
    title: 'Caseload per case-holding FTE',
    theme: 'workforce',
    counts:
      'Children allocated on the period’s last day to the case-holding social workers in post (social workers, advanced and senior practitioners, employed or agency), over those workers’ FTE, as the workforce census counts it.',
    numerator: 'children allocated on the last day to case-holding social workers in post',
    denominator: 'FTE of the case-holding social workers in post on the last day',
    kind: 'average',
    reading: 'on-last-day',
    higherIsBetter: false,
    source: `${CENSUS}: average caseload per case-holding FTE`,
    compute: (facts, period, calendar) => caseloadPerFte(facts, period.end, calendar),
  },
];

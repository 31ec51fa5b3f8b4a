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
];

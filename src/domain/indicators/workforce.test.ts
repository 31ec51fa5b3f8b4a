import { describe, expect, it } from 'vitest';
import type { WorkerFacts } from './facts.ts';
import { financialYear } from './periods.ts';
import { aChild, figureOf } from './test-children.ts';

/** 2025–26: the caseload is taken on its last day, 31 March 2026. */
const year = financialYear(2025);

const allocated = (worker: string, from: string, to: string | null = null, role = 'allocated-worker') => ({
  allocations: [{ worker_id: worker, case_role: role, from_date: from, to_date: to }],
});

const workers: WorkerFacts[] = [
  { id: 'full-time', role: 'social-worker', fte: '1.00' },
  { id: 'half-time', role: 'social-worker', fte: '0.50' },
  { id: 'no-cases', role: 'social-worker', fte: '1.00' },
  { id: 'manager', role: 'team-manager', fte: '1.00' },
  { id: 'leaver', role: 'social-worker', fte: '1.00', left_on: '2026-03-31' },
];

const children = [
  aChild('c1', allocated('full-time', '2025-01-01')),
  aChild('c2', allocated('full-time', '2026-03-31')),
  aChild('c3', allocated('half-time', '2025-06-01')),
  // Allocation ended on 31 March: no longer held that day.
  aChild('c4', allocated('half-time', '2025-06-01', '2026-03-31')),
  // Held by a manager, not a social worker.
  aChild('c5', allocated('manager', '2025-06-01')),
  // Held by a social worker who left on 31 March.
  aChild('c6', allocated('leaver', '2025-06-01')),
  // Co-working is not holding the case.
  aChild('c7', allocated('full-time', '2025-06-01', null, 'co-worker')),
  // Allocated from after the last day.
  aChild('c8', allocated('half-time', '2026-04-01')),
];

describe('caseload-per-worker on 31 March 2026', () => {
  it('counts the children held by case-holding social workers over their full-time equivalent', () => {
    // c1, c2 (full-time) and c3 (half-time): 3 children; the case holders are 1.0 + 0.5 = 1.5 FTE (the worker
    // with no cases is not case-holding): 3 / 1.5 = 2.0.
    expect(figureOf('caseload-per-worker', children, year, { workers })).toMatchObject({
      numerator: 3,
      denominator: 1.5,
      value: 2,
      children: ['c1', 'c2', 'c3'],
    });
  });

  it('counts a worker whose FTE is not recorded as one', () => {
    const unrecorded = workers.map((worker) => ({ ...worker, fte: null }));
    // 3 children over 2 workers: 1.5.
    expect(figureOf('caseload-per-worker', children, year, { workers: unrecorded })).toMatchObject({
      numerator: 3,
      denominator: 2,
      value: 1.5,
    });
  });

  it('has no average when no one holds a case', () => {
    expect(figureOf('caseload-per-worker', [], year, { workers })).toMatchObject({
      numerator: 0,
      value: null,
    });
  });
});

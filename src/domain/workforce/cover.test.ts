import { describe, expect, it } from 'vitest';
import type { ChildAllocation, ChildForAllocation } from './allocation-rules.ts';
import { proposeCover, type ChildToCover, type CoverCandidate } from './cover.ts';

const on = '2026-12-07';
const absent = 'ann';
const candidate = (id: string, caseload: number, options: Partial<CoverCandidate> = {}): CoverCandidate => ({
  id,
  name: id,
  role: 'social-worker',
  qualified: true,
  sameTeam: true,
  caseload,
  target: 18,
  ...options,
});
const child = (
  id: string,
  options: Partial<ChildForAllocation> = {},
  reviewedBy: string[] = [],
): ChildToCover => ({
  id,
  absentWorkerId: absent,
  coveredRole: 'allocated-worker',
  reviewedBy,
  child: {
    givenName: id,
    stage: 'child-in-need',
    onPlan: true,
    referralDate: '2025-01-06',
    dateOfBirth: '2015-03-27',
    allocations: [allocation(absent, 'allocated-worker', '2025-01-07')],
    ...options,
  },
});
const allocation = (
  workerId: string,
  caseRole: string,
  from: string,
  to: string | null = null,
): ChildAllocation => ({
  workerId,
  workerName: workerId,
  caseRole,
  from,
  to,
});
const withHistory = (...extra: ChildAllocation[]) => ({
  allocations: [allocation(absent, 'allocated-worker', '2025-06-01'), ...extra],
});

describe('cover proposals', () => {
  it.each([
    [
      'someone who knows the child wins over a lighter caseload: an earlier allocated worker',
      [child('Ruby', withHistory(allocation('ben', 'allocated-worker', '2025-01-07', '2025-05-31')))],
      [candidate('ben', 15, { sameTeam: false }), candidate('cat', 2)],
      [['Ruby', 'ben', 'Knows Ruby (earlier allocated worker); 16 of 18 after cover']],
    ],
    [
      'the co-worker knows the child',
      [child('Ruby', withHistory(allocation('cat', 'co-worker', '2025-07-01')))],
      [candidate('ben', 1), candidate('cat', 10)],
      [['Ruby', 'cat', 'Knows Ruby (co-worker); 11 of 18 after cover']],
    ],
    [
      'someone at a review knows the child',
      [child('Ruby', {}, ['cat'])],
      [candidate('ben', 1), candidate('cat', 10)],
      [['Ruby', 'cat', 'Knows Ruby (at a review); 11 of 18 after cover']],
    ],
    [
      'same team next, the lightest caseload first, counting cover already proposed',
      [child('Ruby'), child('Sam'), child('Tia')],
      [candidate('ben', 16), candidate('cat', 15), candidate('dev', 18)],
      [
        ['Ruby', 'cat', 'Same team; 16 of 18 after cover'],
        ['Sam', 'ben', 'Same team; 17 of 18 after cover'],
        ['Tia', 'cat', 'Same team; 17 of 18 after cover'],
      ],
    ],
    [
      'nobody over target while someone has headroom, even someone who knows the child',
      [child('Ruby', withHistory(allocation('ben', 'co-worker', '2025-07-01')))],
      [candidate('ben', 18), candidate('cat', 17)],
      [['Ruby', 'cat', 'Same team; 18 of 18 after cover']],
    ],
    [
      'never the absent worker, a reviewing officer or a student for a child on a plan',
      [child('Ruby', {}, ['ira'])],
      [
        candidate(absent, 0),
        candidate('ira', 0, { role: 'independent-reviewing-officer' }),
        candidate('sol', 0, { qualified: false }),
        candidate('cat', 12),
      ],
      [['Ruby', 'cat', 'Same team; 13 of 18 after cover']],
    ],
  ])('%s', (_case, children, candidates, expected) => {
    const { proposals, shortfall } = proposeCover(children, candidates, on);
    expect(proposals.map((proposal) => [proposal.childId, proposal.workerId, proposal.why])).toEqual(
      expected,
    );
    expect(shortfall).toBeNull();
  });

  it('a personal adviser’s young people go to another personal adviser', () => {
    const leaver = child('Bea', { stage: 'care-leaver', onPlan: false });
    const { proposals } = proposeCover(
      [{ ...leaver, coveredRole: 'personal-adviser' }],
      [candidate('ben', 1), candidate('pat', 20, { role: 'personal-adviser', target: 25 })],
      on,
    );
    expect(proposals[0]).toMatchObject({ workerId: 'pat', why: 'Same team; 21 of 25 after cover' });
  });

  it('says plainly when the team cannot absorb the work, and still proposes the least loaded', () => {
    const { proposals, shortfall } = proposeCover(
      [child('Ruby'), child('Sam'), child('Tia')],
      [candidate('ben', 17), candidate('cat', 18)],
      on,
    );
    expect(proposals.map((proposal) => [proposal.workerId, proposal.overTarget])).toEqual([
      ['ben', false],
      ['ben', true],
      ['cat', true],
    ]);
    expect(proposals[1]!.why).toBe('Same team; 19 of 18 after cover, over target');
    expect(shortfall).toBe(
      'The team cannot absorb this work: 2 children would take their cover worker over target. Ask a service manager for cover from another team, or choose workers below.',
    );
  });

  it('says when nobody at all can cover a child', () => {
    const { proposals, shortfall } = proposeCover(
      [child('Ruby')],
      [candidate('sol', 0, { qualified: false })],
      on,
    );
    expect(proposals[0]).toMatchObject({
      workerId: null,
      why: 'Nobody in the team can cover Ruby’s allocated worker',
    });
    expect(shortfall).toContain('1 child has nobody who can cover');
  });

  it('a team with no caseload target set takes the lightest caseload, never "over target"', () => {
    const { proposals, shortfall } = proposeCover(
      [child('Ruby')],
      [candidate('ben', 40, { target: null })],
      on,
    );
    expect(proposals[0]!.why).toBe('Same team; 41 children after cover');
    expect(shortfall).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  caseKindOf,
  caseWeights,
  defaultCaseWeights,
  teamLoad,
  workerLoad,
  type CaseFacts,
  type CaseKind,
} from './weighted-caseload.ts';

const none: CaseFacts = {
  lookedAfter: false,
  childProtectionPlan: false,
  careLeaver: false,
  beingAssessed: false,
  openEpisode: false,
  inProceedings: false,
};

describe('the kind of case a child is', () => {
  it.each<[string, Partial<CaseFacts>, CaseKind]>([
    ['an open episode only', { openEpisode: true }, 'child-in-need'],
    ['an open assessment', { openEpisode: true, beingAssessed: true }, 'assessment'],
    ['a child protection plan', { openEpisode: true, childProtectionPlan: true }, 'child-protection'],
    [
      'a child protection plan in court proceedings',
      { openEpisode: true, childProtectionPlan: true, inProceedings: true },
      'child-protection-in-proceedings',
    ],
    [
      'looked after with a plan ending the same day',
      { lookedAfter: true, childProtectionPlan: true },
      'looked-after',
    ],
    [
      'looked after on an interim order in proceedings',
      { lookedAfter: true, inProceedings: true },
      'looked-after-in-proceedings',
    ],
    ['a care leaver', { careLeaver: true }, 'care-leaver'],
    ['proceedings alone', { inProceedings: true }, 'other'],
    ['nothing open', {}, 'other'],
  ])('%s', (_, facts, kind) => {
    expect(caseKindOf({ ...none, ...facts })).toBe(kind);
  });
});

describe('weighted caseloads', () => {
  const weights = caseWeights([
    { kind: 'child-protection-in-proceedings', weight: 2.5 },
    { kind: 'no-such-kind', weight: 9 },
  ]);

  it('takes the council’s weights over the defaults, ignoring kinds it does not know', () => {
    expect(weights['child-protection-in-proceedings']).toBe(2.5);
    expect(weights['child-in-need']).toBe(defaultCaseWeights['child-in-need']);
    expect(Object.keys(weights)).toHaveLength(8);
  });

  it.each<[string, CaseKind[], number, boolean, boolean, Partial<ReturnType<typeof workerLoad>>]>([
    [
      'a full-time social worker under target',
      ['child-in-need', 'child-protection', 'child-protection-in-proceedings'],
      1,
      false,
      false,
      { children: 3, weighted: 5, target: 18, headroom: 13, managerHoldsCases: false },
    ],
    [
      'a part-time worker’s target in proportion',
      Array<CaseKind>(10).fill('looked-after'),
      0.6,
      false,
      false,
      { children: 10, weighted: 12, target: 10.8, headroom: -1.2 },
    ],
    ['a manager holding nothing', [], 1, true, false, { target: 0, headroom: 0, managerHoldsCases: false }],
    [
      'a manager holding a case against the rule',
      ['care-leaver'],
      1,
      true,
      false,
      { target: 0, headroom: -0.8, managerHoldsCases: true },
    ],
    [
      'a manager whose team allows cases',
      ['care-leaver'],
      1,
      true,
      true,
      { target: 18, headroom: 17.2, managerHoldsCases: false },
    ],
  ])('%s', (_, kinds, fte, manager, managersHoldCases, expected) => {
    expect(workerLoad({ kinds, weights, teamTarget: 18, fte, manager, managersHoldCases })).toMatchObject(
      expected,
    );
  });

  it('has no target when the team sets none', () => {
    expect(
      workerLoad({
        kinds: ['other'],
        weights,
        teamTarget: null,
        fte: 1,
        manager: false,
        managersHoldCases: false,
      }),
    ).toMatchObject({ target: null, headroom: null });
  });

  it('adds a team’s workers, with no target when any worker has none', () => {
    const worker = (weighted: number, target: number | null) => ({
      children: 2,
      weighted,
      target,
      headroom: target === null ? null : target - weighted,
      managerHoldsCases: false,
    });
    expect(teamLoad([worker(10.5, 18), worker(20.2, 18), worker(0, 0)])).toEqual({
      children: 6,
      weighted: 30.7,
      target: 36,
      headroom: 5.3,
    });
    expect(teamLoad([worker(1, 18), worker(1, null)]).target).toBeNull();
  });
});

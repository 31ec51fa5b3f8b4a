import { describe, expect, it } from 'vitest';
import { cohortWindow, partialDocument, purgeDocument, sameValue, tooOldFrom } from './delta.ts';
import { childDocument, type DfeDocument } from './document.ts';
import type { DfeChildFacts, PlacementFacts } from './facts.ts';

/** Ruby, looked after since 1 March 2025 after a referral on 10 January 2025, with one worker throughout. */
function aChildLookedAfter(overrides: Partial<DfeChildFacts> = {}): DfeChildFacts {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    localId: 'C1001',
    upn: 'A201000000012',
    givenName: 'Ruby',
    familyName: 'Hart',
    dateOfBirth: '2014-06-01',
    expectedDateOfBirth: null,
    sex: 'F',
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    postcode: 'DA1 1AA',
    uasc: false,
    uascCeasedOn: null,
    sdqScores: [{ on: '2025-09-30', score: 14 }],
    episodes: [
      {
        id: 'episode-1',
        referralDate: '2025-01-10',
        referralSource: '1A',
        noFurtherAction: false,
        closedOn: null,
        closureReason: null,
      },
    ],
    workers: [{ workerId: 'SW123456', from: '2025-01-10', to: null }],
    assessments: [
      {
        id: 'assessment-1',
        episodeId: 'episode-1',
        startDate: '2025-01-12',
        authorisedOn: '2025-02-20',
        factors: ['3B', '1C'],
      },
    ],
    cinPlans: [],
    section47s: [],
    cpPlans: [],
    placements: [aPlacement()],
    adoption: null,
    careLeaverContact: null,
    ...overrides,
  };
}

function aPlacement(overrides: Partial<PlacementFacts> = {}): PlacementFacts {
  return {
    id: 'placement-1',
    episodeId: 'episode-1',
    startDate: '2025-03-01',
    endDate: null,
    startReason: 'S',
    placementType: 'U6',
    postcode: 'DA2 2BB',
    endReason: null,
    changeReason: null,
    ...overrides,
  };
}

const episodes = (document: DfeDocument) => document.social_care_episodes as DfeDocument[];

describe('the child’s document for the DfE API', () => {
  it('holds the child’s details and each episode with its workers, assessment and placement, none purged', () => {
    const document = childDocument(aChildLookedAfter());
    expect(document).toMatchObject({
      la_child_id: 'C1001',
      mis_child_id: '0190a000-0000-7000-8000-000000000001',
      purge: false,
      child_details: { first_name: 'Ruby', surname: 'Hart', date_of_birth: '2014-06-01', uasc_flag: false },
      health_and_wellbeing: { sdq_assessments: [{ date: '2025-09-30', score: 14 }], purge: false },
    });
    const [episode] = episodes(document);
    expect(episode).toMatchObject({
      social_care_episode_id: 'episode-1',
      care_worker_details: [{ worker_id: 'SW123456', start_date: '2025-01-10', end_date: null }],
      child_and_family_assessments: [{ factors: ['1C', '3B'], authorisation_date: '2025-02-20' }],
      child_looked_after_placements: [{ start_reason: 'S', placement_type: 'U6', purge: false }],
    });
    expect(episode).not.toHaveProperty('adoption');
  });

  it('puts a worker only on the episodes their allocation overlapped', () => {
    const facts = aChildLookedAfter({
      episodes: [
        {
          id: 'old',
          referralDate: '2023-01-01',
          referralSource: '1A',
          noFurtherAction: false,
          closedOn: '2023-06-30',
          closureReason: 'RC1',
        },
        {
          id: 'episode-1',
          referralDate: '2025-01-10',
          referralSource: '1A',
          noFurtherAction: false,
          closedOn: null,
          closureReason: null,
        },
      ],
    });
    const [old, current] = episodes(childDocument(facts));
    expect(old!.care_worker_details).toEqual([]);
    expect(current!.care_worker_details).toHaveLength(1);
  });

  it('is the same document whatever order the record gave the facts in', () => {
    const two = [aPlacement(), aPlacement({ id: 'placement-2', startDate: '2025-06-01', startReason: 'P' })];
    const a = childDocument(aChildLookedAfter({ placements: two }));
    const b = childDocument(aChildLookedAfter({ placements: [...two].reverse() }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('the partial document for a child whose record changed', () => {
  const before = childDocument(aChildLookedAfter());

  it('is null when nothing changed, even when the stored document came back with its keys reordered', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reversed(inner)]),
            )
          : value;
    const reordered = reversed(before) as DfeDocument;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(before));
    expect(sameValue(reordered, before)).toBe(true);
    expect(partialDocument(childDocument(aChildLookedAfter()), before)).toBeNull();
  });

  it('sends a placement change as the ended placement’s changes and the new placement whole', () => {
    const after = childDocument(
      aChildLookedAfter({
        placements: [
          aPlacement({ endDate: '2025-10-01', endReason: 'X1', changeReason: 'CARPL' }),
          aPlacement({ id: 'placement-2', startDate: '2025-10-01', startReason: 'P', placementType: 'U4' }),
        ],
      }),
    );
    const partial = partialDocument(after, before)!;
    expect(Object.keys(partial)).toEqual([
      'la_child_id',
      'mis_child_id',
      'purge',
      'child_details',
      'social_care_episodes',
    ]);
    expect(partial.social_care_episodes).toEqual([
      {
        social_care_episode_id: 'episode-1',
        child_looked_after_placements: [
          {
            child_looked_after_placement_id: 'placement-1',
            end_date: '2025-10-01',
            end_reason: 'X1',
            change_reason: 'CARPL',
            purge: false,
          },
          expect.objectContaining({
            child_looked_after_placement_id: 'placement-2',
            placement_type: 'U4',
            purge: false,
          }),
        ],
        purge: false,
      },
    ]);
  });

  it.each([
    [
      'a placement the record no longer holds',
      { placements: [] },
      { child_looked_after_placement_id: 'placement-1', purge: true },
    ],
    [
      'an assessment whose factors changed',
      {
        assessments: [
          {
            id: 'assessment-1',
            episodeId: 'episode-1',
            startDate: '2025-01-12',
            authorisedOn: '2025-02-20',
            factors: ['1C'],
          },
        ],
      },
      { child_and_family_assessment_id: 'assessment-1', factors: ['1C'], purge: false },
    ],
  ] as const)('purges or sends only what changed: %s', (_, change, expected) => {
    const partial = partialDocument(childDocument(aChildLookedAfter(change)), before)!;
    const [episode] = episodes(partial);
    expect(Object.values(episode!).flat()).toContainEqual(expected);
  });

  it('sends a changed worker list whole, since its items carry no purge flag', () => {
    const workers = [{ workerId: 'SW999999', from: '2025-05-01', to: null }];
    const [episode] = episodes(partialDocument(childDocument(aChildLookedAfter({ workers })), before)!);
    expect(episode!.care_worker_details).toEqual([
      { worker_id: 'SW999999', start_date: '2025-05-01', end_date: null },
    ]);
  });

  it('purges an adoption block the record no longer holds', () => {
    const adopted = childDocument(
      aChildLookedAfter({
        adoption: { episodeId: 'episode-1', decidedOn: '2025-04-01', matchedOn: null, placedOn: null },
      }),
    );
    const [episode] = episodes(partialDocument(before, adopted)!);
    expect(episode!.adoption).toEqual({ purge: true });
  });

  it('purges a child by their identifiers alone', () => {
    expect(purgeDocument(before)).toEqual({
      la_child_id: 'C1001',
      mis_child_id: '0190a000-0000-7000-8000-000000000001',
      purge: true,
    });
  });
});

describe('the cohort’s window and age', () => {
  it.each([
    ['2026-12-08', '2024-04-01'],
    ['2026-04-01', '2024-04-01'],
    ['2026-03-31', '2023-04-01'],
  ])('on %s the window starts on %s', (today, from) => {
    expect(cohortWindow(today)).toEqual({ from, to: today });
  });

  it.each([
    ['2000-06-01', '2026-06-01'],
    ['2000-12-31', '2026-12-31'],
  ])('someone born on %s is too old from %s', (born, from) => {
    expect(tooOldFrom(born)).toBe(from);
  });
});

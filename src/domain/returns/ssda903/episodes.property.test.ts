import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { episodeCells, ssda903Episodes, type PeriodOfCareFact, type PlacementFact } from './episodes.ts';
import { readSsda903 } from './read.ts';
import { aChild, ssda903Files } from './test-builders.ts';
import { kent, testPostcodes } from './test-geography.ts';
import { validateSsda903 } from './validate.ts';

/** Foster households in Kent, each at its own address with its own fostering service's URN. */
const households = [
  { carer: 'A', postcode: 'TN1 1AA', urn: 'SC100001' },
  { carer: 'B', postcode: 'CT1 1AA', urn: 'SC100002' },
  { carer: 'C', postcode: 'DA1 1AA', urn: 'SC100003' },
];

/** One change in a period of care: after `days` days, a new legal status, placement, or both; or a short temporary move. */
const aChange = fc.record({
  days: fc.integer({ min: 1, max: 120 }),
  legalStatus: fc.option(fc.constantFrom('C1', 'C2', 'V2'), { nil: undefined }),
  placement: fc.option(
    fc.record({
      place: fc.constantFrom('U3', 'U4', 'U6'),
      household: fc.integer({ min: 0, max: households.length - 1 }),
      reason: fc.constantFrom('CARPL', 'CREQB', 'PLACE', 'OTHER'),
    }),
    { nil: undefined },
  ),
  temporaryDays: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
});

const aPeriodOfCare = fc.record({
  gap: fc.integer({ min: 1, max: 200 }),
  changes: fc.array(aChange, { maxLength: 5 }),
  ends: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
});

type PeriodOfCare = typeof aPeriodOfCare extends fc.Arbitrary<infer T> ? T : never;

/** A child's care: periods one after another from some day of 2024, each a run of changes. */
function careOf(periods: readonly PeriodOfCare[]): PeriodOfCareFact[] {
  const facts: PeriodOfCareFact[] = [];
  let day = '2024-01-01';
  for (const [index, period] of periods.entries()) {
    const start = addDays(day, period.gap);
    const statuses = [{ from: start, code: 'C2' }];
    const placed: Omit<PlacementFact, 'to'>[] = [placementIn(start, 'U6', 0)];
    let on = start;
    for (const change of period.changes) {
      on = addDays(on, change.days);
      if (change.legalStatus) statuses.push({ from: on, code: change.legalStatus });
      if (change.placement) {
        const { place, household, reason } = change.placement;
        placed[placed.length - 1] = { ...placed.at(-1)!, changeReason: reason };
        placed.push(placementIn(on, place, household));
      } else if (change.temporaryDays) {
        // A few days away (T4), then back to the same placement, which gives no reason (226).
        const usual = placed.at(-1)!;
        placed.push({ ...usual, from: on, place: 'T4', provider: null, urn: null, carer: null });
        on = addDays(on, change.temporaryDays);
        placed.push({ ...usual, from: on });
      }
    }
    const last = index === periods.length - 1;
    const end = period.ends === undefined && last ? null : addDays(on, period.ends ?? 30);
    facts.push({
      start,
      end,
      reasonCeased: end === null ? null : 'E13',
      categoryOfNeed: 'N1',
      legalStatuses: statuses.map((status, i) => ({ ...status, to: statuses[i + 1]?.from ?? end })),
      placements: placed.map((placement, i) => ({ ...placement, to: placed[i + 1]?.from ?? end })),
    });
    day = end ?? on;
  }
  return facts;
}

/** A placement with foster household `household`; its reason for ending is set when the next begins. */
function placementIn(from: string, place: string, household: number): Omit<PlacementFact, 'to'> {
  const { carer, postcode, urn } = households[household]!;
  return { from, place, provider: 'PR1', postcode, homePostcode: 'ME4 4TR', urn, carer, changeReason: null };
}

describe('SSDA903 episodes built from any run of changes', () => {
  it('pass the SSDA903 validation, postcode rules included', () => {
    fc.assert(
      fc.property(fc.array(aPeriodOfCare, { minLength: 1, maxLength: 3 }), (periods) => {
        const episodes = ssda903Episodes(careOf(periods), 2025).map((episode) => episodeCells('1', episode));
        // A child not looked after in the year is not in the return.
        if (episodes.length === 0) return;
        const reading = readSsda903(ssda903Files({ Header: [aChild()], Episodes: episodes }));
        const validation = validateSsda903(reading, { year: 2025, postcodes: testPostcodes, la: kent });
        const errors = validation.findings.filter((finding) => finding.severity === 'error');
        expect(errors.map((finding) => `${finding.rule} ${finding.table}:${finding.row}`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  episodeCells,
  ssda903Episodes,
  type LegalStatusFact,
  type PeriodOfCareFact,
  type PlacementFact,
  type Ssda903Episode,
} from './episodes.ts';
import { readSsda903 } from './read.ts';
import { aChild, ssda903Files } from './test-builders.ts';
import { kent, testPostcodes } from './test-geography.ts';
import { validateSsda903 } from './validate.ts';

type Placement = Partial<PlacementFact> & { readonly from: string };

/** Placements one after another, each ending the day the next begins; foster carers "A" by default. */
function placements(...facts: Placement[]): PlacementFact[] {
  return facts.map((fact, index) => ({
    to: facts[index + 1]?.from ?? null,
    place: 'U6',
    provider: 'PR1',
    postcode: 'TN1 1AA',
    homePostcode: 'DA1 1AA',
    urn: 'SC100001',
    carer: 'A',
    changeReason: null,
    ...fact,
  }));
}

/** Legal statuses one after another: [from, code] pairs. */
function statuses(...facts: [string, string][]): LegalStatusFact[] {
  return facts.map(([from, code], index) => ({ from, to: facts[index + 1]?.[0] ?? null, code }));
}

/** A period of care from 1 May 2025, still open, on a full care order with foster carers A. */
function aPeriod(overrides: Partial<PeriodOfCareFact> = {}): PeriodOfCareFact {
  const start = overrides.start ?? '2025-05-01';
  return {
    start,
    end: null,
    reasonCeased: null,
    categoryOfNeed: 'N1',
    legalStatuses: statuses([start, 'C2']),
    placements: placements({ from: start }),
    ...overrides,
  };
}

/** A period of care from 1 May 2025 with one move, on `day`, the first placement ending for `reason`. */
const movedOn = (day: string, reason: string, next: Partial<PlacementFact>): PeriodOfCareFact[] => [
  aPeriod({ placements: placements({ from: '2025-05-01', changeReason: reason }, { from: day, ...next }) }),
];

/** An episode in one line: start, RNE, legal status, placement → end, REC, reason for placement change. */
function line(episode: Ssda903Episode): string {
  const ended = episode.DEC === null ? 'open' : `${episode.DEC} ${episode.REC ?? '-'}`;
  const reason = episode.REASON_PLACE_CHANGE ? ` ${episode.REASON_PLACE_CHANGE}` : '';
  return `${episode.DECOM} ${episode.RNE} ${episode.LS} ${episode.PLACE} → ${ended}${reason}`;
}

/** The situations of the guidance, each a child's periods of care in the year 2025–26. */
const situations: Record<string, PeriodOfCareFact[]> = {
  'a change of legal status only (L)': [
    aPeriod({ legalStatuses: statuses(['2025-05-01', 'V2'], ['2025-08-01', 'C2']) }),
  ],
  'a change of placement type with the same carers (T)': [
    aPeriod({
      placements: placements(
        { from: '2025-05-01', changeReason: 'PLACE' },
        { from: '2025-09-01', place: 'U4' },
      ),
    }),
  ],
  'the same carers moving house (T)': [
    aPeriod({
      placements: placements(
        { from: '2025-05-01', changeReason: 'OTHER' },
        { from: '2025-09-01', postcode: 'CT1 1AA' },
      ),
    }),
  ],
  'a change of placement and carers (P)': [
    aPeriod({
      placements: placements(
        { from: '2025-05-01', changeReason: 'CREQB' },
        { from: '2025-09-01', carer: 'B', postcode: 'CT1 1AA', urn: 'SC100002' },
      ),
    }),
  ],
  'a change of legal status and placement with new carers (B)': [
    aPeriod({
      legalStatuses: statuses(['2025-05-01', 'V2'], ['2025-09-01', 'C2']),
      placements: placements(
        { from: '2025-05-01', changeReason: 'CARPL' },
        { from: '2025-09-01', place: 'K2', provider: 'PR4', carer: 'Oak House', urn: 'SC200001' },
      ),
    }),
  ],
  'a change of legal status and placement with the same carers (U)': [
    aPeriod({
      legalStatuses: statuses(['2025-05-01', 'C2'], ['2025-10-01', 'E1']),
      placements: placements(
        { from: '2025-05-01', place: 'U5', changeReason: 'CARPL' },
        { from: '2025-10-01', place: 'A5' },
      ),
    }),
  ],
  'a period of care ending and a new one starting the next day (S)': [
    aPeriod({ end: '2025-08-31', reasonCeased: 'E4A', legalStatuses: statuses(['2025-05-01', 'V2']) }),
    aPeriod({ start: '2025-09-01', legalStatuses: statuses(['2025-09-01', 'C1']) }),
  ],
  'a temporary placement while the foster carers are on holiday (T3)': [
    aPeriod({
      placements: placements(
        { from: '2025-05-01', place: 'U4', changeReason: 'OTHER' },
        { from: '2025-08-01', place: 'T3', carer: 'B', postcode: 'CT1 1AA', changeReason: 'OTHER' },
        { from: '2025-08-15', place: 'U4' },
      ),
    }),
  ],
  'an episode crossing 31 March': [
    aPeriod({
      start: '2024-06-01',
      end: '2026-06-30',
      reasonCeased: 'E13',
      placements: placements(
        { from: '2024-06-01', changeReason: 'CARPL' },
        { from: '2025-02-01', place: 'U4', carer: 'B', changeReason: 'CARPL' },
        { from: '2026-04-10', place: 'K2', carer: 'Oak House' },
      ),
    }),
  ],
};

/** Short breaks of a disabled child in a children's home, recorded with postcodes and URN as for any placement. */
const inOakHouse = { place: 'K2', provider: 'PR1', carer: 'Oak House', urn: 'SC200001' } as const;
const aBreak = (start: string, end: string, moves: Placement[] = []): PeriodOfCareFact =>
  aPeriod({
    start,
    end,
    reasonCeased: 'E4A',
    categoryOfNeed: 'N2',
    legalStatuses: statuses([start, 'V3']),
    placements: placements({ from: start, ...inOakHouse }, ...moves),
  });
const shortBreaks: Record<string, PeriodOfCareFact[]> = {
  'short breaks, each its own episode (V3)': [
    aBreak('2025-06-06', '2025-06-08'),
    aBreak('2025-07-04', '2025-07-06', [{ from: '2025-07-05', carer: 'Ash House', place: 'U6' }]),
  ],
  'short breaks under one agreement (V4)': [
    aPeriod({
      start: '2025-04-10',
      end: '2026-01-31',
      reasonCeased: 'E4A',
      categoryOfNeed: 'N2',
      legalStatuses: statuses(['2025-04-10', 'V4']),
      placements: placements(
        { from: '2025-04-10', ...inOakHouse },
        { from: '2025-09-01', ...inOakHouse, carer: 'Elm House', postcode: 'CT1 1AA' },
      ),
    }),
  ],
};

describe('SSDA903 episodes from the record (2025–26)', () => {
  it.each<[string, string[]]>([
    [
      'a change of legal status only (L)',
      ['2025-05-01 S V2 U6 → 2025-08-01 X1', '2025-08-01 L C2 U6 → open'],
    ],
    [
      'a change of placement type with the same carers (T)',
      ['2025-05-01 S C2 U6 → 2025-09-01 X1 PLACE', '2025-09-01 T C2 U4 → open'],
    ],
    [
      'the same carers moving house (T)',
      ['2025-05-01 S C2 U6 → 2025-09-01 X1 OTHER', '2025-09-01 T C2 U6 → open'],
    ],
    [
      'a change of placement and carers (P)',
      ['2025-05-01 S C2 U6 → 2025-09-01 X1 CREQB', '2025-09-01 P C2 U6 → open'],
    ],
    [
      'a change of legal status and placement with new carers (B)',
      ['2025-05-01 S V2 U6 → 2025-09-01 X1 CARPL', '2025-09-01 B C2 K2 → open'],
    ],
    [
      'a change of legal status and placement with the same carers (U)',
      ['2025-05-01 S C2 U5 → 2025-10-01 X1 CARPL', '2025-10-01 U E1 A5 → open'],
    ],
    [
      'a period of care ending and a new one starting the next day (S)',
      ['2025-05-01 S V2 U6 → 2025-08-31 E4A', '2025-09-01 S C1 U6 → open'],
    ],
    [
      // No reason for a change of placement on a temporary placement nor the one before it (226).
      'a temporary placement while the foster carers are on holiday (T3)',
      [
        '2025-05-01 S C2 U4 → 2025-08-01 X1',
        '2025-08-01 P C2 T3 → 2025-08-15 X1',
        '2025-08-15 P C2 U4 → open',
      ],
    ],
    [
      // The episode of 2024 ended before the year; the move of April 2026 and the end in June are after it.
      'an episode crossing 31 March',
      ['2025-02-01 P C2 U4 → open'],
    ],
    [
      'short breaks, each its own episode (V3)',
      ['2025-06-06 S V3 K2 → 2025-06-08 E4A', '2025-07-04 S V3 K2 → 2025-07-06 E4A'],
    ],
    ['short breaks under one agreement (V4)', ['2025-04-10 S V4 K2 → 2026-01-31 E4A']],
  ])('%s', (situation, expected) => {
    const periods = situations[situation] ?? shortBreaks[situation]!;
    expect(ssda903Episodes(periods, 2025).map(line)).toEqual(expected);
  });

  it('gives no provider or URN for a temporary placement (213, 222)', () => {
    const [, holiday] = ssda903Episodes(
      situations['a temporary placement while the foster carers are on holiday (T3)']!,
      2025,
    );
    expect(holiday).toMatchObject({ PLACE: 'T3', PLACE_PROVIDER: null, URN: null, PL_POST: 'CT1 1AA' });
  });

  it('gives no postcodes or URN for short breaks (214, 398)', () => {
    const episodes = Object.values(shortBreaks).flatMap((periods) => ssda903Episodes(periods, 2025));
    for (const episode of episodes) {
      expect(episode).toMatchObject({
        PL_POST: null,
        HOME_POST: null,
        URN: null,
        PLACE_PROVIDER: 'PR1',
        CIN: 'N2',
      });
    }
  });

  it.each<[string, PeriodOfCareFact[], string[]]>([
    [
      'a legal status recorded again unchanged',
      [aPeriod({ legalStatuses: statuses(['2025-05-01', 'C2'], ['2025-07-01', 'C2']) })],
      ['2025-05-01 S C2 U6 → open'],
    ],
    [
      'only the home postcode changing',
      [
        aPeriod({
          placements: placements({ from: '2025-05-01' }, { from: '2025-07-01', homePostcode: 'ME4 4TR' }),
        }),
      ],
      ['2025-05-01 S C2 U6 → open'],
    ],
    [
      'the same postcode written another way',
      [
        aPeriod({
          placements: placements({ from: '2025-05-01' }, { from: '2025-07-01', postcode: 'tn11aa' }),
        }),
      ],
      ['2025-05-01 S C2 U6 → open'],
    ],
    [
      'a placement changing the day the period ends',
      [
        aPeriod({
          end: '2025-09-01',
          reasonCeased: 'E13',
          placements: placements({ from: '2025-05-01' }, { from: '2025-09-01', carer: 'B' }),
        }),
      ],
      ['2025-05-01 S C2 U6 → 2025-09-01 E13'],
    ],
    [
      // The DfE's 435 reads this as no change of placement: the carers are not in the return.
      'new carers at the same address, with the same type, provider and URN',
      movedOn('2025-09-01', 'CLOSE', { carer: 'B' }),
      ['2025-05-01 S C2 U6 → 2025-09-01 X1 CLOSE', '2025-09-01 P C2 U6 → open'],
    ],
    [
      'a period of care that ended before the year',
      [aPeriod({ start: '2024-05-01', end: '2025-03-31', reasonCeased: 'E13' })],
      [],
    ],
    [
      'a period of care that ended on 1 April, the first day of the year',
      [aPeriod({ start: '2024-05-01', end: '2025-04-01', reasonCeased: 'E13' })],
      ['2024-05-01 S C2 U6 → 2025-04-01 E13'],
    ],
    ['a period of care starting after the year', [aPeriod({ start: '2026-04-01' })], []],
    [
      'a move on 31 March, the last day of the year',
      movedOn('2026-03-31', 'CARPL', { carer: 'B' }),
      ['2025-05-01 S C2 U6 → 2026-03-31 X1 CARPL', '2026-03-31 P C2 U6 → open'],
    ],
  ])('starts no episode, or the right ones, for %s', (_situation, periods, expected) => {
    expect(ssda903Episodes(periods, 2025).map(line)).toEqual(expected);
  });

  it('writes the CSV cells of an episode, dates as DD/MM/YYYY', () => {
    const [first] = ssda903Episodes(situations['a change of placement and carers (P)']!, 2025);
    expect(episodeCells('C1', first!)).toEqual({
      CHILD: 'C1',
      DECOM: '01/05/2025',
      RNE: 'S',
      LS: 'C2',
      CIN: 'N1',
      PLACE: 'U6',
      PLACE_PROVIDER: 'PR1',
      DEC: '01/09/2025',
      REC: 'X1',
      REASON_PLACE_CHANGE: 'CREQB',
      HOME_POST: 'DA1 1AA',
      PL_POST: 'TN1 1AA',
      URN: 'SC100001',
    });
  });
});

/** The errors Hearth's own SSDA903 validation finds in a return holding one child with these episodes. */
function errorsIn(periods: PeriodOfCareFact[], withPostcodes: boolean, header = aChild()): string[] {
  const episodes = ssda903Episodes(periods, 2025).map((episode) => episodeCells('1', episode));
  const reading = readSsda903(ssda903Files({ Header: [header], Episodes: episodes }));
  const validation = validateSsda903(reading, {
    year: 2025,
    ...(withPostcodes ? { postcodes: testPostcodes, la: kent } : {}),
  });
  return validation.findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.rule} ${finding.table}:${finding.row}`);
}

describe('the episodes built pass the SSDA903 validation (round trip)', () => {
  it.each(Object.keys(situations))('%s, with the postcode rules', (situation) => {
    expect(errorsIn(situations[situation]!, true)).toEqual([]);
  });

  // Motherhood is not returned for a child looked after only on short breaks (399).
  it.each(Object.keys(shortBreaks))('%s, with the postcode rules', (situation) => {
    expect(errorsIn(shortBreaks[situation]!, true, aChild({ MOTHER: '' }))).toEqual([]);
  });

  it('a child whose care holds most of them, without the postcode rules', () => {
    const periods = [
      aPeriod({ start: '2024-06-01', end: '2025-04-20', reasonCeased: 'E4A' }),
      aPeriod({
        legalStatuses: statuses(['2025-05-01', 'V2'], ['2025-07-01', 'C2'], ['2025-12-01', 'E1']),
        placements: placements(
          { from: '2025-05-01', place: 'U4' },
          { from: '2025-08-01', place: 'T3', carer: 'B', provider: null, urn: null },
          { from: '2025-08-15', place: 'U4', changeReason: 'CARPL' },
          { from: '2025-12-01', place: 'A5' },
        ),
      }),
    ];
    expect(ssda903Episodes(periods, 2025).map(line)).toEqual([
      '2024-06-01 S C2 U6 → 2025-04-20 E4A',
      '2025-05-01 S V2 U4 → 2025-07-01 X1',
      '2025-07-01 L C2 U4 → 2025-08-01 X1',
      '2025-08-01 P C2 T3 → 2025-08-15 X1',
      '2025-08-15 P C2 U4 → 2025-12-01 X1 CARPL',
      '2025-12-01 U E1 A5 → open',
    ]);
    expect(errorsIn(periods, false)).toEqual([]);
  });

  it('leaves a gap in the record for the validation to find: no reason recorded for a move', () => {
    const periods = [
      aPeriod({
        placements: placements(
          { from: '2025-05-01' },
          { from: '2025-09-01', carer: 'B', postcode: 'CT1 1AA' },
        ),
      }),
    ];
    expect(errorsIn(periods, false)).toEqual(['225 Episodes:2']);
  });
});

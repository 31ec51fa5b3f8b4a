import { describe, expect, it } from 'vitest';
import { placementsInTwelveMonths, withSameCarersSince } from './care.ts';
import { financialYear } from './periods.ts';
import { aChild, aPeriodOfCare, aPlacement, figureOf, periodsOfCare } from './test-children.ts';

/** 2025–26: 1 April 2025 to 31 March 2026; the last day, 31 March 2026, is the day the snapshot is taken. */
const year = financialYear(2025);

const children = [
  // In care since 1 January 2025, moved on 1 June and 1 October 2025: 3 placements in the 12 months to 31 March
  // 2026 (the one held on 1 April 2025, and two P episodes). Placed 25 miles away, outside the area. Went
  // missing in March 2025, before the year.
  aChild('Ava', {
    born: '2014-01-01',
    ...aPeriodOfCare(
      'ava',
      '2025-01-01',
      null,
      [['2025-01-01', 'C2']],
      [
        aPlacement('ava', '2025-01-01'),
        aPlacement('ava', '2025-06-01', { postcode: 'ME1 1AA' }),
        aPlacement('ava', '2025-10-01', { postcode: 'CT1 1AA', distance_miles: '25.0', in_area: false }),
      ],
    ),
    missing_episodes: [{ kind: 'M', started_on: '2025-03-15' }],
  }),
  // On an agreed series of short breaks (V4) since 28 March 2026: not looked after on 31 March, not a start.
  aChild('Ben', { born: '2015-01-01', ...aPeriodOfCare('ben', '2026-03-28', null, [['2026-03-28', 'V4']]) }),
  // Looked after since 1 June 2022 (2½ years before 31 March 2026 is 30 September 2023), with the same foster
  // carers since 1 January 2024 (2 years before is 31 March 2024): the change of legal status on 1 January 2025
  // is an L episode, no move. Aged 14.
  aChild('Cai', {
    born: '2012-01-01',
    ...aPeriodOfCare(
      'cai',
      '2022-06-01',
      null,
      [
        ['2022-06-01', 'C1'],
        ['2025-01-01', 'C2'],
      ],
      [aPlacement('cai', '2022-06-01'), aPlacement('cai', '2024-01-01', { postcode: 'ME2 2AA' })],
    ),
  }),
  // Looked after since 30 September 2023, exactly 2½ years; with these carers since 1 April 2024, a day short of
  // 2 years. Placed exactly 20 miles away: not more than 20.
  aChild('Dee', {
    born: '2013-05-01',
    ...aPeriodOfCare(
      'dee',
      '2023-09-30',
      null,
      [['2023-09-30', 'C2']],
      [
        aPlacement('dee', '2023-09-30'),
        aPlacement('dee', '2024-04-01', { postcode: 'ME3 3AA', distance_miles: 20 }),
      ],
    ),
  }),
  // Fostered from 1 January 2023, then placed for adoption with new carers (A6) under a placement order (E1) on
  // 1 June 2024: the adoptive placement and the one before it together go back to 1 January 2023.
  aChild('Eve', {
    born: '2011-01-01',
    ...aPeriodOfCare(
      'eve',
      '2023-01-01',
      null,
      [
        ['2023-01-01', 'C2'],
        ['2024-06-01', 'E1'],
      ],
      [
        aPlacement('eve', '2023-01-01'),
        aPlacement('eve', '2024-06-01', { place: 'A6', postcode: 'BR1 1AA' }),
      ],
    ),
  }),
  // Aged 16 on 31 March 2026, so outside the long-term stability cohort; 30.5 miles away; area not known.
  aChild('Fin', {
    born: '2009-06-01',
    ...aPeriodOfCare(
      'fin',
      '2020-01-01',
      null,
      [['2020-01-01', 'C2']],
      [aPlacement('fin', '2020-01-01', { distance_miles: '30.5', in_area: null })],
    ),
  }),
  // Looked after from 1 May to 1 August 2025; went missing from placement on 10 June.
  aChild('Gus', {
    born: '2010-01-01',
    ...aPeriodOfCare('gus', '2025-05-01', '2025-08-01', [['2025-05-01', 'V2']]),
    missing_episodes: [{ kind: 'M', started_on: '2025-06-10' }],
  }),
  // Looked after until 2 April 2025 (so on 1 April, in the year); away without authorisation on 1 April (A, not
  // M); missing on 1 May 2025, after care ended.
  aChild('Hal', {
    born: '2010-01-01',
    ...aPeriodOfCare('hal', '2024-01-01', '2025-04-02', [['2024-01-01', 'V2']]),
    missing_episodes: [
      { kind: 'A', started_on: '2025-04-01' },
      { kind: 'M', started_on: '2025-05-01' },
    ],
  }),
  // A single short break (V3) from 1 to 3 July 2025, missing during it; in care on a full order from 10 January
  // 2026.
  aChild('Ivy', {
    born: '2016-01-01',
    ...periodsOfCare(
      aPeriodOfCare('ivy-break', '2025-07-01', '2025-07-03', [['2025-07-01', 'V3']], undefined, 'E13'),
      aPeriodOfCare('ivy', '2026-01-10', null, [['2026-01-10', 'C2']]),
    ),
    missing_episodes: [{ kind: 'M', started_on: '2025-07-02' }],
  }),
  // Started twice in the year (10 April and 1 September 2025) and ceased once (10 May).
  aChild('Jo', {
    born: '2012-01-01',
    ...periodsOfCare(
      aPeriodOfCare('jo-1', '2025-04-10', '2025-05-10', [['2025-04-10', 'V2']]),
      aPeriodOfCare('jo-2', '2025-09-01', null, [['2025-09-01', 'V2']]),
    ),
  }),
];

describe('children in care indicators over 2025–26', () => {
  it.each([
    // Looked after on 31 March 2026: Ava, Cai, Dee, Eve, Fin, Ivy, Jo; not Ben (V4), nor Gus and Hal (ceased): 7.
    ['cla-at-end', 7, null, 7, ['Ava', 'Cai', 'Dee', 'Eve', 'Fin', 'Ivy', 'Jo']],
    // Started in the year: Gus, Ivy (her full order; her V3 break is not a start), Jo (twice, counted once, as
    // the DfE counts children); Ben's V4 series is not: 3.
    ['cla-started', 3, null, 3, ['Gus', 'Ivy', 'Jo']],
    // Ceased in the year: Gus (1 August), Hal (2 April), Jo (10 May); Ivy's V3 break ending is not: 3.
    ['cla-ceased', 3, null, 3, ['Gus', 'Hal', 'Jo']],
    // Of the 7, only Ava had 3 placements in the 12 months (Jo had 2: two S episodes): 1 / 7.
    ['cla-3-placements', 1, 7, 14.3, ['Ava']],
    // Under 16 and looked after since 30 September 2023 or before: Cai, Dee, Eve (Fin is 16, Ava too recent).
    // Cai and Eve have been with the same carers (Eve with her adopters and the carers before) for 2 years;
    // Dee a day short: 2 / 3.
    ['cla-long-term-stability', 2, 3, 66.7, ['Cai', 'Eve']],
    // Distance known for Ava (25), Dee (20) and Fin (30.5): Ava and Fin are more than 20 miles away: 2 / 3.
    ['cla-over-20-miles', 2, 3, 66.7, ['Ava', 'Fin']],
    // Ava is placed outside the area; Fin's area is not known: 1 / 7.
    ['cla-out-of-area', 1, 7, 14.3, ['Ava']],
    // Looked after at some time in the year: Ava, Cai, Dee, Eve, Fin, Gus, Hal, Ivy, Jo (Ben only on short
    // breaks). Only Gus went missing from placement while looked after in it (Hal's absence was A, his missing
    // after care; Ivy's during a short break; Ava's before the year): 1 / 9.
    ['cla-missing', 1, 9, 11.1, ['Gus']],
  ])('%s: %d of %s (%s)', (id, numerator, denominator, value, counted) => {
    const figure = figureOf(id, children, year);
    expect(figure).toMatchObject({ numerator, denominator, value });
    expect([...figure.children].sort()).toEqual(counted);
  });

  it('gives children looked after per 10,000 children', () => {
    // 7 looked after among 9,000 children: 7.8 per 10,000.
    expect(figureOf('cla-at-end', children, year, { population0To17: 9_000 }).ratePer10000).toBe(7.8);
  });
});

describe('placementsInTwelveMonths', () => {
  const moved = (...starts: string[]) =>
    aChild('Kit', {
      ...aPeriodOfCare(
        'kit',
        starts[0]!,
        null,
        [[starts[0]!, 'C2']],
        starts.map((start, index) => aPlacement('kit', start, { postcode: `ME${index + 1} 1AA` })),
      ),
    });

  it.each([
    // The placement held on 1 April 2025 and two moves.
    ['in care before the 12 months, two moves', moved('2024-01-01', '2025-06-01', '2025-10-01'), 3],
    // A move on the first day: the placement held that day is the new one (the P episode), counted once.
    ['a move on the first of the 12 months', moved('2024-01-01', '2025-04-01'), 1],
    // A move on 31 March 2025, the day before the 12 months: only the placement held on 1 April.
    ['a move the day before the 12 months', moved('2024-01-01', '2025-03-31'), 1],
    // Came into care on the first day (S) and moved once.
    ['came into care on the first day', moved('2025-04-01', '2025-12-01'), 2],
    // A move after 31 March 2026 is not yet known.
    ['a move after the last day', moved('2025-05-01', '2026-04-01'), 1],
  ])('%s', (_case, child, placements) => {
    expect(placementsInTwelveMonths(child, '2026-03-31')).toBe(placements);
  });
});

describe('withSameCarersSince', () => {
  it('reads a move to the same carers (T) as no change of carers, once the record names the carers', () => {
    const child = aChild('Lou', {
      ...aPeriodOfCare(
        'lou',
        '2022-01-01',
        null,
        [['2022-01-01', 'C2']],
        [
          aPlacement('lou', '2022-01-01', { carer: 'Smiths' }),
          aPlacement('lou', '2023-01-01', { carer: 'Smiths', place: 'U1' }),
        ],
      ),
    });
    expect(withSameCarersSince(child, '2026-03-31')).toBe('2022-01-01');
    const unnamed = aChild('Lou', {
      ...child,
      placements: child.placements.map((placement) => ({ ...placement, carer: null })),
    });
    expect(withSameCarersSince(unnamed, '2026-03-31')).toBe('2023-01-01');
  });
});

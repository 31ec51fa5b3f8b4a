import { describe, expect, it } from 'vitest';
import {
  ComparatorFileError,
  comparatorFigures,
  comparisonFor,
  periodEndOf,
  statisticalNeighbours,
} from './comparators.ts';

/** The layout of docs/comparators' samples (made-up numbers, as there). */
const sample = `time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,re-referrals-12m,referrals-nfa,assessments-45wd,cp-plans-repeat,cla-3-placements,care-leavers-in-touch-17-18
202425,Reporting year,National,E92000001,England,,,,,,21.5,6.9,82.1,23.8,10.0,91.0
202425,Reporting year,Regional,E92000001,England,E12000008,South East,,,,22.4,7.8,80.6,24.5,10.5,92.0
202425,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,19.8,5.4,85.2,21.0,9.6,93.0
202425,Reporting year,Local authority,E92000001,England,E12000008,South East,850,E10000014,Hampshire,17.6,8.1,88.9,20.3,9.1,94.0
202425,Reporting year,Local authority,E92000001,England,E12000008,South East,938,E10000032,West Sussex,24.1,c,77.4,25.9,11.2,x
202425,Reporting year,Local authority,E92000001,England,E12000006,East of England,881,E10000012,Essex,18.9,6.2,84.0,19.7,8.8,95.0
202324,Reporting year,National,E92000001,England,,,,,,22.4,7.4,82.9,23.6,10.0,90.0
202324,Reporting year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent,20.6,5.9,83.7,22.2,9.9,92.0`;
const neighboursSample = `la_code,neighbour_code,neighbour_name,closeness
E10000016,E10000014,Hampshire,1
E10000016,E10000012,Essex,2
E10000016,E10000032,West Sussex,3`;

describe('the DfE’s published figures (issue 20, part 3)', () => {
  it.each([
    ['202425', '2025-03-31'],
    ['2025', '2025-03-31'],
    ['202426', undefined],
    ['2024/25', undefined],
  ])('time period %s ends on %s', (period, end) => {
    expect(periodEndOf(period)).toBe(end);
  });

  it('reads the sample file: Hearth ids as columns, the DfE’s symbols for figures not given passed over', () => {
    const figures = comparatorFigures(sample);
    // 8 rows × 6 measures, less West Sussex's suppressed NFA (c) and care leavers (x).
    expect(figures).toHaveLength(46);
    expect(
      figures.find(
        (figure) =>
          figure.areaCode === 'E10000016' &&
          figure.timePeriod === '202425' &&
          figure.indicatorId === 're-referrals-12m',
      ),
    ).toMatchObject({
      level: 'Local authority',
      value: 19.8,
      regionCode: 'E12000008',
      periodEnd: '2025-03-31',
    });
    expect(figures.filter((figure) => figure.level === 'National')[0]).toMatchObject({
      areaCode: 'E92000001',
      areaName: 'England',
    });
  });

  it('maps a release’s own column names, and refuses a file without a measure or with a word for a number', () => {
    const file =
      'time_period,geographic_level,country_code,re_referrals_percent\n202425,National,E92000001,21.5';
    expect(comparatorFigures(file, { re_referrals_percent: 're-referrals-12m' })).toHaveLength(1);
    expect(() => comparatorFigures(file)).toThrow(ComparatorFileError);
    expect(() => comparatorFigures('time_period,geographic_level,referrals\n202425,National,many')).toThrow(
      /Line 2, column referrals: "many" is not a number/,
    );
  });

  it('compares with England, the region and the neighbours’ average for the latest year ending by the day', () => {
    const figures = comparatorFigures(sample);
    const council = {
      code: 'E10000016',
      regionCode: 'E12000008',
      neighbourCodes: ['E10000014', 'E10000012', 'E10000032'],
    };
    // (17.6 + 18.9 + 24.1) / 3 = 20.2.
    expect(comparisonFor(figures, 're-referrals-12m', '2026-09-30', council)).toEqual({
      year: '2024–25',
      council: 19.8,
      england: 21.5,
      region: { name: 'South East', value: 22.4 },
      neighbours: { average: 20.2, count: 3 },
    });
    // West Sussex's NFA is suppressed: the average is of the two that were published, (8.1 + 6.2) / 2 = 7.2.
    expect(comparisonFor(figures, 'referrals-nfa', '2026-09-30', council)?.neighbours).toEqual({
      average: 7.2,
      count: 2,
    });
    // On 30 March 2025 2024–25 had not ended: 2023–24's figures.
    expect(comparisonFor(figures, 're-referrals-12m', '2025-03-30', council)).toMatchObject({
      year: '2023–24',
      england: 22.4,
      region: null,
      neighbours: null,
    });
    expect(comparisonFor(figures, 'contacts', '2026-09-30', council)).toBeUndefined();
  });

  it('reads the statistical neighbours, refusing a code or closeness out of shape', () => {
    expect(statisticalNeighbours(neighboursSample).map((row) => row.neighbourName)).toEqual([
      'Hampshire',
      'Essex',
      'West Sussex',
    ]);
    expect(() =>
      statisticalNeighbours('la_code,neighbour_code,neighbour_name,closeness\nE10000016,E1,X,1'),
    ).toThrow(/Line 2/);
    expect(() =>
      statisticalNeighbours('la_code,neighbour_code,neighbour_name,closeness\nE10000016,E10000014,X,11'),
    ).toThrow(/closeness/);
  });
});

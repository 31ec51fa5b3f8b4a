import { describe, expect, it } from 'vitest';
import { PopulationFileError, populationEstimates, populationForYear } from './population.ts';

const ages = Array.from({ length: 91 }, (_, age) => String(age));

describe('the ONS mid-year estimates of children aged 0 to 17', () => {
  it('reads the MYE2 table with its title lines, adding ages 0 to 17 and no older', () => {
    // Each age 0–17 holds 100 + age: 18 × 100 + (0 + 1 + … + 17 = 153) = 1,953. Age 18 (5,000) is not a child.
    const row = ages.map((age) =>
      Number(age) === 18 ? '5,000' : Number(age) < 18 ? String(100 + Number(age)) : '7',
    );
    const text = [
      'MYE2: Population estimates: Persons by single year of age,,,',
      'Mid-2024,,,',
      ['Code', 'Name', 'Geography', 'All ages', ...ages].join(','),
      ['E10000016', 'Kent', 'County', '"1,600,000"', ...row.map((cell) => `"${cell}"`)].join(','),
      ['K04000001', 'England and Wales', 'Country', '1', ...ages.map(() => '1')].join(','),
      'Source: Office for National Statistics,,,',
    ].join('\n');
    expect(populationEstimates(text)).toEqual([
      { areaCode: 'E10000016', midYear: 2024, children0To17: 1953 },
      { areaCode: 'K04000001', midYear: 2024, children0To17: 18 },
    ]);
    // A mid-year given by the person loading it wins over the title.
    expect(populationEstimates(text, 2023)[0]!.midYear).toBe(2023);
  });

  it('reads the long layout, adding both sexes at each age 0 to 17 for each mid-year column', () => {
    const lines = ['ladcode23,laname23,country,sex,age,population_2022,population_2023'];
    for (const sex of ['1', '2'])
      for (const age of ['0', '17', '18']) lines.push(`E06000001,Hartlepool,E,${sex},${age},10,20`);
    // Boys and girls aged 0 and 17: 4 rows × 10 in 2022, × 20 in 2023; age 18 left out.
    expect(populationEstimates(lines.join('\r\n'))).toEqual([
      { areaCode: 'E06000001', midYear: 2022, children0To17: 40 },
      { areaCode: 'E06000001', midYear: 2023, children0To17: 80 },
    ]);
  });

  it('refuses a file of neither layout, and a wide table with no mid-year', () => {
    expect(() => populationEstimates('a,b\n1,2')).toThrow(PopulationFileError);
    expect(() => populationEstimates(['Code,Name', ...[]].join(',') + `,${ages.join(',')}\n`)).toThrow(
      /mid-year/,
    );
  });

  it('takes for a financial year the mid-year inside it, else the latest before', () => {
    const estimates = [
      { midYear: 2023, children0To17: 300 },
      { midYear: 2024, children0To17: 310 },
    ];
    // 2024–25 holds 30 June 2024; 2025–26 has no estimate yet, so mid-2024's; 2022–23 has none at all.
    expect(populationForYear(estimates, 2024)?.children0To17).toBe(310);
    expect(populationForYear(estimates, 2025)?.midYear).toBe(2024);
    expect(populationForYear(estimates, 2022)).toBeUndefined();
  });
});

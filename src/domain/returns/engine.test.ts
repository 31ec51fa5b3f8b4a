import { describe, expect, it } from 'vitest';
import { runRules, type Rule, type RuleInputs } from './engine.ts';
import { readSsda903 } from './ssda903/read.ts';
import { aChild, anEpisode, ssda903Files } from './ssda903/test-builders.ts';
import { validateSsda903 } from './ssda903/validate.ts';

type Child = { id: string; ages: number[] };

const adult: Rule<Child, RuleInputs> = {
  code: 'T1',
  message: 'Over 17.',
  tables: ['Ages'],
  fields: ['AGE'],
  years: { from: 2025 },
  check: (child) => child.ages.flatMap((age, index) => (age > 17 ? [{ table: 'Ages', row: index + 1 }] : [])),
};

describe('the rule engine', () => {
  it('runs every rule of the year on each child once and names rule, child, table, row and fields', () => {
    const visited: string[] = [];
    const validation = runRules(
      [adult, { ...adult, code: 'OLD', years: { from: 2020, to: 2024 } }],
      [
        { id: 'a', ages: [12, 19] },
        { id: 'b', ages: [3] },
      ],
      { year: 2025, has: new Set() },
      () => visited.push('child'),
    );
    expect(validation.findings).toEqual([
      {
        rule: 'T1',
        child: 'a',
        table: 'Ages',
        row: 2,
        fields: ['AGE'],
        message: 'Over 17.',
        severity: 'error',
      },
    ]);
    expect(validation.ran).toEqual(['T1']);
    expect(visited).toHaveLength(2);
  });

  it('reports rules lacking an input as skipped, never as passed', () => {
    const validation = runRules([{ ...adult, needs: ['postcodes'] }], [{ id: 'a', ages: [19] }], {
      year: 2025,
      has: new Set(),
    });
    expect(validation.findings).toEqual([]);
    expect(validation.ran).toEqual([]);
    expect(validation.skipped).toEqual([{ rule: 'T1', reason: 'needs a postcode table (--postcodes)' }]);
  });

  it('walks the rows of a row rule itself, in order, and runs no rule that does not apply', () => {
    type Rows = { id: string; Ages: { table: string; row: number; age: number }[] };
    const rowsOf = (id: string, ...ages: number[]): Rows => ({
      id,
      Ages: ages.map((age, index) => ({ table: 'Ages', row: index + 2, age })),
    });
    const seen: string[] = [];
    const overAge: Rule<Rows, RuleInputs & { limit: number }> = {
      code: 'R1',
      message: 'Over the limit.',
      tables: ['Ages'],
      fields: ['AGE'],
      years: { from: 2025 },
      flagsRowsOf: 'Ages',
      rowBroken: (row, child, context, index) => {
        seen.push(`${child.id}:${index}`);
        return (row as Rows['Ages'][number]).age > context.limit;
      },
    };
    const context = { year: 2025, has: new Set<never>(), limit: 17 };
    const validation = runRules(
      [overAge, { ...overAge, code: 'R2', applies: (given) => given.limit < 10 }],
      [rowsOf('a', 18, 3, 20), rowsOf('b')],
      context,
    );
    expect(validation.findings.map((finding) => [finding.rule, finding.child, finding.row])).toEqual([
      ['R1', 'a', 2],
      ['R1', 'a', 4],
    ]);
    expect(validation.findings[0]).toMatchObject({ table: 'Ages', fields: ['AGE'], severity: 'error' });
    expect(seen).toEqual(['a:0', 'a:1', 'a:2']);
    // R2 does not apply to this validation: it ran (nothing was missing) and found nothing.
    expect(validation.ran).toEqual(['R1', 'R2']);
  });

  it('runs the SSDA903 postcode rule 392c only with a postcode table', () => {
    const reading = readSsda903(
      ssda903Files({
        Header: [aChild()],
        Episodes: [anEpisode({ HOME_POST: 'ZZ9 9ZZ', PL_POST: 'SW1A 1AA' })],
      }),
    );
    const without = validateSsda903(reading, { year: 2025 });
    expect(without.skipped.map((skip) => skip.rule)).toContain('392c');
    const known = new Map([['SW1A1AA', { la: 'E09000033', easting: 529090, northing: 179645 }]]);
    const withPostcodes = validateSsda903(reading, {
      year: 2025,
      postcodes: (postcode) => known.get(postcode.replaceAll(' ', '').toUpperCase()),
    });
    expect(
      withPostcodes.findings.filter((finding) => finding.rule === '392c').map((finding) => finding.row),
    ).toEqual([2]);
  });
});

import { describe, expect, it } from 'vitest';
import { readProviderList } from './providers.ts';

const read = (...lines: string[]) => readProviderList(lines.join('\r\n'), 2025);

describe('reading Ofsted’s provider list', () => {
  it('reads each provider by URN, with Ofsted’s own column names too', () => {
    const list = read(
      '\uFEFFUnique Reference Number,Placement code,Placement provider code,Setting address postcode,Deregistration date,Places',
      'sc100001,"K2, K1",PR4,tn1 1aa,2025-09-30,4',
    );
    expect(list).toEqual({
      providers: new Map([
        [
          'SC100001',
          {
            urn: 'SC100001',
            placements: new Set(['K2', 'K1']),
            providerCodes: new Set(['PR4']),
            postcode: 'TN11AA',
            council: null,
            closed: '2025-09-30',
          },
        ],
      ]),
      problems: [],
    });
  });

  it('reads the provider codes from the sector when they are not given', () => {
    const list = read(
      'URN,Sector,Local authority code',
      '1,Local authority,886',
      '2,Private,',
      '3,Health authority,',
    );
    if ('problem' in list) throw new Error(list.problem);
    expect([...list.providers.values()].map((provider) => [...provider.providerCodes])).toEqual([
      ['PR1', 'PR2'],
      ['PR4'],
      ['PR3'],
    ]);
    expect(list.providers.get('1')?.council).toBe('E10000016');
  });

  it('reports each value it cannot read with its line, and leaves it out', () => {
    const list = read(
      'URN,Placement codes,Placement provider codes,Sector,Local authority code,Closed date',
      ',K2,PR4,,,',
      'SC1,K2 H5,PR9,,999,31/02/2025',
      'SC2,K2,,Charity,,',
      'SC1,K2,PR4,,,',
    );
    if ('problem' in list) throw new Error(list.problem);
    expect(list.problems).toEqual([
      { line: 2, message: 'no URN: the line was not read' },
      { line: 3, message: 'placement code(s) H5 not an SSDA903 code: left out' },
      { line: 3, message: "local authority code 999 is not a council's GSS code or DfE number: left out" },
      { line: 3, message: 'closed date "31/02/2025" is not a date (DD/MM/YYYY or YYYY-MM-DD): left out' },
      { line: 3, message: 'placement provider code(s) PR9 not an SSDA903 code: left out' },
      { line: 4, message: 'sector "Charity" is not one Hearth knows: left out' },
      { line: 5, message: 'URN SC1 is on line 3 already: this line was not read' },
    ]);
    expect([...list.providers.keys()]).toEqual(['SC1', 'SC2']);
    expect(list.providers.get('SC1')).toMatchObject({
      placements: new Set(['K2']),
      closed: null,
      council: null,
    });
  });

  it('refuses a file without a URN column, or that is not CSV', () => {
    expect(read('Name,Postcode', 'A home,TN1 1AA')).toEqual({
      problem: 'it has no URN column (the first line must name the columns)',
    });
    expect(read('URN,Name', '1,"A home')).toHaveProperty('problem');
  });
});

import { describe, expect, it } from 'vitest';
import { readStaffRows } from './staff-rows.ts';

const header = [
  'email',
  'given_name',
  'family_name',
  'job',
  'contract',
  'fte',
  'started_on',
  'left_on',
  'leaving_reason',
  'swe_number',
];

describe('reading a staff list', () => {
  it('reads good rows, skipping blank ones, with line numbers as the spreadsheet shows them', () => {
    const { rows, problems } = readStaffRows([
      header,
      [
        'ann@council.example',
        'Ann',
        'Lee',
        'social-worker',
        'permanent',
        '0.6',
        '2021-01-04',
        '',
        '',
        'sw123456',
      ],
      ['', '', '', '', '', '', '', '', '', ''],
      ['', 'Bo', 'Khan', 'senior-practitioner', 'agency', '', '', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.line, row.givenName, row.fte, row.sweNumber])).toEqual([
      [2, 'Ann', 0.6, 'SW123456'],
      [4, 'Bo', 1, null],
    ]);
  });

  it.each([
    ['an unknown job', ['', 'A', 'B', 'wizard', 'permanent', '1', '', '', '', ''], 'job'],
    ['an unknown contract', ['', 'A', 'B', 'social-worker', 'zero-hours', '1', '', '', '', ''], 'contract'],
    ['an FTE above 1', ['', 'A', 'B', 'social-worker', 'permanent', '1.5', '', '', '', ''], 'fte'],
    ['an FTE of 0', ['', 'A', 'B', 'social-worker', 'permanent', '0', '', '', '', ''], 'fte'],
    [
      '30 February',
      ['', 'A', 'B', 'social-worker', 'permanent', '1', '2026-02-30', '', '', ''],
      'started_on',
    ],
    [
      'a date in words',
      ['', 'A', 'B', 'social-worker', 'permanent', '1', '4 January 2021', '', '', ''],
      'started_on',
    ],
    [
      'leaving before starting',
      ['', 'A', 'B', 'social-worker', 'permanent', '1', '2021-01-04', '2020-12-31', '', ''],
      'left_on',
    ],
    [
      'a reason without a leaving date',
      ['', 'A', 'B', 'social-worker', 'permanent', '1', '', '', 'resigned', ''],
      'leaving_reason',
    ],
    [
      'a bad SWE number',
      ['', 'A', 'B', 'social-worker', 'permanent', '1', '', '', '', '123456'],
      'swe_number',
    ],
    ['no family name', ['', 'A', '', 'social-worker', 'permanent', '1', '', '', '', ''], 'family_name'],
    ['a bad email', ['not-an-email', 'A', 'B', 'social-worker', 'permanent', '1', '', '', '', ''], 'email'],
  ])('reports %s by line and column, and leaves the row out', (_, cells, column) => {
    const { rows, problems } = readStaffRows([header, cells]);
    expect(rows).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 2, column })]);
  });

  it('reports every bad cell of every row, and keeps the good rows apart', () => {
    const { rows, problems } = readStaffRows([
      header,
      ['a@x.example', 'A', 'B', 'social-worker', 'permanent', '1', '', '', '', ''],
      ['a@x.example', 'C', '', 'social-worker', 'permanent', '2', '', '', '', ''],
    ]);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '3:email',
      '3:family_name',
      '3:fte',
    ]);
  });

  it('refuses a file whose header lacks a column or names an unknown one', () => {
    const { problems } = readStaffRows([['given_name', 'surname', 'job', 'contract']]);
    expect(problems.map((problem) => problem.column)).toEqual(['family_name', 'surname']);
  });

  it('reads lead areas separated by semicolons, and refuses an ASYE completed before it started', () => {
    const wider = [...header, 'asye_started_on', 'asye_completed_on', 'lead_areas'];
    const person = ['', 'A', 'B', 'social-worker', 'permanent', '1', '', '', '', ''];
    const { rows, problems } = readStaffRows([
      wider,
      [...person, '2025-09-01', '2026-08-31', 'Gangs; Unaccompanied minors ;'],
      [...person, '2025-09-01', '2025-08-31', ''],
      [...person, '', '2025-08-31', ''],
    ]);
    expect(rows.map((row) => row.leadAreas)).toEqual([['Gangs', 'Unaccompanied minors']]);
    expect(problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '3:asye_completed_on',
      '4:asye_completed_on',
    ]);
  });
});

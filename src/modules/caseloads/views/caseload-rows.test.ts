import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { myCaseloadRows, teamCaseloadTables } from './caseload-rows.ts';

const worker = (name: string, children: number, role = 'social-worker') => ({
  team_id: 't1',
  team_name: 'Assessment team',
  caseload_target: 25,
  worker_id: name,
  given_name: name,
  family_name: 'Smith',
  role,
  children,
});

describe('teamCaseloadTables', () => {
  it('counts each worker against the team target and flags those over it, but not managers', () => {
    const [team] = teamCaseloadTables([
      worker('Ana', 25),
      worker('Ben', 26),
      worker('Cat', 30, 'team-manager'),
    ]);
    expect(team!.total).toBe(81);
    expect(team!.rows.map((row) => JSON.stringify((row as object[])[4]))).toEqual([
      '{"text":""}',
      '{"html":"<strong class=\\"govuk-tag govuk-tag--red\\">Over target</strong>"}',
      '{"text":""}',
    ]);
  });
});

describe('myCaseloadRows', () => {
  it('escapes names, writes dates the GOV.UK way and gives the journey status in words', () => {
    const [row] = myCaseloadRows([
      {
        id: 'c1',
        local_id: 'C1',
        given_name: '<b>Jo</b>',
        family_name: 'Smith',
        team_name: null,
        last_contact: '2025-06-03',
        status: {
          stage: 'child-protection-plan',
          since: Temporal.PlainDate.from('2025-03-03'),
          details: { category: 'Neglect', start: Temporal.PlainDate.from('2025-03-03') },
        },
      },
    ]);
    expect(JSON.stringify(row)).toContain('&#60;b&#62;Jo');
    expect(row![2]).toEqual({ text: 'Child protection plan since 3 March 2025 (neglect)' });
    expect(row![3]).toEqual({ text: '3 June 2025' });
    expect(row![1]).toEqual({ text: 'Nothing due' });
  });
});

import { describe, expect, it } from 'vitest';
import { workforceMeasures, type Workforce } from './census.ts';
import { aSocialWorker, calendar, censusDay } from './census-test-workers.ts';
import fc from 'fast-check';
import {
  CENSUS_WORKER_COLUMNS,
  censusCouncilLine,
  censusWorkerLines,
  csvCell,
  csvOf,
  fromSpreadsheetSafe,
  spreadsheetSafe,
} from './census-return.ts';

describe('the workforce census return in the DfE’s layout', () => {
  const workers = [
    aSocialWorker('ann', { job: 'senior-practitioner' }),
    aSocialWorker('cal', { leftOn: '2026-09-30', leavingReason: 'retired' }),
    aSocialWorker('agency', { contract: 'agency', startedOn: '2026-06-01' }),
    aSocialWorker('eve', { leftOn: '2026-05-01', leavingReason: 'moved-within-council' }),
    aSocialWorker('dee', { leftOn: '2025-09-30', leavingReason: 'resigned' }),
    aSocialWorker('pat', { job: 'personal-adviser' }),
  ];
  const workforce: Workforce = {
    workers,
    posts: [
      { id: 'p1', job: 'social-worker', fte: 1, from: '2020-01-01', to: null },
      { id: 'p2', job: 'social-worker', fte: 1, from: '2020-01-01', to: null },
    ],
    holdings: [
      { postId: 'p1', workerId: 'ann', from: '2020-01-06', to: null },
      { postId: 'p2', workerId: 'agency', from: '2026-06-01', to: null },
    ],
    // Ann off sick from Monday 28 September to Friday 2 October: 3 working days in the year, absent on the day.
    absences: [{ workerId: 'ann', kind: 'sickness', from: '2026-09-28', to: '2026-10-02' }],
    casesByWorker: new Map([['ann', 17]]),
  };
  const sweNumbers = new Map(
    workers.map((worker) => [worker.id, `SW${worker.id.length}00${workers.indexOf(worker)}`]),
  );
  const lines = censusWorkerLines({ ...workforce, sweNumbers }, censusDay, calendar);
  const byNumber = (id: string) => lines.find((line) => line.SWENo === sweNumbers.get(id));

  it('lists the agency worker first, then employees in post and the year’s leavers; nobody else', () => {
    expect(lines.map((line) => line.SWENo)).toEqual(['SW6002', 'SW3000', 'SW3001']);
    expect(byNumber('eve')).toBeUndefined();
    expect(byNumber('dee')).toBeUndefined();
    expect(byNumber('pat')).toBeUndefined();
  });

  it.each([
    [
      'an agency worker covering a vacant post: only the agency items',
      'agency',
      { AgencyWorker: '1', FTE30: '1.00', OrgRole: '', Cases30: '' },
    ],
    [
      'a senior practitioner off sick on the day',
      'ann',
      {
        AgencyWorker: '0',
        OrgRole: '4',
        Cases30: '17',
        WorkingDaysLost: '3',
        Absat30Sept: '1',
        ReasonAbsence: 'SIC',
        RoleEndDate: '',
      },
    ],
    [
      'a leaver on 30 September: a leaver with the day as role end',
      'cal',
      { OrgRole: '5', RoleEndDate: '2026-09-30', ReasonLeave: '5', Cases30: '', Absat30Sept: '' },
    ],
  ])('%s', (_, id, expected) => {
    expect(byNumber(id)).toMatchObject(expected);
  });

  it('writes the council’s line of vacancies and agency workers', () => {
    const measures = workforceMeasures(workforce, censusDay, calendar);
    expect(censusCouncilLine(measures, 1)).toEqual({
      NumberOfVacancies: '1.00',
      NoAgencyFTE: '1.00',
      NoAgencyHeadcount: '1',
    });
  });

  it('writes CSV in the columns’ order, quoting what needs it', () => {
    const csv = csvOf(CENSUS_WORKER_COLUMNS, lines);
    expect(csv.split('\r\n')[0]).toBe(CENSUS_WORKER_COLUMNS.join(','));
    expect(csv.split('\r\n')).toHaveLength(lines.length + 2);
    expect(csvOf(['a'] as const, [{ a: 'x, "y"' }])).toBe('a\r\n"x, ""y"""\r\n');
  });
});

describe('cells a spreadsheet would run as formulas (issue 22, part 4)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['+44 113 000', "'+44 113 000"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['-1.50', '-1.50'],
    ['Smith-Jones', 'Smith-Jones'],
  ])('writes %j as %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('reads back what it wrote, and no cell it writes starts a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^'[=+\-@\t\r]/.test(text));
        expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
        expect(spreadsheetSafe(text)).not.toMatch(/^[=+\-@\t\r](?![\d.]*$)/);
      }),
    );
  });
});

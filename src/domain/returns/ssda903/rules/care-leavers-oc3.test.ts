import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A care leaver born 1 June 2006 (19 in the year), in touch, in education, living independently. */
const anOc3 = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2006',
  IN_TOUCH: 'YES',
  ACTIV: 'F2',
  ACCOM: 'S2',
  ...overrides,
});
/** Looked after 1 May 2022 to 1 July 2024 (E13), so with no episode this year. */
const leftCare = [anEpisode({ DECOM: '01/05/2022', DEC: '01/07/2024', REC: 'E13' })];
const oc3 = (
  row: Record<string, string>,
  episodes: Record<string, string>[] = [],
  more: TableRows = {},
): TableRows => ({
  Header: [aChild({ DOB: row.DOB ?? '01/06/2006', MOTHER: '' })],
  Episodes: episodes,
  OC3: [row],
  ...more,
});
const lastYear: TableRows = { Header: [aChild({ DOB: '01/06/2006' })], Episodes: leftCare };
/** A young person born on `dob` whose last episode ceased on `dec` (E13), or is still open. */
const agedLeaving = (dob: string, dec: string) =>
  oc3(anOc3({ DOB: dob }), [anEpisode({ DECOM: '01/05/2020', DEC: dec, REC: dec ? 'E13' : '' })]);

describe('SSDA903 OC3 rules (2025–26)', () => {
  it('a care leaver in touch breaks no rule', () => {
    for (const rule of [
      '131',
      '132',
      '133',
      '153',
      '344',
      '345',
      '347',
      '391',
      '1000',
      '1007',
      '1016',
      '1011',
      '3001',
    ]) {
      expect(flagsOf(rule, oc3(anOc3())), rule).toEqual([]);
    }
    for (const rule of ['1002', '348']) {
      expect(flagsOf(rule, oc3(anOc3()), { previousTables: lastYear }), rule).toEqual([]);
    }
    // Without last year's return the care leaver's earlier episodes cannot be seen: 1002 is skipped.
    expect(flagsOf('1002', oc3(anOc3()))).toEqual([]);
  });

  it.each<[string, string, TableRows, string[]]>([
    ['131', 'in touch MAYBE', oc3(anOc3({ IN_TOUCH: 'MAYBE' })), ['OC3:2']],
    ['132', 'activity F3', oc3(anOc3({ ACTIV: 'F3' })), ['OC3:2']],
    ['133', 'accommodation A1', oc3(anOc3({ ACCOM: 'A1' })), ['OC3:2']],
    ['153', 'accommodation blank', oc3(anOc3({ ACCOM: '' })), ['OC3:2']],
    ['344', 'returned home, activity F2', oc3(anOc3({ IN_TOUCH: 'RHOM', ACCOM: '0' })), ['OC3:2']],
    ['344', 'returned home, both 0', oc3(anOc3({ IN_TOUCH: 'RHOM', ACTIV: '0', ACCOM: '0' })), []],
    ['345', 'in touch, accommodation 0', oc3(anOc3({ ACCOM: '0' })), ['OC3:2']],
    [
      '347',
      'a foyer the day before turning 18 on 01/04/2025',
      oc3(anOc3({ DOB: '02/04/2007', ACCOM: 'T1' })),
      ['OC3:2'],
    ],
    ['347', 'a foyer, 18 on 01/04/2025', oc3(anOc3({ DOB: '01/04/2007', ACCOM: 'T1' })), []],
    ['391', 'turns 17 on 01/04/2026', oc3(anOc3({ DOB: '01/04/2009' })), ['OC3:2']],
    ['391', 'turned 17 on 31/03/2026', oc3(anOc3({ DOB: '31/03/2009' })), []],
    ['391', 'turned 22 on 01/04/2025', oc3(anOc3({ DOB: '01/04/2003' })), ['OC3:2']],
    ['391', 'turned 22 on 02/04/2025', oc3(anOc3({ DOB: '02/04/2003' })), []],
    [
      '1000',
      'died in care this year',
      oc3(anOc3(), [anEpisode({ DECOM: '01/05/2024', DEC: '01/06/2025', REC: 'E2' })]),
      ['OC3:2'],
    ],
    ['1007', 'aged 18 and still looked after', agedLeaving('01/06/2007', ''), ['OC3:2']],
    ['1007', 'aged 19 and still looked after', agedLeaving('31/03/2007', ''), []],
    ['1016', 'aged 17, ceased on the 17th birthday', agedLeaving('01/06/2008', '01/06/2025'), ['OC3:2']],
    ['1016', 'aged 17, ceased the day before', agedLeaving('01/06/2008', '31/05/2025'), []],
    [
      '1011',
      'care transferred (E3)',
      oc3(anOc3(), [anEpisode({ DECOM: '01/05/2022', DEC: '01/07/2024', REC: 'E3' })]),
      ['OC3:2'],
    ],
    [
      '3001',
      'turns 17 on 31/03/2026, with former foster carers',
      oc3(anOc3({ DOB: '31/03/2009', ACCOM: 'Z1' })),
      ['OC3:2'],
    ],
    [
      '3001',
      'turned 17 on 31/03/2025, with former foster carers',
      oc3(anOc3({ DOB: '31/03/2008', ACCOM: 'Z1' })),
      [],
    ],
    [
      '134',
      'a care leaver with adoption information',
      oc3(anOc3(), [], { AD1: [{ CHILD: '1', DOB: '01/06/2006', FOSTER_CARE: '0' }] }),
      ['AD1:2'],
    ],
    [
      '187',
      'looked after for 12 months, with care leaver information',
      oc3(anOc3({ DOB: '01/06/2008' }), [anEpisode({ DECOM: '01/05/2024' })]),
      ['OC3:2'],
    ],
    ['187', 'new to care this year', oc3(anOc3({ DOB: '01/06/2008' }), [anEpisode()]), []],
    [
      '215',
      'care leaver information and health items',
      oc3(anOc3(), [], { OC2: [{ CHILD: '1', DOB: '01/06/2006', IMMUNISATIONS: '1' }] }),
      ['OC3:2', 'OC2:2'],
    ],
    [
      '215',
      'care leaver information and a blank OC2 row',
      oc3(anOc3(), [], { OC2: [{ CHILD: '1', DOB: '01/06/2006' }] }),
      [],
    ],
    [
      '628',
      'motherhood of a care leaver not looked after this year',
      { Header: [aChild({ DOB: '01/06/2006', MOTHER: '0' })], Episodes: [], OC3: [anOc3()] },
      ['Header:2'],
    ],
    ['628', 'motherhood blank', oc3(anOc3()), []],
    [
      '1012',
      'a review of a care leaver with no episode',
      oc3(anOc3(), [], {
        Reviews: [{ CHILD: '1', DOB: '01/06/2006', REVIEW: '01/06/2025', REVIEW_CODE: 'PN1' }],
      }),
      ['Reviews:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it.each<[string, string, TableRows, string[]]>([
    ['1002', 'no episode this year or last, 16 on 01/04/2024', oc3(anOc3({ DOB: '01/04/2008' })), ['OC3:2']],
    ['1002', 'no episode this year or last, 16 on 31/03/2024', oc3(anOc3({ DOB: '31/03/2008' })), []],
    [
      '1002',
      'no episode this year or last, aged 19 (care may have ended before last year)',
      oc3(anOc3()),
      [],
    ],
    ['348', 'reported as died last year, in touch this year', oc3(anOc3()), ['OC3:2']],
    ['348', 'reported as died both years', oc3(anOc3({ IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' })), []],
  ])("%s (with last year's return): %s", (rule, _situation, tables, expected) => {
    const previous: TableRows =
      rule === '348'
        ? { ...lastYear, OC3: [anOc3({ IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' })] }
        : { Header: [aChild()], Episodes: [] };
    expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
  });
});

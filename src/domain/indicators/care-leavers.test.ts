import { describe, expect, it } from 'vitest';
import { contactAroundBirthday, inCareLeaverCohort } from './care-leavers.ts';
import { financialYear } from './periods.ts';
import { aChild, aPeriodOfCare } from './test-children.ts';
import { figureOf } from './test-children.ts';

/** 2025–26: 1 April 2025 to 31 March 2026. */
const year = financialYear(2025);

const aContact = (on: string, inTouch: string, accommodation: string, activity: string) => ({
  contacted_on: on,
  in_touch: inTouch,
  accommodation,
  activity,
});

const children = [
  // 17 on 15 June 2025; looked after from 2022 (before her 14th birthday) to 1 January 2025, after her 16th.
  // In touch on 1 May 2025, in her own tenancy (U1, suitable) and at college (F2); the contact on 1 August is
  // more than a month after the birthday.
  aChild('Kim', {
    born: '2008-06-15',
    ...aPeriodOfCare('kim', '2022-01-01', '2025-01-01', [['2022-01-01', 'C2']]),
    care_leaver_contacts: [aContact('2025-05-01', 'YES', 'U1', 'F2'), aContact('2025-08-01', 'NO', '0', '0')],
  }),
  // 18 on 1 September 2025. Two contacts in the window, 1 June (3 months before: 92 days) and 1 October
  // (1 month after: 30 days); the nearer says in touch, with family in accommodation not suitable (B2), NEET (G5).
  aChild('Lee', {
    born: '2007-09-01',
    ...aPeriodOfCare('lee', '2023-01-01', '2025-01-01', [['2023-01-01', 'C2']]),
    care_leaver_contacts: [
      aContact('2025-06-01', 'YES', 'B1', 'F1'),
      aContact('2025-10-01', 'YES', 'B2', 'G5'),
    ],
  }),
  // 17 on 1 December 2025 but still looked after that day: not a care leaver yet (SSDA903 1007).
  aChild('Mo', {
    born: '2008-12-01',
    ...aPeriodOfCare('mo', '2023-01-01', null, [['2023-01-01', 'C2']]),
  }),
  // Born 29 February 2008: 18 on 1 March 2026 (no 29 February that year). Left care on 1 June 2025; no contact
  // recorded: counted as not in touch.
  aChild('Nia', {
    born: '2008-02-29',
    ...aPeriodOfCare('nia', '2022-01-01', '2025-06-01', [['2022-01-01', 'V2']]),
  }),
  // 17 on 1 July 2025, but looked after only 61 days after 14: not 13 weeks, so not a care leaver.
  aChild('Oli', {
    born: '2008-07-01',
    ...aPeriodOfCare('oli', '2024-08-01', '2024-10-01', [['2024-08-01', 'V2']]),
    care_leaver_contacts: [aContact('2025-07-01', 'YES', 'U1', 'F2')],
  }),
  // Adopted (E11) at the end of her care: not a care leaver.
  aChild('Pat', {
    born: '2008-08-01',
    ...aPeriodOfCare('pat', '2022-01-01', '2024-12-01', [['2022-01-01', 'E1']], undefined, 'E11'),
  }),
  // Only ever on short breaks (V4): not a care leaver.
  aChild('Qui', {
    born: '2008-10-01',
    ...aPeriodOfCare('qui', '2023-01-01', '2025-01-01', [['2023-01-01', 'V4']]),
  }),
  // 20 on 1 April 2025; left care on his 18th birthday. In touch in supported accommodation (D1), in part-time
  // training (P5).
  aChild('Ray', {
    born: '2005-04-01',
    ...aPeriodOfCare('ray', '2020-01-01', '2023-04-01', [['2020-01-01', 'C2']]),
    care_leaver_contacts: [aContact('2025-03-15', 'YES', 'D1', 'P5')],
  }),
  // 21 on 20 November 2025; refuses contact.
  aChild('Sam', {
    born: '2004-11-20',
    ...aPeriodOfCare('sam', '2019-01-01', '2022-11-20', [['2019-01-01', 'C2']]),
    care_leaver_contacts: [aContact('2025-11-20', 'REFU', '0', '0')],
  }),
  // 22 in the year: beyond the cohort.
  aChild('Tia', {
    born: '2003-05-01',
    ...aPeriodOfCare('tia', '2018-01-01', '2021-05-01', [['2018-01-01', 'C2']]),
    care_leaver_contacts: [aContact('2025-05-01', 'YES', 'U1', 'F1')],
  }),
];

describe('care leaver indicators over 2025–26', () => {
  it.each([
    // 17–18 cohort: Kim, Lee, Nia (Mo still looked after, Oli too short, Pat adopted, Qui short breaks).
    // In touch: Kim and Lee: 2 / 3. Suitable: Kim (Lee's nearer contact says B2): 1 / 3. EET: Kim: 1 / 3.
    ['care-leavers-in-touch-17-18', 2, 3, 66.7, ['Kim', 'Lee']],
    ['care-leavers-suitable-accommodation-17-18', 1, 3, 33.3, ['Kim']],
    ['care-leavers-eet-17-18', 1, 3, 33.3, ['Kim']],
    // 19–21 cohort: Ray and Sam (Tia turned 22). Ray is in touch, suitably housed and in training; Sam refuses
    // contact: 1 / 2 each.
    ['care-leavers-in-touch-19-21', 1, 2, 50, ['Ray']],
    ['care-leavers-suitable-accommodation-19-21', 1, 2, 50, ['Ray']],
    ['care-leavers-eet-19-21', 1, 2, 50, ['Ray']],
  ])('%s: %d of %d', (id, numerator, denominator, value, counted) => {
    const figure = figureOf(id, children, year);
    expect(figure).toMatchObject({ numerator, denominator, value });
    expect([...figure.children].sort()).toEqual(counted);
    expect([...figure.outOf!].sort()).toEqual(id.endsWith('17-18') ? ['Kim', 'Lee', 'Nia'] : ['Ray', 'Sam']);
  });
});

describe('inCareLeaverCohort', () => {
  const leftCareAt = (end: string, start = '2024-01-01') =>
    aChild('Uri', { born: '2008-01-01', ...aPeriodOfCare('uri', start, end, [[start, 'C2']]) });
  it.each([
    // 14 on 1 January 2022, 16 on 1 January 2024, 17 on 1 January 2025.
    ['left care the day before the 17th birthday', leftCareAt('2024-12-31'), true],
    [
      'left care on the 17th birthday (ceased that day: not looked after on it)',
      leftCareAt('2025-01-01'),
      true,
    ],
    ['left care the day after the 17th birthday', leftCareAt('2025-01-02'), false],
    ['looked after 13 weeks, all after 16 (91 days)', leftCareAt('2024-04-01'), true],
    ['looked after 90 days', leftCareAt('2024-03-31'), false],
    ['left care the day before the 16th birthday', leftCareAt('2023-12-31', '2023-01-01'), false],
    ['left care on the 16th birthday (looked after until it)', leftCareAt('2024-01-01', '2023-01-01'), false],
  ])('%s: %s', (_case, child, expected) => {
    expect(inCareLeaverCohort(child, '2025-01-01')).toBe(expected);
  });
});

describe('contactAroundBirthday', () => {
  const child = aChild('Vi', {
    care_leaver_contacts: [aContact('2025-03-01', 'NO', '0', '0'), aContact('2025-07-02', 'YES', 'U1', 'F1')],
  });
  it.each([
    // Birthday 1 June 2025: from 1 March to 1 July. 1 March is in the window; 2 July is not.
    ['2025-06-01', '2025-12-31', '2025-03-01'],
    // Birthday 2 June: window 2 March to 2 July: only 2 July.
    ['2025-06-02', '2025-12-31', '2025-07-02'],
    // Not yet known on 30 June.
    ['2025-06-02', '2025-06-30', undefined],
  ])('birthday %s, known by %s: %s', (birthday, knownBy, expected) => {
    expect(contactAroundBirthday(child, birthday, knownBy)?.contacted_on).toBe(expected);
  });
});

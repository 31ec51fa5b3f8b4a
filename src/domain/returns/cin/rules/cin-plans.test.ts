import { describe, expect, it } from 'vitest';
import {
  aChild,
  aCinPlan,
  anEpisode,
  aProtectionPlan,
  census,
  flagsOf,
  withGroups,
  type Fields,
} from '../test-builders.ts';

const P = ['CINPlanDates:1'];
/** One episode referred 1 March 2025 with this CIN plan and any other groups. */
const planned = (plan: Fields, ...groups: string[]) =>
  withGroups({ CINreferralDate: '2025-03-01' }, aCinPlan(plan), ...groups);
const diedOn = (death: string, plan: Fields) =>
  census(aChild({ PersonDeathDate: death }, [anEpisode({}, aCinPlan(plan))]));
const from = (start: string, end: string | null = null): Fields => ({
  CINPlanStartDate: start,
  CINPlanEndDate: end,
});
const cpp = (start: string, end: string | null = null, reviews: string[] = []) =>
  aProtectionPlan({ CPPstartDate: start, CPPendDate: end }, reviews);

describe('CIN census CIN plan rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    [
      '4000',
      'a CIN plan on a referral with no further action',
      withGroups({ ReferralNFA: 'true' }, aCinPlan()),
      P,
    ],
    ['4000', 'a CIN plan on a referral going on to further action', withGroups({}, aCinPlan()), []],
    ['4010', 'no start date', planned({ CINPlanStartDate: null }), P],
    ['4010', 'starts 1 April 2026', planned(from('2026-04-01')), P],
    ['4010', 'starts 31 March 2026', planned(from('2026-03-31')), []],
    ['4011', 'ends the day before it starts', planned(from('2025-11-14', '2025-11-13')), P],
    ['4011', 'ends the day after it starts', planned(from('2025-11-14', '2025-11-15')), []],
    ['4012Q', 'starts and ends the same day', planned(from('2025-11-14', '2025-11-14')), P],
    ['4012Q', 'ends the next day', planned(from('2025-11-14', '2025-11-15')), []],
    ['4013', 'ends 31 March 2025', planned(from('2025-03-10', '2025-03-31')), P],
    ['4013', 'ends 1 April 2025', planned(from('2025-03-10', '2025-04-01')), []],
    ['4013', 'ends 31 March 2026', planned(from('2025-11-14', '2026-03-31')), []],
    ['4013', 'ends 1 April 2026', planned(from('2025-11-14', '2026-04-01')), P],
    ['4015', 'starts the day before referral', withGroups({}, aCinPlan(from('2025-10-05'))), P],
    ['4015', 'starts the day of referral', withGroups({}, aCinPlan(from('2025-10-06'))), []],
    ['4008', 'starts the day after death', diedOn('2025-11-13', from('2025-11-14', '2025-11-20')), P],
    ['4008', 'starts the day of death', diedOn('2025-11-14', from('2025-11-14', '2025-11-20')), []],
    ['4009Q', 'ends the day after death', diedOn('2025-12-01', from('2025-11-14', '2025-12-02')), P],
    ['4009Q', 'ends the day of death', diedOn('2025-12-01', from('2025-11-14', '2025-12-01')), []],
    ['4004', 'two open CIN plans', withGroups({}, aCinPlan(), aCinPlan(from('2025-12-01'))), [...P, ...P]],
    [
      '4004',
      'one open CIN plan',
      withGroups({}, aCinPlan(from('2025-11-14', '2025-12-01')), aCinPlan(from('2025-12-01'))),
      [],
    ],
    [
      '4014',
      'a plan starting before the last ended',
      withGroups({}, aCinPlan(from('2025-11-14', '2025-12-01')), aCinPlan(from('2025-11-20', '2025-12-10'))),
      P,
    ],
    [
      '4014',
      'a plan starting the day the last ended',
      withGroups({}, aCinPlan(from('2025-11-14', '2025-12-01')), aCinPlan(from('2025-12-01', '2025-12-10'))),
      P,
    ],
    [
      '4014',
      'a plan starting the day after the last ended',
      withGroups({}, aCinPlan(from('2025-11-14', '2025-12-01')), aCinPlan(from('2025-12-02', '2025-12-10'))),
      [],
    ],
    [
      '4014',
      'plans of two episodes, the first still open',
      census(
        aChild({}, [
          anEpisode({}, aCinPlan()),
          anEpisode(
            { CINreferralDate: '2025-12-01', ReferralNFA: 'true' },
            aCinPlan(from('2025-12-10', '2025-12-20')),
          ),
        ]),
      ),
      P,
    ],
    ['4001', 'an open CIN plan and an open CP plan', withGroups({}, aCinPlan(), cpp('2025-10-22')), P],
    [
      '4001',
      'an open CIN plan after a CP plan ended',
      withGroups({}, aCinPlan(), cpp('2025-10-22', '2025-11-14')),
      [],
    ],
    ['4016', 'a CIN plan starting while a CP plan is open', withGroups({}, aCinPlan(), cpp('2025-10-22')), P],
    [
      '4016',
      'a CIN plan starting the day before the CP plan ended',
      withGroups({}, aCinPlan(from('2025-11-13')), cpp('2025-10-22', '2025-11-14')),
      P,
    ],
    [
      '4016',
      'a CIN plan starting the day the CP plan ended',
      withGroups({}, aCinPlan(from('2025-11-14')), cpp('2025-10-22', '2025-11-14')),
      [],
    ],
    [
      '4017',
      'a CP plan starting while a CIN plan is open',
      withGroups({}, aCinPlan(), cpp('2025-12-01')),
      ['ChildProtectionPlans:1'],
    ],
    [
      '4017',
      'a CP plan starting the day the CIN plan ended',
      withGroups({}, aCinPlan(from('2025-11-14', '2025-12-01')), cpp('2025-12-01')),
      [],
    ],
    [
      '4003',
      'a CP review while a CIN plan was open',
      withGroups(
        {},
        aCinPlan(from('2025-11-14', '2026-01-20')),
        cpp('2025-10-22', '2026-01-10', ['2025-12-01']),
      ),
      ['Reviews:1'],
    ],
    [
      '4003',
      'a CP review on the day the CP plan ended',
      withGroups(
        {},
        aCinPlan(from('2025-11-14', '2026-01-20')),
        cpp('2025-10-22', '2026-01-10', ['2026-01-10']),
      ),
      [],
    ],
    [
      '4003',
      'a CP review before the CIN plan started',
      withGroups(
        {},
        aCinPlan(from('2025-11-14', '2026-01-20')),
        cpp('2025-10-22', '2026-01-10', ['2025-11-13']),
      ),
      [],
    ],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });
});

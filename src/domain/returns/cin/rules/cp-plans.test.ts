import { describe, expect, it } from 'vitest';
import {
  aChild,
  anAssessment,
  anEpisode,
  aProtectionPlan,
  aSection47,
  census,
  flagsOf,
  withGroups,
  type Fields,
} from '../test-builders.ts';

const P = ['ChildProtectionPlans:1'];
/** One episode referred 1 March 2025, assessed, with an enquiry whose conference was on 22 October 2025. */
const planned = (...plans: string[]) =>
  withGroups({ CINreferralDate: '2025-03-01' }, anAssessment(), aSection47(), ...plans);
const plan = (fields: Fields, reviews: (string | null)[] = []) => aProtectionPlan(fields, reviews);
const diedOn = (death: string, fields: Fields) =>
  census(aChild({ PersonDeathDate: death }, [anEpisode({}, anAssessment(), aSection47(), plan(fields))]));
const ended = (start: string, end: string): Fields => ({ CPPstartDate: start, CPPendDate: end });

describe('CIN census child protection plan rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    ['8720', 'no start date', planned(plan({ CPPstartDate: null })), P],
    ['8720', 'starts 1 April 2026', planned(plan({ CPPstartDate: '2026-04-01' })), P],
    ['8720', 'starts 31 March 2026', planned(plan({ CPPstartDate: '2026-03-31' })), []],
    ['1105', 'starts the day before referral', withGroups({}, plan({ CPPstartDate: '2025-10-05' })), P],
    ['1105', 'starts the day of referral', withGroups({}, plan({ CPPstartDate: '2025-10-06' })), []],
    ['2885', 'starts the day after the conference', planned(plan({ CPPstartDate: '2025-10-23' })), P],
    ['2885', 'starts the day of the conference', planned(plan({})), []],
    [
      '2885',
      'no enquiry; starts the day after the conference on the episode',
      withGroups({ DateOfInitialCPC: '2025-10-21' }, plan({})),
      P,
    ],
    [
      '2885',
      'no enquiry; starts the day of the conference on the episode',
      withGroups({ DateOfInitialCPC: '2025-10-22' }, plan({})),
      [],
    ],
    ['2885', 'started before the census year', planned(plan(ended('2025-03-20', '2025-04-20'))), []],
    ['8730', 'no number of previous plans', planned(plan({ NumberOfPreviousCPP: null })), P],
    ['8730', 'previous plans -1', planned(plan({ NumberOfPreviousCPP: '-1' })), P],
    ['8730', 'previous plans 0', planned(plan({})), []],
    ['8905', 'no initial category of abuse', planned(plan({ InitialCategoryOfAbuse: null })), P],
    ['8905', 'initial category XXX', planned(plan({ InitialCategoryOfAbuse: 'XXX' })), P],
    ['8905', 'initial category PHY', planned(plan({ InitialCategoryOfAbuse: 'PHY' })), []],
    ['8910', 'no latest category of abuse', planned(plan({ LatestCategoryOfAbuse: null })), P],
    ['8910', 'latest category XXX', planned(plan({ LatestCategoryOfAbuse: 'XXX' })), P],
    ['8910', 'latest category EMO', planned(plan({ LatestCategoryOfAbuse: 'EMO' })), []],
    ['8840', 'starts and ends the same day', planned(plan(ended('2025-10-22', '2025-10-22'))), P],
    ['8840', 'ends the next day', planned(plan(ended('2025-10-22', '2025-10-23'))), []],
    ['8915', 'starts the day after death', diedOn('2025-10-21', {}), P],
    ['8915', 'starts the day of death', diedOn('2025-10-22', {}), []],
    ['8920', 'ends the day after death', diedOn('2025-12-01', { CPPendDate: '2025-12-02' }), P],
    ['8920', 'ends the day of death', diedOn('2025-12-01', { CPPendDate: '2025-12-01' }), []],
    ['8925', 'ends the day before it starts', planned(plan(ended('2025-10-22', '2025-10-21'))), P],
    ['8925', 'ends after it starts', planned(plan(ended('2025-10-22', '2025-12-01'))), []],
    ['8930', 'ends 31 March 2025', planned(plan(ended('2025-03-10', '2025-03-31'))), P],
    ['8930', 'ends 1 April 2025', planned(plan(ended('2025-03-10', '2025-04-01'))), []],
    ['8930', 'ends 31 March 2026', planned(plan(ended('2025-10-22', '2026-03-31'))), []],
    ['8930', 'ends 1 April 2026', planned(plan(ended('2025-10-22', '2026-04-01'))), P],
    [
      '8935',
      'two open plans in two episodes',
      census(
        aChild({}, [
          anEpisode({}, plan({})),
          anEpisode(
            { CINreferralDate: '2024-06-01', CINclosureDate: '2025-06-01', ReasonForClosure: 'RC1' },
            plan({}),
          ),
        ]),
      ),
      [...P, ...P],
    ],
    [
      '8935',
      'one open plan and one ended',
      planned(plan(ended('2025-10-22', '2025-12-01')), plan({ CPPstartDate: '2025-12-01' })),
      [],
    ],
    [
      '8940',
      'a plan starting before the last ended',
      planned(plan(ended('2025-10-22', '2025-12-01')), plan(ended('2025-11-20', '2026-01-10'))),
      P,
    ],
    [
      '8940',
      'a plan starting the day the last ended',
      planned(plan(ended('2025-10-22', '2025-12-01')), plan(ended('2025-12-01', '2026-01-10'))),
      P,
    ],
    [
      '8940',
      'a plan starting the day after the last ended',
      planned(plan(ended('2025-10-22', '2025-12-01')), plan(ended('2025-12-02', '2026-01-10'))),
      [],
    ],
    ['8841', 'a review the day the plan started', planned(plan({}, ['2025-10-22'])), ['Reviews:1']],
    ['8841', 'a review the day after the plan started', planned(plan({}, ['2025-10-23'])), []],
    ['8842Q', 'a review with no date', planned(plan({}, ['2025-12-01', null])), ['Reviews:1']],
    ['8842Q', 'a review with a date', planned(plan({}, ['2025-12-01'])), []],
    ['2883', 'a plan starting with no conference held', withGroups({}, plan({})), ['ChildProtectionPlans:0']],
    ['2883', 'a plan starting after a conference', planned(plan({})), []],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });
});

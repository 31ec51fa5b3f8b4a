import { describe, expect, it } from 'vitest';
import {
  aChild,
  aCinPlan,
  anAssessment,
  anEpisode,
  aProtectionPlan,
  aSection47,
  census,
  flagsOf,
  withGroups,
  type Fields,
} from '../test-builders.ts';

const D = ['CINdetails:1'];
const closed = (fields: Fields = {}, ...groups: string[]) =>
  withGroups({ CINclosureDate: '2026-02-01', ReasonForClosure: 'RC1', ...fields }, ...groups);
const childWith = (fields: Fields, ...episodes: string[]) => census(aChild(fields, episodes));
const unborn = {
  PersonBirthDate: null,
  ExpectedPersonBirthDate: '2026-05-01',
  Sex: 'U',
  UPN: null,
  UPNunknown: 'UN1',
};
/** Two episodes of the same child: the second is the one a rule is expected to flag when it is flagged once. */
const twoEpisodes = (first: Fields, second: Fields) =>
  census(aChild({}, [anEpisode(first), anEpisode(second)]));
const closedBetween = (from: string, to: string): Fields => ({
  CINreferralDate: from,
  CINclosureDate: to,
  ReasonForClosure: 'RC1',
});

describe('CIN census CINdetails rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    ['8600', 'referral 1 April 2026', withGroups({ CINreferralDate: '2026-04-01' }), D],
    ['8600', 'no referral date', withGroups({ CINreferralDate: null }), D],
    ['8600', 'referral 31 March 2026', withGroups({ CINreferralDate: '2026-03-31' }), []],
    ['8606', 'referral 281 days before birth', withGroups({ CINreferralDate: '2014-06-19' }), D],
    ['8606', 'referral 280 days before birth', withGroups({ CINreferralDate: '2014-06-20' }), []],
    [
      '8606',
      'referral 281 days before the expected birth',
      childWith(unborn, anEpisode({ CINreferralDate: '2025-07-24' })),
      D,
    ],
    [
      '8606',
      'referral 280 days before the expected birth',
      childWith(unborn, anEpisode({ CINreferralDate: '2025-07-25' })),
      [],
    ],
    [
      '8555Q',
      'referred the day after death',
      childWith({ PersonDeathDate: '2025-12-01' }, anEpisode({ CINreferralDate: '2025-12-02' })),
      D,
    ],
    [
      '8555Q',
      'referred the day of death',
      childWith({ PersonDeathDate: '2025-12-01' }, anEpisode({ CINreferralDate: '2025-12-01' })),
      [],
    ],
    ['8866', 'no referral source', withGroups({ ReferralSource: null }), D],
    ['8866', 'referral source 9Z', withGroups({ ReferralSource: '9Z' }), D],
    ['8866', 'referral source 1A', withGroups({}), []],
    [
      '8866',
      'no source for a referral of 31 March 2013',
      withGroups({ CINreferralDate: '2013-03-31', ReferralSource: null }),
      [],
    ],
    ['8568', 'no ReferralNFA', withGroups({ ReferralNFA: null }), D],
    ['8568', 'ReferralNFA yes', withGroups({ ReferralNFA: 'yes' }), D],
    ['8568', 'ReferralNFA 1', withGroups({ ReferralNFA: '1' }), []],
    [
      '8569Q',
      'no further action, referred Friday 28 March 2025',
      withGroups({ CINreferralDate: '2025-03-28', ReferralNFA: 'true' }),
      D,
    ],
    [
      '8569Q',
      'no further action, referred Monday 31 March 2025 (the working day before)',
      withGroups({ CINreferralDate: '2025-03-31', ReferralNFA: 'true' }),
      [],
    ],
    ['8569Q', 'further action, referred 28 March 2025', withGroups({ CINreferralDate: '2025-03-28' }), []],
    ['8610', 'further action, no primary need', withGroups({ PrimaryNeedCode: null }), D],
    [
      '8610',
      'no further action, no primary need',
      withGroups({ PrimaryNeedCode: null, ReferralNFA: '1' }),
      [],
    ],
    ['8650', 'primary need N10', withGroups({ PrimaryNeedCode: 'N10' }), D],
    ['8650', 'primary need N0', withGroups({ PrimaryNeedCode: 'N0' }), []],
    ['8620', 'closed 31 March 2025', withGroups(closedBetween('2025-03-01', '2025-03-31')), D],
    ['8620', 'closed 1 April 2025', withGroups(closedBetween('2025-03-01', '2025-04-01')), []],
    ['8620', 'closed 31 March 2026', withGroups(closedBetween('2025-10-06', '2026-03-31')), []],
    ['8620', 'closed 1 April 2026', withGroups(closedBetween('2025-10-06', '2026-04-01')), D],
    ['8630', 'closed the day before referral', withGroups(closedBetween('2025-10-06', '2025-10-05')), D],
    ['8630', 'closed the day of referral', withGroups(closedBetween('2025-10-06', '2025-10-06')), []],
    ['8640', 'reason for closure RC0', closed({ ReasonForClosure: 'RC0' }), D],
    ['8640', 'reason for closure RC8', closed({ ReasonForClosure: 'RC8' }, anAssessment()), []],
    ['8805', 'closed with no reason', closed({ ReasonForClosure: null }), D],
    ['8805', 'closed with a reason', closed(), []],
    ['8810', 'a reason with no closure date', closed({ CINclosureDate: null }), D],
    ['8810', 'a reason and a closure date', closed(), []],
    ['8585Q', 'closed as died (RC2), no date of death', closed({ ReasonForClosure: 'RC2' }), D],
    [
      '8585Q',
      'closed as died (RC2) with a date of death',
      childWith(
        { PersonDeathDate: '2026-02-01' },
        anEpisode({ CINclosureDate: '2026-02-01', ReasonForClosure: 'RC2' }),
      ),
      [],
    ],
    [
      '8565',
      'closed the day before the assessment was authorised',
      closed({ CINclosureDate: '2025-11-13' }, anAssessment()),
      D,
    ],
    [
      '8565',
      'closed the day the assessment was authorised',
      closed({ CINclosureDate: '2025-11-14' }, anAssessment()),
      [],
    ],
    ['8565', 'a CIN plan ending after closure', closed({}, aCinPlan({ CINPlanEndDate: '2026-02-02' })), D],
    ['8565', 'a conference after closure', closed({ CINclosureDate: '2025-10-21' }, aSection47()), D],
    [
      '8815',
      'two open episodes going on to further action',
      twoEpisodes({ CINreferralDate: '2025-06-01' }, {}),
      [...D, ...D],
    ],
    [
      '8815',
      'one open episode and one open referral with no further action',
      twoEpisodes({ CINreferralDate: '2025-06-01', ReferralNFA: 'true' }, {}),
      [],
    ],
    [
      '8816',
      'the open episode is not the latest',
      twoEpisodes({ CINreferralDate: '2025-06-01' }, closedBetween('2025-10-06', '2026-02-01')),
      D,
    ],
    [
      '8816',
      'the open episode is the latest',
      twoEpisodes(closedBetween('2025-06-01', '2025-09-01'), {}),
      [],
    ],
    [
      '8820',
      'an episode referred while another was open',
      twoEpisodes(closedBetween('2025-05-01', '2025-09-01'), closedBetween('2025-08-01', '2025-10-01')),
      D,
    ],
    [
      '8820',
      'an episode referred the day another closed',
      twoEpisodes(closedBetween('2025-05-01', '2025-09-01'), closedBetween('2025-09-01', '2025-10-01')),
      [],
    ],
    [
      '8820',
      'an episode referred while another is still open',
      twoEpisodes({ CINreferralDate: '2025-05-01' }, closedBetween('2025-08-01', '2025-10-01')),
      D,
    ],
    [
      '8820',
      'an episode referred after an open referral with no further action',
      twoEpisodes(
        { CINreferralDate: '2025-05-01', ReferralNFA: 'true' },
        closedBetween('2025-08-01', '2025-10-01'),
      ),
      [],
    ],
    ['8825Q', 'closed after assessment (RC8) with no assessment', closed({ ReasonForClosure: 'RC8' }), D],
    [
      '8825Q',
      'closed after assessment (RC9) with an assessment',
      closed({ ReasonForClosure: 'RC9' }, anAssessment()),
      [],
    ],
    [
      '2990',
      'closed RC8 with a section 47',
      closed({ ReasonForClosure: 'RC8' }, anAssessment(), aSection47()),
      D,
    ],
    [
      '2990',
      'closed RC9 with a CIN plan',
      closed({ ReasonForClosure: 'RC9' }, anAssessment(), aCinPlan()),
      D,
    ],
    [
      '2990',
      'closed RC8 with a conference on the episode',
      closed({ ReasonForClosure: 'RC8', DateOfInitialCPC: '2025-10-22' }, anAssessment()),
      D,
    ],
    ['2990', 'closed RC8 with an assessment only', closed({ ReasonForClosure: 'RC8' }, anAssessment()), []],
    ['2991Q', 'a section 47 and no assessment', withGroups({}, aSection47()), D],
    ['2991Q', 'a section 47 and an assessment', withGroups({}, anAssessment(), aSection47()), []],
    [
      '8831',
      'no further action, with an assessment',
      withGroups({ ReferralNFA: 'true' }, anAssessment({}, null)),
      D,
    ],
    [
      '8831',
      'no further action, with a section 47 start date',
      withGroups({ ReferralNFA: '1' }, aSection47({ DateOfInitialCPC: null })),
      D,
    ],
    ['8831', 'no further action and nothing else', withGroups({ ReferralNFA: 'true' }), []],
    [
      '8832',
      'no further action, with a child protection plan',
      withGroups({ ReferralNFA: 'true' }, aProtectionPlan()),
      D,
    ],
    ['8832', 'further action, with a child protection plan', withGroups({}, aProtectionPlan()), []],
    [
      '8867',
      'closed with an assessment not authorised',
      closed({}, anAssessment({ AssessmentAuthorisationDate: null }, null)),
      D,
    ],
    ['8867', 'closed with the assessment authorised', closed({}, anAssessment()), []],
    [
      '8868',
      'closed with a section 47 with no conference',
      closed({}, anAssessment(), aSection47({ DateOfInitialCPC: null })),
      D,
    ],
    [
      '8868',
      'closed with a section 47 whose conference was not required',
      closed({}, anAssessment(), aSection47({ DateOfInitialCPC: null, ICPCnotRequired: 'true' })),
      [],
    ],
    ['8868', 'closed with the conference held', closed({}, anAssessment(), aSection47()), []],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { anAssessment, aSection47, flagsOf, withGroups, type Fields } from '../test-builders.ts';

const S = ['Section47:1'];
/** One assessed episode referred 1 March 2025 with these enquiries. */
const enquiries = (...s47s: string[]) =>
  withGroups({ CINreferralDate: '2025-03-01' }, anAssessment(), ...s47s);
const awaiting = (fields: Fields = {}) =>
  aSection47({ DateOfInitialCPC: null, InitialCPCtarget: null, ...fields });

describe('CIN census section 47 rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    [
      '1104',
      'conference the Friday before referral',
      withGroups({}, aSection47({ S47ActualStartDate: '2025-10-01', DateOfInitialCPC: '2025-10-03' })),
      S,
    ],
    [
      '1104',
      'conference the day of referral',
      withGroups({}, aSection47({ S47ActualStartDate: '2025-10-06', DateOfInitialCPC: '2025-10-06' })),
      [],
    ],
    [
      '2889',
      'enquiry started the day before referral',
      withGroups({}, aSection47({ S47ActualStartDate: '2025-10-05' })),
      S,
    ],
    [
      '2889',
      'enquiry started the day of referral',
      withGroups({}, aSection47({ S47ActualStartDate: '2025-10-06' })),
      [],
    ],
    [
      '2884',
      'the conference on both the episode and the enquiry',
      withGroups({ DateOfInitialCPC: '2025-10-22' }, aSection47()),
      S,
    ],
    ['2884', 'the conference on the enquiry only', withGroups({}, aSection47()), []],
    [
      '8615',
      'a conference and no enquiry start date',
      enquiries(aSection47({ S47ActualStartDate: null })),
      S,
    ],
    [
      '8615',
      'the enquiry started the day after the conference',
      enquiries(aSection47({ S47ActualStartDate: '2025-10-23' })),
      S,
    ],
    [
      '8615',
      'the enquiry started the day of the conference',
      enquiries(aSection47({ S47ActualStartDate: '2025-10-22' })),
      [],
    ],
    [
      '8715',
      'conference on Monday 31 March 2025',
      enquiries(aSection47({ S47ActualStartDate: '2025-03-20', DateOfInitialCPC: '2025-03-31' })),
      S,
    ],
    [
      '8715',
      'conference on Tuesday 1 April 2025',
      enquiries(aSection47({ S47ActualStartDate: '2025-03-20', DateOfInitialCPC: '2025-04-01' })),
      [],
    ],
    [
      '8715',
      'conference on Tuesday 31 March 2026',
      enquiries(aSection47({ DateOfInitialCPC: '2026-03-31' })),
      [],
    ],
    [
      '8715',
      'conference on Wednesday 1 April 2026',
      enquiries(aSection47({ DateOfInitialCPC: '2026-04-01' })),
      S,
    ],
    [
      '8740',
      'awaiting conference, started 31 March 2025',
      enquiries(awaiting({ S47ActualStartDate: '2025-03-31' })),
      S,
    ],
    [
      '8740',
      'awaiting conference, started 1 April 2025',
      enquiries(awaiting({ S47ActualStartDate: '2025-04-01' })),
      [],
    ],
    ['8740', 'awaiting conference, no start date', enquiries(awaiting({ S47ActualStartDate: null })), S],
    [
      '8740',
      'no conference and no ICPCnotRequired, started 31 March 2025',
      enquiries(awaiting({ S47ActualStartDate: '2025-03-31', ICPCnotRequired: null })),
      [],
    ],
    [
      '8740',
      'conference not required, started 31 March 2025',
      enquiries(awaiting({ S47ActualStartDate: '2025-03-31', ICPCnotRequired: 'true' })),
      [],
    ],
    [
      '8675Q',
      'awaiting conference since 9 March 2026 (16 working days)',
      enquiries(awaiting({ S47ActualStartDate: '2026-03-09' })),
      S,
    ],
    [
      '8675Q',
      'awaiting conference since 10 March 2026 (15 working days)',
      enquiries(awaiting({ S47ActualStartDate: '2026-03-10' })),
      [],
    ],
    [
      '8675Q',
      'no conference and no ICPCnotRequired, started 9 March 2026',
      enquiries(awaiting({ S47ActualStartDate: '2026-03-09', ICPCnotRequired: null })),
      [],
    ],
    [
      '8675Q',
      'conference not required, started 9 March 2026',
      enquiries(awaiting({ S47ActualStartDate: '2026-03-09', ICPCnotRequired: '1' })),
      [],
    ],
    [
      '8839',
      'two enquiries awaiting conference',
      enquiries(awaiting(), awaiting({ S47ActualStartDate: '2025-12-01' })),
      [...S, ...S],
    ],
    [
      '8839',
      'one enquiry awaiting conference, one whose conference was not required',
      enquiries(awaiting(), awaiting({ S47ActualStartDate: '2025-12-01', ICPCnotRequired: 'true' })),
      [],
    ],
    [
      '8890',
      'an enquiry starting the day of the last conference',
      enquiries(
        aSection47(),
        aSection47({ S47ActualStartDate: '2025-10-22', DateOfInitialCPC: '2025-11-05' }),
      ),
      S,
    ],
    [
      '8890',
      'an enquiry starting the day after the last conference',
      enquiries(
        aSection47(),
        aSection47({ S47ActualStartDate: '2025-10-23', DateOfInitialCPC: '2025-11-05' }),
      ),
      [],
    ],
    [
      '8890',
      'an enquiry starting while another awaits its conference',
      enquiries(awaiting(), aSection47({ S47ActualStartDate: '2025-12-01', DateOfInitialCPC: '2025-12-10' })),
      S,
    ],
    [
      '8890',
      'an enquiry starting after one whose conference was not required',
      enquiries(
        awaiting({ ICPCnotRequired: 'true' }),
        aSection47({ S47ActualStartDate: '2025-12-01', DateOfInitialCPC: '2025-12-10' }),
      ),
      [],
    ],
    [
      '8870Q',
      'target date Saturday 25 October 2025',
      enquiries(aSection47({ InitialCPCtarget: '2025-10-25' })),
      S,
    ],
    ['8870Q', 'target date Wednesday 22 October 2025', enquiries(aSection47()), []],
    [
      '8875',
      'conference on Saturday 25 October 2025',
      enquiries(aSection47({ DateOfInitialCPC: '2025-10-25' })),
      S,
    ],
    ['8875', 'conference on Wednesday 22 October 2025', enquiries(aSection47()), []],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });
});

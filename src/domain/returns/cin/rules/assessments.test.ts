import { describe, expect, it } from 'vitest';
import { anAssessment, flagsOf, withGroups, type Fields } from '../test-builders.ts';

const A = ['Assessments:1'];
/** One episode with these assessments, referred 1 March 2025 so that early dates stay after the referral. */
const assessed = (...assessments: string[]) => withGroups({ CINreferralDate: '2025-03-01' }, ...assessments);
const open = (fields: Fields = {}) => anAssessment({ AssessmentAuthorisationDate: null, ...fields }, null);
const closedWith = (reason: string, ...assessments: string[]) =>
  withGroups({ CINclosureDate: '2026-02-01', ReasonForClosure: reason }, ...assessments);

describe('CIN census assessment rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    [
      '1103',
      'started the day before referral',
      withGroups({}, anAssessment({ AssessmentActualStartDate: '2025-10-05' })),
      A,
    ],
    [
      '1103',
      'started the day of referral',
      withGroups({}, anAssessment({ AssessmentActualStartDate: '2025-10-06' })),
      [],
    ],
    [
      '8608',
      'authorised the day before it started',
      assessed(anAssessment({ AssessmentAuthorisationDate: '2025-10-06' })),
      A,
    ],
    [
      '8608',
      'authorised the day it started',
      assessed(anAssessment({ AssessmentAuthorisationDate: '2025-10-07' })),
      [],
    ],
    [
      '8614',
      'factors on an assessment not authorised',
      assessed(anAssessment({ AssessmentAuthorisationDate: null })),
      A,
    ],
    ['8614', 'no factors on an assessment not authorised', assessed(open()), []],
    [
      '8614',
      'an empty list of factors on an assessment not authorised',
      assessed(anAssessment({ AssessmentAuthorisationDate: null }, [])),
      [],
    ],
    [
      '8670Q',
      'open since 26 January 2026 (46 working days)',
      assessed(open({ AssessmentActualStartDate: '2026-01-26' })),
      A,
    ],
    [
      '8670Q',
      'open since 27 January 2026 (45 working days)',
      assessed(open({ AssessmentActualStartDate: '2026-01-27' })),
      [],
    ],
    [
      '8670Q',
      'authorised, started 1 October 2025',
      assessed(anAssessment({ AssessmentActualStartDate: '2025-10-01' })),
      [],
    ],
    [
      '8696',
      'authorised 31 March 2025',
      assessed(
        anAssessment({ AssessmentActualStartDate: '2025-03-10', AssessmentAuthorisationDate: '2025-03-31' }),
      ),
      A,
    ],
    [
      '8696',
      'authorised 1 April 2025',
      assessed(
        anAssessment({ AssessmentActualStartDate: '2025-03-10', AssessmentAuthorisationDate: '2025-04-01' }),
      ),
      [],
    ],
    [
      '8696',
      'authorised 31 March 2026',
      assessed(anAssessment({ AssessmentAuthorisationDate: '2026-03-31' })),
      [],
    ],
    [
      '8696',
      'authorised 1 April 2026',
      assessed(anAssessment({ AssessmentAuthorisationDate: '2026-04-01' })),
      A,
    ],
    ['8736', 'open, started 31 March 2025', assessed(open({ AssessmentActualStartDate: '2025-03-31' })), A],
    ['8736', 'open, started 1 April 2025', assessed(open({ AssessmentActualStartDate: '2025-04-01' })), []],
    ['8736', 'open, no start date', assessed(open({ AssessmentActualStartDate: null })), A],
    [
      '8736',
      'authorised, started 31 March 2025',
      assessed(anAssessment({ AssessmentActualStartDate: '2025-03-31' })),
      [],
    ],
    [
      '8863Q',
      'a second assessment starting the day the first was authorised',
      assessed(
        anAssessment(),
        anAssessment({ AssessmentActualStartDate: '2025-11-14', AssessmentAuthorisationDate: '2025-12-01' }),
      ),
      A,
    ],
    [
      '8863Q',
      'a second assessment starting the day after the first was authorised',
      assessed(
        anAssessment(),
        anAssessment({ AssessmentActualStartDate: '2025-11-15', AssessmentAuthorisationDate: '2025-12-01' }),
      ),
      [],
    ],
    [
      '8863Q',
      'a second assessment starting while the first is still open',
      assessed(
        open(),
        anAssessment({ AssessmentActualStartDate: '2025-12-01', AssessmentAuthorisationDate: '2025-12-10' }),
      ),
      A,
    ],
    [
      '8896',
      'two assessments not authorised',
      assessed(open(), open({ AssessmentActualStartDate: '2025-12-01' })),
      [...A, ...A],
    ],
    [
      '8896',
      'one assessment not authorised',
      assessed(anAssessment(), open({ AssessmentActualStartDate: '2025-12-01' })),
      [],
    ],
    ['8897Q', 'authorised with no factors', assessed(anAssessment({}, null)), A],
    ['8897Q', 'authorised with an empty list of factors', assessed(anAssessment({}, [])), A],
    ['8897Q', 'authorised with factor ZZ', assessed(anAssessment({}, ['1C', 'ZZ'])), A],
    ['8897Q', 'authorised with factor 1C', assessed(anAssessment()), []],
    [
      '8897Q',
      'authorised 31 March 2025 with no factors',
      assessed(
        anAssessment(
          { AssessmentActualStartDate: '2025-03-10', AssessmentAuthorisationDate: '2025-03-31' },
          null,
        ),
      ),
      [],
    ],
    ['8869', 'factors 21 and 1C', assessed(anAssessment({}, ['21', '1C'])), A],
    ['8869', 'factor 21 alone', assessed(anAssessment({}, ['21'])), []],
    ['8869', 'factor 21 twice and nothing else', assessed(anAssessment({}, ['21', '21'])), []],
    ['8869', 'factor 21 twice and 1C', assessed(anAssessment({}, ['21', '21', '1C'])), A],
    ['8898', 'factor 1C twice', assessed(anAssessment({}, ['1C', '1C'])), A],
    ['8898', 'factor 21 twice', assessed(anAssessment({}, ['21', '21'])), A],
    ['8898', 'factors 1C and 2A', assessed(anAssessment({}, ['1C', '2A'])), []],
    [
      '8873Q',
      'one assessment finding no factors, closed RC1',
      closedWith('RC1', anAssessment({}, ['21'])),
      A,
    ],
    [
      '8873Q',
      'one assessment with factor 21 written twice, closed RC1',
      closedWith('RC1', anAssessment({}, ['21', '21'])),
      A,
    ],
    [
      '8873Q',
      'one assessment finding no factors, closed RC8',
      closedWith('RC8', anAssessment({}, ['21'])),
      [],
    ],
    [
      '8873Q',
      'two assessments, one finding no factors, closed RC1',
      closedWith(
        'RC1',
        anAssessment({}, ['21']),
        anAssessment({ AssessmentActualStartDate: '2025-12-01', AssessmentAuthorisationDate: '2025-12-10' }),
      ),
      [],
    ],
    ['8945Q', 'factor 18A', assessed(anAssessment({}, ['18A'])), A],
    ['8945Q', 'factor 18B', assessed(anAssessment({}, ['18B'])), []],
    ['8950Q', 'factor 19A', assessed(anAssessment({}, ['19A'])), A],
    ['8950Q', 'factor 19C', assessed(anAssessment({}, ['19C'])), []],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });
});

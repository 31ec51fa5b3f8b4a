import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, aUpn, census, census2025, flagsOf, type Fields } from '../test-builders.ts';
import { upnCheckLetter } from './identifiers.ts';

const one = (fields: Fields, disabilities?: readonly string[]) =>
  census(aChild(fields, undefined, disabilities ?? ['NONE']));
const unborn = (expected: string, fields: Fields = {}) =>
  one({
    PersonBirthDate: null,
    ExpectedPersonBirthDate: expected,
    Sex: 'U',
    UPN: null,
    UPNunknown: 'UN1',
    ...fields,
  });
const nfaOnly = (fields: Fields, disabilities?: readonly string[]) =>
  census(aChild(fields, [anEpisode({ ReferralNFA: 'true' })], disabilities ?? ['NONE']));
/** A UPN whose characters 2–13 are `digits`, with the check letter it should have. */
const upnOf = (digits: string) => `${upnCheckLetter(`X${digits}`) ?? 'A'}${digits}`;
const wrongLetter = `${aUpn()[0] === 'A' ? 'B' : 'A'}${aUpn().slice(1)}`;
const children = (count: number, fields: (index: number) => Fields) =>
  Array.from({ length: count }, (_, index) =>
    aChild({ LAchildID: `C${index}`, UPN: aUpn(String(index).padStart(9, '0')), ...fields(index) }),
  );
const C = ['ChildIdentifiers:1'];

describe('CIN census identifier and characteristic rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    ['8500', 'no LA child id', one({ LAchildID: null }), C],
    ['8500', 'LA child id C1', one({}), []],
    [
      '8510',
      'two children with id C1',
      census(aChild(), aChild({ UPN: aUpn('000000099') })),
      [...C, 'ChildIdentifiers:2'],
    ],
    ['8510', 'ids C1 and C2', census(aChild(), aChild({ LAchildID: 'C2', UPN: aUpn('000000099') })), []],
    ['1570', 'id of 21 characters', one({ LAchildID: 'A'.repeat(21) }), C],
    ['1570', 'id of 20 characters', one({ LAchildID: 'A'.repeat(20) }), []],
    ['1580', 'id C-1', one({ LAchildID: 'C-1' }), C],
    ['1580', 'id Cx1', one({ LAchildID: 'Cx1' }), []],
    ['1510', 'the wrong check letter', one({ UPN: wrongLetter }), C],
    ['1510', 'the right check letter', one({}), []],
    ['1510', 'a temporary UPN (ends in a letter): not checked', one({ UPN: 'A20100000001A' }), []],
    [
      '1520',
      'two children with one UPN',
      census(aChild(), aChild({ LAchildID: 'C2' })),
      [...C, 'ChildIdentifiers:2'],
    ],
    ['1520', 'two UPNs', census(aChild(), aChild({ LAchildID: 'C2', UPN: aUpn('000000099') })), []],
    ['1530', 'council 944 (not a council)', one({ UPN: upnOf('944000000012') }), C],
    ['1530', 'council 943 (Cumberland)', one({ UPN: upnOf('943000000012') }), []],
    ['1530', 'council 000', one({ UPN: upnOf('000000000012') }), C],
    ['1530', 'council 001', one({ UPN: upnOf('001000000012') }), []],
    ['1540', 'a letter at character 9', one({ UPN: 'A2010000X0012' }), C],
    ['1540', 'digits at 5 to 12', one({}), []],
    ['1550', 'character 13 is I', one({ UPN: 'A20100000001I' }), C],
    ['1550', 'character 13 is A (temporary UPN)', one({ UPN: 'A20100000001A' }), []],
    ['1560Q', 'former UPN of 12 characters', one({ FormerUPN: 'A20100000001' }), C],
    ['1560Q', 'former UPN starting with a digit', one({ FormerUPN: '1201000000012' }), C],
    ['1560Q', 'former UPN that was temporary (ends in A)', one({ FormerUPN: 'A20100000001A' }), []],
    ['1560Q', 'former UPN A201000000012', one({ FormerUPN: 'A201000000012' }), []],
    ['4180', 'sex 1 (the code before 2024)', one({ Sex: '1' }), C],
    ['4180', 'no sex', one({ Sex: null }), C],
    ['4180', 'sex M', one({ Sex: 'M' }), []],
    ['8750', 'unborn, sex F', unborn('2026-05-01', { Sex: 'F' }), C],
    ['8750', 'unborn, sex U', unborn('2026-05-01'), []],
    ['8750', 'born, sex F', one({}), []],
    ['8520', 'born 1 April 2026', one({ PersonBirthDate: '2026-04-01' }), C],
    ['8520', 'born 31 March 2026', one({ PersonBirthDate: '2026-03-31' }), []],
    ['8525Q', 'both dates of birth', one({ ExpectedPersonBirthDate: '2026-05-01' }), C],
    ['8525Q', 'neither date of birth', one({ PersonBirthDate: null }), C],
    ['8525Q', 'the date of birth only', one({}), []],
    [
      '8525Q',
      'a date of birth written wrongly (READ-DATE reports it)',
      one({ PersonBirthDate: '27/03/2015' }),
      [],
    ],
    ['8530Q', 'expected 28 February 2026 (31 days before)', unborn('2026-02-28'), C],
    ['8530Q', 'expected 1 March 2026 (30 days before)', unborn('2026-03-01'), []],
    ['8530Q', 'expected 31 December 2026 (9 months after)', unborn('2026-12-31'), []],
    ['8530Q', 'expected 1 January 2027', unborn('2027-01-01'), C],
    ['8535Q', 'died the day before birth', one({ PersonDeathDate: '2015-03-26' }), C],
    ['8535Q', 'died the day of birth', one({ PersonDeathDate: '2015-03-27' }), []],
    ['8545Q', 'died 31 March 2025', one({ PersonDeathDate: '2025-03-31' }), C],
    ['8545Q', 'died 1 April 2025', one({ PersonDeathDate: '2025-04-01' }), []],
    ['8545Q', 'died 31 March 2026', one({ PersonDeathDate: '2026-03-31' }), []],
    ['8545Q', 'died 1 April 2026', one({ PersonDeathDate: '2026-04-01' }), C],
    ['8590', 'no CINdetails', census(aChild({}, [])), C],
    ['8590', 'one CINdetails', one({}), []],
    [
      '8770Q',
      'born 31 August 2020, no UPN, UN1',
      one({ PersonBirthDate: '2020-08-31', UPN: null, UPNunknown: 'UN1' }),
      C,
    ],
    [
      '8770Q',
      'born 1 September 2020, no UPN, UN1',
      one({ PersonBirthDate: '2020-09-01', UPN: null, UPNunknown: 'UN1' }),
      [],
    ],
    ['8770Q', 'school age, no UPN and no reason', one({ UPN: null }), C],
    ['8770Q', 'school age, no UPN, UN2', one({ UPN: null, UPNunknown: 'UN2' }), []],
    ['8770Q', 'school age, no UPN, no further action', nfaOnly({ UPN: null }), []],
    ['8772', 'UN7 on a referral going on to further action', one({ UPN: null, UPNunknown: 'UN7' }), C],
    ['8772', 'UN7 on a referral with no further action', nfaOnly({ UPN: null, UPNunknown: 'UN7' }), []],
    ['8775Q', '25 on 31 March 2026, open episode', one({ PersonBirthDate: '2001-03-31' }), ['CINdetails:1']],
    ['8775Q', '25 on 1 April 2026', one({ PersonBirthDate: '2001-04-01' }), []],
    [
      '8775Q',
      '25 on 1 January 2025, episode closed the day before',
      census(
        aChild({ PersonBirthDate: '2000-01-01' }, [
          anEpisode({ CINreferralDate: '2024-06-01', CINclosureDate: '2024-12-31', ReasonForClosure: 'RC1' }),
        ]),
      ),
      [],
    ],
    [
      '8775Q',
      '25 on 1 January 2025, episode closed on 2 January 2025',
      census(
        aChild({ PersonBirthDate: '2000-01-01' }, [
          anEpisode({ CINreferralDate: '2024-06-01', CINclosureDate: '2025-01-02', ReasonForClosure: 'RC1' }),
        ]),
      ),
      ['CINdetails:1'],
    ],
    ['4220', 'ethnicity XXXX', one({ Ethnicity: 'XXXX' }), ['ChildCharacteristics:1']],
    ['4220', 'no ethnicity', one({ Ethnicity: null }), ['ChildCharacteristics:1']],
    ['4220', 'ethnicity WBRI', one({}), []],
    ['8540', 'no disability, further action', one({}, []), ['Disabilities:1']],
    ['8540', 'disability FOO', one({}, ['HAND', 'FOO']), ['Disabilities:1']],
    ['8540', 'no disability, no further action', nfaOnly({}, []), []],
    ['8540', 'no disability, unborn', unborn('2026-05-01'), []],
    ['8540', 'disability NONE', one({}), []],
    ['8790', 'NONE and HAND', one({}, ['NONE', 'HAND']), ['Disabilities:1']],
    ['8790', 'HAND and VIS', one({}, ['HAND', 'VIS']), []],
    ['8790', 'NONE twice and nothing else', one({}, ['NONE', 'NONE']), []],
    ['8794', 'NONE twice', one({}, ['NONE', 'NONE']), ['Disabilities:1']],
    ['8794', 'HAND twice', one({}, ['HAND', 'HAND']), ['Disabilities:1']],
    ['8794', 'HAND and VIS', one({}, ['HAND', 'VIS']), []],
    [
      '100',
      'reference date 31 March 2025',
      census2025({ ReferenceDate: '2025-03-31' }, aChild()),
      ['Header:0'],
    ],
    ['100', 'no reference date', census2025({ ReferenceDate: null }, aChild()), ['Header:0']],
    ['100', 'reference date 31 March 2026', census(aChild()), []],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });

  it.each<[string, string, string[], string[]]>([
    [
      '2886Q',
      '2 of 50 children with sex U',
      children(50, (index) => (index < 2 ? { Sex: 'U' } : {})),
      ['ChildIdentifiers:0'],
    ],
    ['2886Q', '1 of 50 children with no sex', children(50, (index) => (index < 1 ? { Sex: null } : {})), []],
    [
      '2886Q',
      '2 of 50 unborn with sex U',
      children(50, (index) =>
        index < 2 ? { Sex: 'U', PersonBirthDate: null, ExpectedPersonBirthDate: '2026-05-01' } : {},
      ),
      [],
    ],
  ])('%s: %s', (rule, _situation, childElements, expected) => {
    expect(flagsOf(rule, census(...childElements))).toEqual(expected);
  });

  const eight = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
  const withDisabilities = (sets: readonly (readonly string[])[]) =>
    census(
      ...sets.map((set, index) =>
        aChild({ LAchildID: `C${index}`, UPN: aUpn(String(index).padStart(9, '0')) }, undefined, set),
      ),
    );
  it.each<[string, string, string, string[]]>([
    [
      '2887Q',
      '7 codes and NONE',
      withDisabilities([...eight.slice(0, 7), 'NONE'].map((code) => [code])),
      ['Disabilities:0'],
    ],
    ['2887Q', '8 codes', withDisabilities(eight.map((code) => [code])), []],
    [
      '2888Q',
      'every disabled child has one code',
      withDisabilities([['MOB'], ['HAND'], ['NONE']]),
      ['Disabilities:0'],
    ],
    ['2888Q', 'a child with two codes', withDisabilities([['MOB', 'HAND'], ['HAND']]), []],
    ['2888Q', 'no disabled child', withDisabilities([['NONE']]), []],
    [
      '2888Q',
      'one code written twice is still one disability',
      withDisabilities([['MOB', 'MOB'], ['HAND']]),
      ['Disabilities:0'],
    ],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flagsOf(rule, xml)).toEqual(expected);
  });

  it('computes the UPN check letter of the DfE guide', () => {
    // Characters 2–13 "201000000012" weighted 2–13: 2×2 + 4×1 + 12×1 + 13×2 = 46, and 46 mod 23 = 0 → A.
    expect(upnCheckLetter('X201000000012')).toBe('A');
    expect(upnCheckLetter('X20100000001A')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cinImportProblems } from './import-check.ts';
import { readCin } from './read.ts';
import { aChild, aProtectionPlan, anEpisode, census, type Fields } from './test-builders.ts';

const fieldsOf = (identifiers: Fields, episode: Fields, ...groups: string[]) => {
  const read = readCin({
    name: 'cin.xml',
    content: census(aChild(identifiers, [anEpisode(episode, ...groups)])),
  });
  return cinImportProblems(read.return.children[0]!).map((problem) => problem.field);
};

describe('what a past CIN census child must give for the record to hold it (issue 19, part 1)', () => {
  it.each<[string, Fields, Fields, string[], string[]]>([
    ['a child the defaults make', {}, {}, [], []],
    ['no LAchildID', { LAchildID: null }, {}, [], ['LAchildID']],
    ['a UPN of the wrong shape', { UPN: 'A12' }, {}, [], ['UPN']],
    ['a sex outside F, M and U', { Sex: '1' }, {}, [], ['Sex']],
    ['no referral source', {}, { ReferralSource: null }, [], ['ReferralSource']],
    ['a primary need that is not N0 to N9', {}, { PrimaryNeedCode: 'N10' }, [], ['PrimaryNeedCode']],
    ['a closure date without its reason', {}, { CINclosureDate: '2025-12-01' }, [], ['ReasonForClosure']],
    [
      'a closure before the referral',
      {},
      { CINclosureDate: '2025-01-01', ReasonForClosure: 'RC8' },
      [],
      ['CINclosureDate'],
    ],
    [
      'a CP plan category not on the list',
      {},
      {},
      [aProtectionPlan({ InitialCategoryOfAbuse: 'XYZ' })],
      ['InitialCategoryOfAbuse'],
    ],
  ])('%s', (_name, identifiers, episode, groups, expected) => {
    expect(fieldsOf(identifiers, episode, ...groups)).toEqual(expected);
  });
});

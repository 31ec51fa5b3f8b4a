import { describe, expect, it } from 'vitest';
import {
  nameSimilarity,
  possibleDuplicates,
  type Enquiry,
  type KnownChild,
  type Likeness,
} from './possible-duplicates.ts';

/** Alex Taylor, born 27 March 2015, at 12 Hill Street, LS1 4AP, whose mother is Dana Taylor. */
const alex: KnownChild = {
  id: 'alex',
  givenName: 'Alex',
  familyName: 'Taylor',
  otherNames: null,
  dateOfBirth: '2015-03-27',
  expectedDateOfBirth: null,
  nhsNumber: '9434765919',
  upn: 'A123456789012',
  addressLine1: '12 Hill Street',
  postcode: 'LS1 4AP',
  parents: [{ name: 'Dana Taylor', relationship: 'mother' }],
};

/** An unborn child of Sarah Hughes, expected on 10 January 2027. */
const unbornHughes: KnownChild = {
  ...alex,
  id: 'unborn-hughes',
  givenName: 'Unborn',
  familyName: 'Hughes',
  dateOfBirth: null,
  expectedDateOfBirth: '2027-01-10',
  nhsNumber: null,
  upn: null,
  addressLine1: '4 Mill Lane',
  postcode: 'BD7 1AA',
  parents: [{ name: 'Sarah Hughes', relationship: 'mother' }],
};

const nobody: Enquiry = {
  givenName: '',
  familyName: '',
  dateOfBirth: null,
  expectedDateOfBirth: null,
  nhsNumber: null,
  upn: null,
  addressLine1: null,
  postcode: null,
  parentNames: [],
};

const told = (facts: Partial<Enquiry>): Enquiry => ({ ...nobody, ...facts });

describe('possibleDuplicates', () => {
  it.each<[string, Enquiry, KnownChild, Likeness | undefined, string[]]>([
    [
      'the same name and date of birth',
      told({ givenName: 'Alex', familyName: 'Taylor', dateOfBirth: '2015-03-27' }),
      alex,
      'same-child',
      ['Same name', 'Same date of birth'],
    ],
    [
      'given and family names the other way round, same date of birth',
      told({ givenName: 'Taylor', familyName: 'Alex', dateOfBirth: '2015-03-27' }),
      alex,
      'same-child',
      ['Same names, the other way round', 'Same date of birth'],
    ],
    [
      'a close spelling of both names (Jaden Smyth for Jayden Smith), same date of birth',
      told({ givenName: 'Jaden', familyName: 'Smyth', dateOfBirth: '2015-03-27' }),
      { ...alex, givenName: 'Jayden', familyName: 'Smith' },
      'same-child',
      ['A name spelt a little differently', 'Same date of birth'],
    ],
    [
      'a spelling that sounds the same (Rubie for Ruby) with the same birthday',
      told({ givenName: 'Rubie', familyName: 'Taylor', dateOfBirth: '2015-03-27' }),
      { ...alex, givenName: 'Ruby' },
      'same-child',
      ['A name spelt a little differently', 'Same date of birth'],
    ],
    [
      'the name the child is also known by',
      told({ givenName: 'Lexi', familyName: 'Taylor', dateOfBirth: '2015-03-27' }),
      { ...alex, otherNames: 'Lexi' },
      'same-child',
      ['Same name', 'Same date of birth'],
    ],
    [
      'the same date of birth and nothing else: not shown (about 15 children of a large council share a birthday)',
      told({ givenName: 'Ruby', familyName: 'Hall', dateOfBirth: '2015-03-27' }),
      alex,
      undefined,
      [],
    ],
    [
      'the same date of birth and address under another name: possibly (a name changed)',
      told({
        givenName: 'Ruby',
        familyName: 'Hall',
        dateOfBirth: '2015-03-27',
        addressLine1: '12 Hill St',
        postcode: 'ls14ap',
      }),
      alex,
      'possibly',
      ['Same date of birth', 'Same address'],
    ],
    [
      'a matching NHS number beats a different name',
      told({ givenName: 'Ruby', familyName: 'Hall', nhsNumber: '9434765919' }),
      alex,
      'same-child',
      ['Same NHS number'],
    ],
    [
      'a matching UPN beats a different name and date of birth',
      told({ givenName: 'Ruby', familyName: 'Hall', dateOfBirth: '2016-01-01', upn: 'A123456789012' }),
      alex,
      'same-child',
      ['Same UPN'],
    ],
    [
      'the same name and address, no date of birth told',
      told({ givenName: 'Alex', familyName: 'Taylor', addressLine1: '12 Hill Street', postcode: 'LS1 4AP' }),
      alex,
      'same-child',
      ['Same name', 'Same address'],
    ],
    [
      'the same name and date of birth but a different NHS number: only possibly',
      told({ givenName: 'Alex', familyName: 'Taylor', dateOfBirth: '2015-03-27', nhsNumber: '4010232137' }),
      alex,
      'possibly',
      ['Same name', 'Same date of birth', 'But a different NHS number or UPN'],
    ],
    [
      'the same name, another date of birth: possibly (a date mistyped)',
      told({ givenName: 'Alex', familyName: 'Taylor', dateOfBirth: '2015-07-23' }),
      alex,
      'possibly',
      ['Same name'],
    ],
    [
      'a brother at the same address is family, not the same child',
      told({
        givenName: 'Jamie',
        familyName: 'Taylor',
        dateOfBirth: '2019-06-01',
        addressLine1: '12 Hill Street',
        postcode: 'LS1 4AP',
      }),
      alex,
      'family',
      ['Same family name and address: may be a brother or sister'],
    ],
    [
      'a twin (same birthday, family name and address, another given name) is family',
      told({
        givenName: 'Sam',
        familyName: 'Taylor',
        dateOfBirth: '2015-03-27',
        addressLine1: '12 Hill Street',
        postcode: 'LS1 4AP',
      }),
      alex,
      'family',
      ['Same family name and address: may be a brother or sister'],
    ],
    [
      'a half-sister elsewhere with the same mother is family',
      told({
        givenName: 'Mia',
        familyName: 'Jones',
        dateOfBirth: '2020-02-29',
        parentNames: ['Dana Taylor'],
      }),
      alex,
      'family',
      ['Same mother Dana Taylor'],
    ],
    [
      'an unborn child expected within weeks of a known unborn child of the same mother',
      told({ familyName: 'Hughes', expectedDateOfBirth: '2027-01-24', parentNames: ['Sarah Hughes'] }),
      unbornHughes,
      'same-child',
      ['Expected around the same date', 'Same mother Sarah Hughes'],
    ],
    [
      'an unborn child, and a baby of the same mother born since, near the date expected',
      told({ familyName: 'Hughes', expectedDateOfBirth: '2027-01-24', parentNames: ['Sarah Hughes'] }),
      { ...unbornHughes, givenName: 'Olivia', dateOfBirth: '2027-01-03', expectedDateOfBirth: '2027-01-10' },
      'same-child',
      ['Born around the date expected', 'Same mother Sarah Hughes'],
    ],
    [
      'an unborn child, and the same mother’s child born years before: family',
      told({ familyName: 'Hughes', expectedDateOfBirth: '2027-01-24', parentNames: ['Sarah Hughes'] }),
      { ...unbornHughes, givenName: 'Noah', dateOfBirth: '2022-05-01', expectedDateOfBirth: null },
      'family',
      ['Same mother Sarah Hughes'],
    ],
    [
      'an unborn child of another mother expected the same month: not shown',
      told({ familyName: 'Hughes', expectedDateOfBirth: '2027-01-24', parentNames: ['Kim Patel'] }),
      { ...unbornHughes, familyName: 'Patel' },
      undefined,
      [],
    ],
  ])('%s', (_case, enquiry, child, likeness, reasons) => {
    const [found] = possibleDuplicates(enquiry, [child]);
    expect(found?.likeness).toBe(likeness);
    if (likeness) expect(found?.reasons).toEqual(reasons);
  });

  it('puts an NHS number match before a name match, and family last', () => {
    const enquiry = told({
      givenName: 'Alex',
      familyName: 'Taylor',
      dateOfBirth: '2015-03-27',
      nhsNumber: '4010232137',
      addressLine1: '12 Hill Street',
      postcode: 'LS1 4AP',
    });
    const brother = {
      ...alex,
      id: 'brother',
      givenName: 'Jamie',
      dateOfBirth: '2019-06-01',
      nhsNumber: null,
      upn: null,
    };
    const sameNumber = { ...alex, id: 'same-number', givenName: 'Alexander', nhsNumber: '4010232137' };
    const order = possibleDuplicates(enquiry, [brother, alex, sameNumber]).map((found) => found.childId);
    expect(order).toEqual(['same-number', 'alex', 'brother']);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['Jayden', 'Jaden', true],
    ['Sophie', 'Sofie', true],
    ['Mohammed', 'Muhammad', true],
    ['Catherine', 'Katherine', true],
    ['Chloé', 'Chloe', true],
    ['Alex', 'Jamie', false],
    ['Taylor', 'Tyler', false],
  ])('%s and %s are close: %s', (first, second, isClose) => {
    expect(nameSimilarity(first, second) >= 0.85).toBe(isClose);
  });
});

import { describe, expect, it } from 'vitest';
import { readCin } from './read.ts';
import { validateCin } from './validate.ts';

/** A CIN census message with one child per entry; each entry overrides the child's elements. */
function census(...children: { id?: string; birth?: string; sex?: string; details?: string }[]): string {
  const body = children
    .map(
      ({ id = 'C1', birth = '2015-03-27', sex = 'F', details }) => `
    <Child>
      <ChildIdentifiers><LAchildID>${id}</LAchildID><UPNunknown>UN3</UPNunknown>
        <PersonBirthDate>${birth}</PersonBirthDate><Sex>${sex}</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>${details ?? '<CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N4</PrimaryNeedCode>'}</CINdetails>
    </Child>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children>${body}</Children></Message>`;
}

function flags(rule: string, xml: string): string[] {
  return validateCin(readCin({ name: 'cin.xml', content: xml }), { year: 2025 })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.table}:${finding.row}`);
}

const details = (elements: string) => census({ details: elements });

describe('CIN census rules (2025–26)', () => {
  it.each<[string, string, string, string[]]>([
    ['8510', 'two children with id C1', census({}, {}), ['ChildIdentifiers:1', 'ChildIdentifiers:2']],
    ['8510', 'ids C1 and C2', census({}, { id: 'C2' }), []],
    ['8520', 'born 01/04/2026', census({ birth: '2026-04-01' }), ['ChildIdentifiers:1']],
    ['8520', 'born 31/03/2026', census({ birth: '2026-03-31' }), []],
    ['4180', 'sex 1 (not a code)', census({ sex: '1' }), ['ChildIdentifiers:1']],
    ['4180', 'sex M', census({ sex: 'M' }), []],
    [
      '8600',
      'referral 01/04/2026',
      details('<CINreferralDate>2026-04-01</CINreferralDate>'),
      ['CINdetails:1'],
    ],
    ['8600', 'no referral date', details('<ReferralSource>1A</ReferralSource>'), ['CINdetails:1']],
    ['8600', 'referral 31/03/2026', details('<CINreferralDate>2026-03-31</CINreferralDate>'), []],
    [
      '8866',
      'source 9Z',
      details('<CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>9Z</ReferralSource>'),
      ['CINdetails:1'],
    ],
    [
      '8650',
      'need N10',
      details('<CINreferralDate>2025-10-06</CINreferralDate><PrimaryNeedCode>N10</PrimaryNeedCode>'),
      ['CINdetails:1'],
    ],
    [
      '8650',
      'need N0',
      details('<CINreferralDate>2025-10-06</CINreferralDate><PrimaryNeedCode>N0</PrimaryNeedCode>'),
      [],
    ],
    [
      '8640',
      'closure RC0',
      details('<CINclosureDate>2026-01-01</CINclosureDate><ReasonForClosure>RC0</ReasonForClosure>'),
      ['CINdetails:1'],
    ],
    [
      '8640',
      'closure RC8',
      details('<CINclosureDate>2026-01-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>'),
      [],
    ],
    ['8810', 'reason without a date', details('<ReasonForClosure>RC1</ReasonForClosure>'), ['CINdetails:1']],
    [
      '8810',
      'reason with a date',
      details('<CINclosureDate>2026-01-01</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>'),
      [],
    ],
  ])('%s: %s', (rule, _situation, xml, expected) => {
    expect(flags(rule, xml)).toEqual(expected);
  });

  it('reports unreadable XML with its line, never throwing', () => {
    const reading = readCin({ name: 'cin.xml', content: '<Message>\n<Children>\n<Child></Children>' });
    expect(reading.problems).toMatchObject([{ code: 'READ-XML', file: 'cin.xml', fatal: true }]);
    expect(reading.problems[0]?.row).toBeGreaterThan(0);
    expect(readCin({ name: 'x.xml', content: '<Other/>' }).problems[0]).toMatchObject({
      field: 'Message',
      fatal: true,
    });
  });
});

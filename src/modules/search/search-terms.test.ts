import { describe, expect, it } from 'vitest';
import { searchTermsOf } from './search-terms.ts';

const word = (text: string, searchName: string, unspaced = false) => ({ text, searchName, unspaced });

describe('searchTermsOf', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['a123456789012', { kind: 'upn', upn: 'A123456789012' }],
    ['943 476 5919', { kind: 'nhs-number', nhsNumber: '9434765919' }],
    ['27/3/2015', { kind: 'date-of-birth', date: '2015-03-27' }],
    ['27 03 2015', { kind: 'date-of-birth', date: '2015-03-27' }],
    ['2015-03-27', { kind: 'date-of-birth', date: '2015-03-27' }],
    ['sw1a 1aa', { kind: 'postcode', postcode: 'SW1A1AA' }],
    ['M1 1AE', { kind: 'postcode', postcode: 'M11AE' }],
    [
      'Muhammad  Smyth',
      {
        kind: 'name',
        text: 'Muhammad Smyth',
        tokens: [word('Muhammad', 'muhammad'), word('Smyth', 'smyth')],
      },
    ],
    [
      "O'Neill-Jones",
      { kind: 'name', text: "O'Neill-Jones", tokens: [word("O'Neill-Jones", 'oneill jones')] },
    ],
    [
      'Zoë O’Brien',
      { kind: 'name', text: 'Zoë O’Brien', tokens: [word('Zoë', 'zoe'), word('O’Brien', 'obrien')] },
    ],
    [
      '李 小龍',
      { kind: 'name', text: '李 小龍', tokens: [word('李', '李', true), word('小龍', '小龍', true)] },
    ],
    ['C00001234', { kind: 'name', text: 'C00001234', tokens: [word('C00001234', 'c00001234')] }],
    // 30 February is not a date, so it is read as names (and finds nothing)
    ['30/2/2015', { kind: 'name', text: '30/2/2015', tokens: [word('3022015', '3022015')] }],
    ["' -", { kind: 'empty' }],
  ])('%j → %j', (input, expected) => {
    expect(searchTermsOf(input)).toEqual(expected);
  });
});

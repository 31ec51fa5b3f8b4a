import { describe, expect, it } from 'vitest';
import { isUnspacedScript, searchNameOf } from './search-name.ts';

describe('searchNameOf', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['Zoe', 'zoe'],
    ['Siobhán', 'siobhan'],
    ['SIOBHÁN', 'siobhan'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['OBrien', 'obrien'],
    ['Smith-Jones', 'smith jones'],
    ['  Anne  Marie ', 'anne marie'],
    ['Søren', 'soren'],
    ['Łukasz', 'lukasz'],
    ['Đorđe', 'dorde'],
    ['Straße', 'strasse'],
    ['Ægir', 'aegir'],
    ['Chloë-Renée', 'chloe renee'],
    ['Nguyễn', 'nguyen'],
    ['İlkay', 'ilkay'],
    ['François', 'francois'],
    ['Мария', 'мария'],
    ['李', '李'],
    ['李小龍', '李小龍'],
    // A Devanagari vowel sign is part of the letter, not an accent: kept.
    ['प्रिया', 'प्रिया'.normalize('NFD')],
  ])('%s → %s', (name, expected) => {
    expect(searchNameOf(name)).toBe(expected);
  });
});

describe('isUnspacedScript', () => {
  it.each([
    ['李', true],
    ['小龍', true],
    ['さくら', true],
    ['민준', true],
    ['Zoë', false],
    ['Мария', false],
  ])('%s → %s', (name, expected) => {
    expect(isUnspacedScript(name)).toBe(expected);
  });
});

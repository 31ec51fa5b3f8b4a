/**
 * Search names: the form of a name that "Find a child" compares, so that a name is found however it was typed.
 * Accents go (Zoe finds Zoë, Siobhan finds Siobhán), letters that do not decompose are written as English
 * keyboards write them (Søren as Soren, Łukasz as Lukasz, Straße as Strasse), apostrophes go (OBrien finds
 * O'Brien) and hyphens become spaces (Jones finds Smith-Jones). Names in scripts without accents, such as 李,
 * are kept as they are. Migration 0057's SQL function `search_name` applies the same rule to stored names; the
 * integration test of search checks that the two agree.
 */

/** Combining accents only: marks of other scripts (Devanagari vowel signs, say) are part of the letter. */
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks alone, on purpose
const accents = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

/** Latin letters that carry their mark inside them, so that NFD does not separate it. */
export const foldedLetters: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ħ: 'h',
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

const apostrophes = /['’‘`ʼ]/g;
const hyphens = /[-‐‑‒–—]/g;

/** The search name of a name: lower case, without accents or apostrophes, hyphens as spaces. */
export function searchNameOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(accents, '')
    .toLowerCase()
    .replace(/[øłđðıħßẞæœþ]/g, (letter) => foldedLetters[letter]!)
    .replace(apostrophes, '')
    .replace(hyphens, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a name is written in a script that puts no spaces between words and makes few trigrams (Chinese,
 * Japanese, Korean, Thai): such names are matched as they are written, in whole or in part, not by likeness.
 */
export function isUnspacedScript(name: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(name);
}

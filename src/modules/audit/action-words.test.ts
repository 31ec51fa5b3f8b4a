import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionChoices, actionInWords, hasOwnWords } from './action-words.ts';

/** Every audit action written in the code: route declarations (`access(permission, action)`) and `action: '…'`. */
function actionsInTheCode(): string[] {
  const found = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/access\('[a-z:-]+', '([a-z.-]+)'/g)) found.add(match[1]!);
        for (const match of source.matchAll(/\b(?:action|audit): '([a-z.-]+)'/g)) found.add(match[1]!);
        for (const match of source.matchAll(/\? '([a-z-]+\.[a-z.-]+)' : '([a-z-]+\.[a-z.-]+)'/g)) {
          found.add(match[1]!);
          found.add(match[2]!);
        }
      }
    }
  };
  walk(join(import.meta.dirname, '../..'));
  found.delete('none');
  return [...found].sort();
}

describe('audit actions in words', () => {
  it('finds the actions the code writes', () => {
    expect(actionsInTheCode()).toEqual(
      expect.arrayContaining(['child.viewed', 'user.signed-in', 'casenote.corrected']),
    );
  });

  it.each(actionsInTheCode())('%s has its own words', (action) => {
    expect(hasOwnWords(action)).toBe(true);
  });

  it.each([
    ['child.viewed', 'allowed', 'Opened the record'],
    ['child.read.refused', 'refused', 'Was refused the record'],
    ['child.updated', 'refused', 'Changed the record (refused)'],
    ['placement-ended.recorded', 'allowed', 'Placement ended recorded'],
    ['care-review.recorded', 'allowed', 'Recorded a looked-after review'],
  ])('%s (%s) reads "%s"', (action, outcome, words) => {
    expect(actionInWords(action, outcome)).toBe(words);
  });

  it('offers each action once in the filter, by its words', () => {
    const texts = actionChoices.map((choice) => choice.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toEqual([...texts].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionWords } from '../../platform/audit-actions.ts';
import { actionChoices, actionInWords, hasOwnWords } from './action-words.ts';

/** The source of Hearth (tests aside) as one text, to find where each action is written. */
function sourceText(): string {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        entry.name !== 'audit-actions.ts'
      )
        texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(import.meta.dirname, '../..'));
  return texts.join('\n');
}

/** Actions the code builds from a typed part rather than writing out: `child.${action}.refused`. */
const builtActions = new Set(['child.read.refused', 'child.write.refused']);

describe('audit actions in words', () => {
  // Every action the code writes is in the typed list, or it does not compile; the list has words for each by its
  // type. What is left to check: that the words are words, and that no action in the list is one nobody writes.
  it.each(Object.entries(auditActionWords))('%s has words: "%s"', (action, words) => {
    expect(words).toMatch(/^[A-Z][^.]{5,}$/);
    expect(hasOwnWords(action)).toBe(true);
  });

  const source = sourceText();
  it.each(Object.keys(auditActionWords).filter((action) => !builtActions.has(action)))(
    '%s is written somewhere in the code',
    (action) => {
      expect(source).toContain(`'${action}'`);
    },
  );

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

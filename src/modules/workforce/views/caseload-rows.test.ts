import { describe, expect, it } from 'vitest';
import { barScale, loadBar } from './caseload-rows.ts';

describe('a weighted load drawn as a bar against its target', () => {
  it.each([
    ['under target', { weighted: 9, target: 18 }, 'against a target of 18', false],
    ['over target', { weighted: 21.5, target: 18 }, 'against a target of 18, over target', true],
    ['without a target', { weighted: 4, target: null }, 'no target', false],
  ])('%s', (_, load, words, over) => {
    const svg = loadBar(load, barScale([load]), 'Ann Lee');
    expect(svg).toContain(
      `aria-label="Ann Lee: weighted load ${load.weighted}${load.target === null ? ', ' : ' '}${words}"`,
    );
    expect(svg.includes('hearth-load__bar--over')).toBe(over);
    expect(svg).not.toContain('style=');
  });

  it('scales every bar of a table to the largest load or target', () => {
    expect(
      barScale([
        { weighted: 9, target: 18 },
        { weighted: 21.5, target: 18 },
      ]),
    ).toBe(21.5);
    expect(barScale([])).toBe(1);
  });
});

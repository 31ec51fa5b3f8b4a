import type nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { createViews, shownValue, ukDate, sentence } from './views.ts';

/** The views, with a count of the template files their loader has read from disk. */
function countingReads(options: { reload?: boolean } = {}) {
  const views = createViews(options);
  const loader = (views as unknown as { loaders: nunjucks.FileSystemLoader[] }).loaders[0]!;
  const read = loader.getSource.bind(loader);
  const counter = { reads: 0 };
  loader.getSource = (name: string) => {
    counter.reads += 1;
    return read(name);
  };
  return { views, counter };
}

const errorPage = { pageTitle: 'Page not found', paragraphs: ['Check the address.'], navigation: [] };

describe('page templates (issue 23 part 1)', () => {
  it('are read and compiled once: rendering a page again reads no template', () => {
    const { views, counter } = countingReads();
    const first = views.render('error.njk', errorPage);
    const readsForFirstRender = counter.reads;
    expect(readsForFirstRender).toBeGreaterThan(1); // the page, the layout and the govuk-frontend macros
    const second = views.render('error.njk', errorPage);
    expect(counter.reads).toBe(readsForFirstRender);
    expect(second).toBe(first);
  });

  it('are read afresh on every render only when reloading is asked for', () => {
    const { views, counter } = countingReads({ reload: true });
    views.render('error.njk', errorPage);
    const readsForFirstRender = counter.reads;
    views.render('error.njk', errorPage);
    expect(counter.reads).toBe(2 * readsForFirstRender);
  });
});

describe('values as a person reads them', () => {
  it.each([
    ['2026-12-07', '7 December 2026'],
    ['2024-02-29', '29 February 2024'],
    [true, 'yes'],
    [false, 'no'],
    [null, 'not recorded'],
    ['', 'not recorded'],
    [['N1', 'N2'], 'N1, N2'],
    ['Reid-Okoro', 'Reid-Okoro'],
    ['2026-12-07 and more', '2026-12-07 and more'],
  ])('%j is shown as %s', (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });

  it('writes a calendar date the GOV.UK way', () => {
    expect(ukDate('2026-01-05')).toBe('5 January 2026');
  });
});

describe('a sentence', () => {
  it('begins with a capital and keeps the capitals of the words after, such as a month', () => {
    expect(sentence('returned 2 February 2025')).toBe('Returned 2 February 2025');
    expect(sentence('')).toBe('');
    expect(sentence(null)).toBe('');
  });
});

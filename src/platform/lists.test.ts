import { describe, expect, it } from 'vitest';
import { listHref, pageWindow, paginationOf, sortableHead } from './lists.ts';

describe('pageWindow', () => {
  it.each([
    [973, undefined, { page: 1, pages: 20, offset: 0, words: 'Showing 1 to 50 of 973' }],
    [973, 2, { page: 2, pages: 20, offset: 50, words: 'Showing 51 to 100 of 973' }],
    [973, 20, { page: 20, pages: 20, offset: 950, words: 'Showing 951 to 973 of 973' }],
    // Past the end (the list shrank since the link was made): the last page, not an empty one.
    [973, 99, { page: 20, pages: 20, offset: 950, words: 'Showing 951 to 973 of 973' }],
    [50, 1, { page: 1, pages: 1, offset: 0, words: 'Showing 1 to 50 of 50' }],
    [51, 2, { page: 2, pages: 2, offset: 50, words: 'Showing 51 to 51 of 51' }],
    [1, 1, { page: 1, pages: 1, offset: 0, words: 'Showing 1 to 1 of 1' }],
    [0, 3, { page: 1, pages: 1, offset: 0, words: '' }],
  ])('%i rows, page %s → %j', (total, page, expected) => {
    expect(pageWindow(total, page)).toMatchObject({ ...expected, limit: 50, total });
  });
});

describe('paginationOf', () => {
  const href = (page: number) => `/children?page=${page}`;
  const numbers = (total: number, page: number) =>
    paginationOf(pageWindow(total, page), href)?.items.map((item) =>
      'ellipsis' in item ? '…' : item.current ? `[${item.number}]` : String(item.number),
    );

  it.each([
    [973, 1, ['[1]', '2', '…', '20']],
    [973, 2, ['1', '[2]', '3', '…', '20']],
    [973, 4, ['1', '2', '3', '[4]', '5', '…', '20']],
    [973, 10, ['1', '…', '9', '[10]', '11', '…', '20']],
    [973, 20, ['1', '…', '19', '[20]']],
    [120, 2, ['1', '[2]', '3']],
  ])('%i rows on page %i shows %j', (total, page, expected) => {
    expect(numbers(total, page)).toEqual(expected);
  });

  it('has no links when everything fits on one page, and no previous or next beyond the ends', () => {
    expect(paginationOf(pageWindow(50, 1), href)).toBeUndefined();
    expect(paginationOf(pageWindow(973, 1), href)).toMatchObject({ next: { href: '/children?page=2' } });
    expect(paginationOf(pageWindow(973, 1), href)).not.toHaveProperty('previous');
    expect(paginationOf(pageWindow(973, 20), href)).toMatchObject({
      previous: { href: '/children?page=19' },
    });
    expect(paginationOf(pageWindow(973, 20), href)).not.toHaveProperty('next');
  });
});

describe('listHref and sortableHead', () => {
  it('keeps the other fields of the query and leaves out empty ones', () => {
    expect(listHref('/children', { q: 'Zoë', team: '', page: 3 }, { page: 4 })).toBe(
      '/children?q=Zo%C3%AB&page=4',
    );
    expect(listHref('/children', {}, {})).toBe('/children');
  });

  it('links each sortable heading, reversing the column sorted now, and says the sort in aria-sort', () => {
    const head = sortableHead(
      [{ label: 'Name', sort: 'name' }, { label: 'Date of birth', sort: 'born' }, { label: 'Postcode' }],
      { sort: 'name', order: 'ascending' },
      (sort, order) => `/children?sort=${sort}&order=${order}`,
    );
    expect(head[0]).toEqual({
      html: '<a class="govuk-link hearth-sort-link" href="/children?sort=name&#38;order=descending">Name<span aria-hidden="true"> ▲</span></a>',
      attributes: { 'aria-sort': 'ascending' },
    });
    expect(head[1]).toMatchObject({ attributes: { 'aria-sort': 'none' } });
    expect(head[1]).toHaveProperty('html', expect.stringContaining('sort=born&#38;order=ascending'));
    expect(head[2]).toEqual({ text: 'Postcode' });
  });
});

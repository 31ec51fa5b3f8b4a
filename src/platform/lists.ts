import { Type, type Static } from 'typebox';
import { escapeHtml } from './views.ts';

/**
 * Long lists, the GOV.UK way: 50 rows a page, with "Showing 1 to 50 of 973" and the pagination component's
 * numbered links (first, last, the current page and its neighbours, an ellipsis between), and tables sorted by a
 * column named in the query string (GOV.UK Design System, Pagination and Table components). Nothing is cut: every
 * row is on some page.
 */
export const rowsPerPage = 50;

/** The query string fields every long list accepts: which page, and which column sorted which way. */
export const ListQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Which page, from 1' })),
  order: Type.Optional(Type.Union([Type.Literal('ascending'), Type.Literal('descending')])),
};

/** The sort field of a list's query: one of the columns the list can be sorted by. */
export function sortField<const Columns extends readonly string[]>(columns: Columns) {
  return Type.Optional(
    Type.Union(
      columns.map((column) => Type.Literal(column)),
      { description: `The column to sort by: ${columns.join(', ')}` },
    ),
  );
}

export type Order = NonNullable<Static<(typeof ListQuery)['order']>>;

/** What one page shows of a list of `total` rows: the rows to skip and take, and the words that say so. */
export interface PageWindow {
  page: number;
  pages: number;
  offset: number;
  limit: number;
  total: number;
  /** "Showing 1 to 50 of 973", or "" when there is nothing to show. */
  words: string;
}

/** The page asked for (page 1 if none, the last page if past the end) of a list of `total` rows. */
export function pageWindow(total: number, requested = 1, perPage = rowsPerPage): PageWindow {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  const offset = (page - 1) * perPage;
  const last = Math.min(total, offset + perPage);
  const words = total === 0 ? '' : `Showing ${offset + 1} to ${last} of ${total}`;
  return { page, pages, offset, limit: perPage, total, words };
}

type PageLink = { number: number; href: string; current?: boolean } | { ellipsis: true };

/** The govukPagination parameters for a window, or undefined when everything fits on one page. */
export interface Pagination {
  previous?: { href: string };
  next?: { href: string };
  items: PageLink[];
}

/**
 * The numbered links GOV.UK pagination shows: the first and last pages, the current page and one each side, with
 * an ellipsis for each gap of more than one page.
 */
export function paginationOf(window: PageWindow, href: (page: number) => string): Pagination | undefined {
  if (window.pages <= 1) return undefined;
  const shown = [...new Set([1, window.page - 1, window.page, window.page + 1, window.pages])]
    .filter((page) => page >= 1 && page <= window.pages)
    .sort((a, b) => a - b);
  const items: PageLink[] = [];
  shown.forEach((page, index) => {
    const before = shown[index - 1];
    if (before !== undefined && page - before === 2)
      items.push({ number: before + 1, href: href(before + 1) });
    else if (before !== undefined && page - before > 2) items.push({ ellipsis: true });
    items.push({ number: page, href: href(page), ...(page === window.page ? { current: true } : {}) });
  });
  return {
    ...(window.page > 1 ? { previous: { href: href(window.page - 1) } } : {}),
    ...(window.page < window.pages ? { next: { href: href(window.page + 1) } } : {}),
    items,
  };
}

/** A list's address with some of its query fields changed; empty fields are left out. */
export function listHref(
  path: string,
  query: Record<string, string | number | undefined>,
  change: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change }))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** One column heading of a sortable table: a link that sorts by it, and aria-sort saying how it is sorted now. */
export interface SortableColumn {
  label: string;
  /** The column's name in the query string, or undefined for a column that cannot be sorted. */
  sort?: string;
  format?: 'numeric';
}

/**
 * The govukTable head for a sortable table. Choosing the column sorted now reverses it; choosing another sorts it
 * ascending and goes back to page 1. Screen readers hear the current sort from aria-sort (WAI-ARIA sortable table).
 */
export function sortableHead(
  columns: readonly SortableColumn[],
  current: { sort?: string; order?: Order },
  href: (sort: string, order: Order) => string,
) {
  return columns.map((column) => {
    if (!column.sort) return { text: column.label, ...(column.format ? { format: column.format } : {}) };
    const sorted = current.sort === column.sort;
    const order = sorted ? (current.order ?? 'ascending') : 'none';
    const next: Order = sorted && order === 'ascending' ? 'descending' : 'ascending';
    return {
      // The arrow shows sighted people the sort that aria-sort tells screen readers.
      html: `<a class="govuk-link hearth-sort-link" href="${escapeHtml(href(column.sort, next))}">${escapeHtml(column.label)}${sorted ? `<span aria-hidden="true"> ${order === 'ascending' ? '▲' : '▼'}</span>` : ''}</a>`,
      attributes: { 'aria-sort': order },
      ...(column.format ? { format: column.format } : {}),
    };
  });
}

/** What a page template needs to show a list's place in the whole: the words and the pagination links. */
export function pageView(window: PageWindow, href: (page: number) => string) {
  return { words: window.words, total: window.total, pagination: paginationOf(window, href) };
}

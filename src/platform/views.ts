import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { monthNames } from '../domain/calendar/dates.ts';

const require = createRequire(import.meta.url);
/** The folder holding govuk-frontend's `govuk/` templates, styles and assets. */
export const govukFrontendDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const sourceFolder = new URL('../', import.meta.url).pathname;

/**
 * The Nunjucks environment. Templates are found by path from `src/views` (the layout and shared pages), from
 * `src/modules` (a feature's own `<feature>/views/…`) and from govuk-frontend (`govuk/components/…`).
 * Autoescaping is on: everything written by people is shown as text, never as markup. Each template is read and
 * compiled once and kept, in every environment, so `npm start` performs as production does; only `reload`
 * (`HEARTH_RELOAD_VIEWS=on`, for someone editing the views) reads them afresh on each render.
 */
export function createViews(options: { reload?: boolean } = {}): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(
    [join(sourceFolder, 'views'), join(sourceFolder, 'modules'), govukFrontendDist],
    { noCache: options.reload ?? false, watch: false },
  );
  const environment = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
  environment.addFilter('ukDate', ukDate);
  environment.addFilter('shownValue', shownValue);
  environment.addFilter('sentence', sentence);
  return environment;
}

/**
 * Words begun with a capital letter, the rest left as they are: Nunjucks' `capitalize` lowers the rest, which
 * wrote "Returned 2 february 2025".
 */
export function sentence(words: string | null | undefined): string {
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
}

/** A calendar date `YYYY-MM-DD` written the GOV.UK way: "5 January 2026". */
export function ukDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[3])} ${monthNames[Number(match[2]) - 1]} ${match[1]}`;
}

/**
 * A stored value as a person reads it, for pages that show what changed in a record: a date as "7 December
 * 2026", yes or no for true or false, and "not recorded" for an empty value (issue 17 part 9: never an ISO date).
 */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'not recorded';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value instanceof Date) return ukDate(value.toISOString());
  if (Array.isArray(value)) return value.map(shownValue).join(', ');
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? ukDate(text) : text;
}

/** Text made safe to place inside HTML built in code (for table cells that hold a link). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Charts drawn as SVG on the server (ADR 0011): a trend line for a tile and a column chart for an indicator's page.
 * No script and no inline style (the CSP allows neither): colours are SVG attributes and classes in hearth.css.
 * Each chart is an image with a text alternative; the page puts a table of the same numbers beside it.
 */
import { escapeHtml } from '../../../platform/views.ts';

/** A point of a chart: its period's short label and its value, none when there was nothing to divide by. */
export interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The top of the value axis: the largest value rounded up to a "nice" number (1, 2, 2.5 or 5 × a power of 10). */
export function axisTop(values: readonly number[]): number {
  const largest = Math.max(0, ...values);
  if (largest === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((top) => top >= largest)!;
}

/** A small trend line over the periods, the last point marked, with `alternative` as its text. */
export function trendLine(points: readonly ChartPoint[], alternative: string): string {
  const width = 160;
  const height = 40;
  const pad = 4;
  const known = points.map((point) => point.value).filter((value): value is number => value !== null);
  const top = axisTop(known);
  const x = (index: number) => round(pad + (index * (width - 2 * pad)) / Math.max(1, points.length - 1));
  const y = (value: number) => round(height - pad - (value / top) * (height - 2 * pad));
  // A period with no value breaks the line rather than drawing it through zero.
  const runs: string[][] = [[]];
  points.forEach((point, index) => {
    if (point.value === null) runs.push([]);
    else runs.at(-1)!.push(`${x(index)},${y(point.value)}`);
  });
  const lines = runs
    .filter((run) => run.length > 1)
    .map((run) => `<polyline class="hearth-chart__line" points="${run.join(' ')}" fill="none"/>`);
  const lastIndex = points.length - 1;
  const last = points[lastIndex]?.value;
  const mark =
    last === null || last === undefined
      ? ''
      : `<circle class="hearth-chart__mark" cx="${x(lastIndex)}" cy="${y(last)}" r="3.5"/>`;
  return `<svg class="hearth-chart hearth-chart--trend" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(alternative)}" focusable="false"><line class="hearth-chart__axis" x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}"/>${lines.join('')}${mark}</svg>`;
}

/**
 * A column per period with its value above it and the period below, over a value axis from 0; `shown` writes a
 * value as the page does ("45.2%").
 */
export function columnChart(
  points: readonly ChartPoint[],
  alternative: string,
  shown: (value: number) => string,
): string {
  const width = 640;
  const height = 260;
  const left = 8;
  const bottom = 44;
  const topPad = 24;
  const slot = (width - left * 2) / Math.max(1, points.length);
  const top = axisTop(points.map((point) => point.value ?? 0));
  const plot = height - bottom - topPad;
  const columns = points.map((point, index) => {
    const centre = round(left + slot * index + slot / 2);
    const barHeight = point.value === null ? 0 : round((point.value / top) * plot);
    const barTop = height - bottom - barHeight;
    const [period, year] = point.label.split(' ');
    const words = point.value === null ? 'none' : shown(point.value);
    return [
      point.value === null
        ? ''
        : `<rect class="hearth-chart__column" x="${round(centre - slot * 0.3)}" y="${barTop}" width="${round(slot * 0.6)}" height="${barHeight}"/>`,
      `<text class="hearth-chart__value" x="${centre}" y="${barTop - 6}" text-anchor="middle">${escapeHtml(words)}</text>`,
      `<text class="hearth-chart__label" x="${centre}" y="${height - bottom + 18}" text-anchor="middle">${escapeHtml(period ?? '')}</text>`,
      `<text class="hearth-chart__label" x="${centre}" y="${height - bottom + 36}" text-anchor="middle">${escapeHtml(year ?? '')}</text>`,
    ].join('');
  });
  return `<svg class="hearth-chart hearth-chart--columns" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(alternative)}" focusable="false"><line class="hearth-chart__axis" x1="${left}" y1="${height - bottom}" x2="${width - left}" y2="${height - bottom}"/>${columns.join('')}</svg>`;
}

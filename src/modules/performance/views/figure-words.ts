/**
 * How the dashboard and an indicator's page write figures: values as people read them ("45.2%", "1,234"), the
 * change from the quarter before with whether it is better, and the text alternative of each chart.
 */
import type {
  IndicatorDefinition,
  IndicatorFigure,
  IndicatorTheme,
} from '../../../domain/indicators/index.ts';
import type { Comparison } from '../../../domain/indicators/comparators.ts';
import type { PeriodFigures } from '../service.ts';
import { columnChart, trendLine, type ChartPoint } from './charts.ts';

export const themeNames: Record<IndicatorTheme, string> = {
  'front door': 'Front door',
  'help and protection': 'Help and protection',
  'children in care': 'Children in care',
  'care leavers': 'Care leavers',
  workforce: 'Workforce',
};

const whole = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An indicator's value as a person reads it. */
export function shownValue(definition: IndicatorDefinition, value: number | null): string {
  if (value === null) return 'No figure';
  if (definition.kind === 'percentage') return `${oneDecimal.format(value)}%`;
  if (definition.kind === 'average') return oneDecimal.format(value);
  return whole.format(value);
}

/** What the value stands on: "123 of 456", "123 children over 7.5 workers", or the rate per 10,000. */
export function figureDetail(definition: IndicatorDefinition, figure: IndicatorFigure): string {
  if (definition.kind === 'percentage')
    return `${whole.format(figure.numerator)} of ${whole.format(figure.denominator ?? 0)}`;
  if (definition.kind === 'average')
    return `${whole.format(figure.numerator)} children, ${oneDecimal.format(figure.denominator ?? 0)} full-time workers`;
  if (figure.ratePer10000 !== undefined && figure.ratePer10000 !== null)
    return `${oneDecimal.format(figure.ratePer10000)} per 10,000 children`;
  return '';
}

/** The change from the period before in words, and whether it is better, worse or neither. */
export function changeWords(
  definition: IndicatorDefinition,
  latest: { label: string; value: number | null },
  before: { label: string; value: number | null } | undefined,
): { text: string; direction: 'better' | 'worse' | 'same' | 'neither' } {
  if (!before || before.value === null || latest.value === null)
    return { text: 'No figure for the quarter before to compare with', direction: 'neither' };
  const was = `${shownValue(definition, before.value)} in ${before.label}`;
  if (latest.value === before.value) return { text: `The same as in ${before.label}`, direction: 'same' };
  const up = latest.value > before.value;
  const verdict =
    definition.higherIsBetter === null ? 'neither' : up === definition.higherIsBetter ? 'better' : 'worse';
  const judged = verdict === 'neither' ? '' : `: ${verdict}`;
  return { text: `${up ? 'Up' : 'Down'} from ${was}${judged}`, direction: verdict };
}

/** An indicator's points over the periods, oldest first. */
export function pointsOf(series: readonly PeriodFigures[], id: string): ChartPoint[] {
  return series.map((figures) => ({
    label: figures.period.label,
    value: figures.results.find((result) => result.definition.id === id)?.figure.value ?? null,
  }));
}

/** A chart's text alternative: what it shows and every value in turn. */
export function chartAlternative(definition: IndicatorDefinition, points: readonly ChartPoint[]): string {
  const values = points.map((point) => `${point.label}: ${shownValue(definition, point.value)}`).join('; ');
  return `${definition.title}, quarter by quarter from ${points[0]?.label} to ${points.at(-1)?.label}. ${values}.`;
}

/** The rows of the table of the same numbers as a chart: period, numerator, denominator, value, rate. */
export function seriesRows(
  definition: IndicatorDefinition,
  series: readonly PeriodFigures[],
  council = true,
) {
  return series.map((figures) => {
    const figure = figures.results.find((result) => result.definition.id === definition.id)!.figure;
    return [
      // A quarter's label kept on one line on a phone ("Q1 2026–" then "27" misleads).
      { text: figures.period.label.replaceAll(' ', '\u00a0') },
      { text: whole.format(figure.numerator), format: 'numeric' },
      ...(definition.denominator === null
        ? []
        : [
            {
              text:
                definition.kind === 'average'
                  ? oneDecimal.format(figure.denominator ?? 0)
                  : whole.format(figure.denominator ?? 0),
              format: 'numeric',
            },
          ]),
      // A count's value is the count itself: one column, not two.
      ...(definition.kind === 'count'
        ? []
        : [{ text: shownValue(definition, figure.value), format: 'numeric' }]),
      ...(withRate(definition, council)
        ? [
            {
              text:
                figure.ratePer10000 == null ? 'no estimate loaded' : oneDecimal.format(figure.ratePer10000),
              format: 'numeric',
            },
          ]
        : []),
    ];
  });
}

/** Whether a table shows a rate per 10,000: only for the council's own figures, never a team's. */
const withRate = (definition: IndicatorDefinition, council: boolean) =>
  council && definition.ratePer10000 === true;

/** The head of that table; `council` false for the figures by team, which have no rate. */
export function seriesHead(definition: IndicatorDefinition, council = true) {
  return [
    { text: 'Quarter' },
    { text: definition.denominator === null ? 'Count' : 'Counted', format: 'numeric' },
    ...(definition.denominator === null
      ? []
      : [{ text: definition.kind === 'average' ? 'Workers (FTE)' : 'Out of', format: 'numeric' }]),
    ...(definition.kind === 'count'
      ? []
      : [{ text: definition.kind === 'percentage' ? 'Per cent' : 'Average', format: 'numeric' }]),
    ...(withRate(definition, council) ? [{ text: 'Per 10,000 children', format: 'numeric' }] : []),
  ];
}

/** A tile of the dashboard: the latest quarter's value, what it stands on, its change and trend. */
export function tileOf(
  definition: IndicatorDefinition,
  series: readonly PeriodFigures[],
  comparison?: Comparison,
) {
  const points = pointsOf(series, definition.id);
  const latest = series.at(-1)!;
  const figure = latest.results.find((result) => result.definition.id === definition.id)!.figure;
  return {
    id: definition.id,
    title: definition.title,
    value: shownValue(definition, figure.value),
    detail: figureDetail(definition, figure),
    change: changeWords(definition, points.at(-1)!, points.at(-2)),
    trend: trendLine(points, chartAlternative(definition, points)),
    published: comparisonView(definition, comparison, figure.value),
    head: seriesHead(definition),
    rows: seriesRows(definition, series),
  };
}

/** An indicator's column chart over the periods. */
export function indicatorChart(definition: IndicatorDefinition, series: readonly PeriodFigures[]): string {
  const points = pointsOf(series, definition.id);
  return columnChart(points, chartAlternative(definition, points), (value) => shownValue(definition, value));
}

/**
 * The DfE's published figures beside Hearth's, in words: each area's value for the latest published year, and
 * Hearth's latest figure against England's (better or worse, where higher or lower is better).
 */
export function comparisonView(
  definition: IndicatorDefinition,
  comparison: Comparison | undefined,
  ours: number | null,
) {
  if (!comparison) return undefined;
  const shown = (value: number | null) => (value === null ? 'Not published' : shownValue(definition, value));
  const rows = [
    { label: 'England', value: shown(comparison.england) },
    ...(comparison.region ? [{ label: comparison.region.name, value: shown(comparison.region.value) }] : []),
    ...(comparison.neighbours
      ? [
          {
            label: `Statistical neighbours (average of ${comparison.neighbours.count})`,
            value: shown(comparison.neighbours.average),
          },
        ]
      : []),
    ...(comparison.council === null
      ? []
      : [{ label: 'This council, as published', value: shown(comparison.council) }]),
  ];
  let against: 'better' | 'worse' | '' = '';
  if (
    ours !== null &&
    comparison.england !== null &&
    definition.higherIsBetter !== null &&
    ours !== comparison.england
  )
    against = ours > comparison.england === definition.higherIsBetter ? 'better' : 'worse';
  return {
    year: comparison.year,
    rows,
    against,
  };
}

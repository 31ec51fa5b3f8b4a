import type { FastifyInstance } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { Type, type Static } from 'typebox';
import type { WorkforceMeasures } from '../../domain/workforce/census.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { formErrors } from '../../platform/forms.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import { access } from '../../platform/route-table.ts';
import { auditSource } from '../../platform/transactions.ts';
import { ukDate } from '../../platform/views.ts';
import { columnChart } from '../performance/views/charts.ts';
import { councilCensusReturn, councilWorkforceMeasuresOverTime } from './census-service.ts';

const MeasuresQuery = Type.Object({
  'asAt-day': Type.Optional(Type.String({ maxLength: 10 })),
  'asAt-month': Type.Optional(Type.String({ maxLength: 10 })),
  'asAt-year': Type.Optional(Type.String({ maxLength: 10 })),
});
type MeasuresQuery = Static<typeof MeasuresQuery>;

/** The day the page is as at: today when no date is given, or the date typed, or the problem with it. */
export function measuresDay(query: MeasuresQuery, today: string): { day: string } | { problem: string } {
  const parsed = dateFromParts('The date', query['asAt-day'], query['asAt-month'], query['asAt-year']);
  if ('problem' in parsed) return parsed;
  if (parsed.date === null) {
    const typed = [query['asAt-day'], query['asAt-month'], query['asAt-year']].some(
      (part) => part !== undefined,
    );
    return typed ? { problem: 'Enter the date to show the measures as at' } : { day: today };
  }
  if (parsed.date > today) return { problem: 'The date must be today or in the past' };
  return { day: parsed.date };
}

const CensusQuery = Type.Object({
  date: Type.Optional(Type.String({ format: 'date' })),
  line: Type.Optional(Type.Union([Type.Literal('workers'), Type.Literal('council')])),
});

/** The measures the page charts, each with its words and how a value is written. */
const measures: ReadonlyArray<{
  key: keyof WorkforceMeasures;
  title: string;
  shown: (value: number) => string;
}> = [
  { key: 'turnoverRate', title: 'Turnover rate', shown: (value) => `${value}%` },
  { key: 'agencyRate', title: 'Agency rate', shown: (value) => `${value}%` },
  { key: 'vacancyRate', title: 'Vacancy rate', shown: (value) => `${value}%` },
  { key: 'sicknessDaysPerFte', title: 'Sickness days per FTE', shown: String },
  { key: 'caseloadPerCaseHoldingFte', title: 'Caseload per case-holding FTE', shown: String },
  { key: 'newlyQualifiedShare', title: 'Newly qualified (in ASYE)', shown: (value) => `${value}%` },
];

const monthYear = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The last 30 September on or before the day: the census day of the latest return. */
export function lastCensusDay(today: string): string {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-09-30` ? `${year}-09-30` : `${year - 1}-09-30`;
}

/** The workforce measures over three years (issue 21, part 3), and the census return to download. */
export async function measureRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: MeasuresQuery }>(
    '/workforce/measures',
    { config: access('workforce:read', 'none'), schema: { querystring: MeasuresQuery, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const chosen = measuresDay(request.query, actor.today);
      const asAt = {
        'asAt-day': request.query['asAt-day'] ?? '',
        'asAt-month': request.query['asAt-month'] ?? '',
        'asAt-year': request.query['asAt-year'] ?? '',
      };
      if ('problem' in chosen) {
        return reply.code(400).page('workforce/views/measures.njk', {
          pageTitle: 'Workforce measures – Workforce',
          asAt,
          ...formErrors([{ path: 'asAt', message: chosen.problem }]),
        });
      }
      // A past day is over, so a quarter ending on it is among those charted; today's is not over yet.
      const before =
        chosen.day < actor.today
          ? Temporal.PlainDate.from(chosen.day).add({ days: 1 }).toString()
          : chosen.day;
      const series = await councilWorkforceMeasuresOverTime(db, actor.councilId, before, actor.now);
      const charts = measures.map((measure) => {
        const points = series.map((point) => ({
          label: monthYear(point.day),
          value: point[measure.key] as number | null,
        }));
        const words = points.map(
          (point) => `${point.label}: ${point.value === null ? 'none' : measure.shown(point.value)}`,
        );
        return {
          title: measure.title,
          svg: columnChart(
            points,
            `${measure.title}, quarter by quarter: ${words.join('; ')}`,
            measure.shown,
          ),
          rows: points.map((point, index) => [
            { text: ukDate(series[index]!.day) },
            { text: point.value === null ? 'None' : measure.shown(point.value), format: 'numeric' },
          ]),
        };
      });
      const census = lastCensusDay(chosen.day);
      // Six flat charts of noughts say nothing a sentence does not (an empty council, or one not yet loaded).
      const measured = series.some((point) =>
        measures.some((measure) => Number(point[measure.key] ?? 0) !== 0),
      );
      return reply.page('workforce/views/measures.njk', {
        measured,
        pageTitle: 'Workforce measures – Workforce',
        asAt,
        day: { value: chosen.day, words: ukDate(chosen.day), today: chosen.day === actor.today },
        errors: {},
        charts,
        census: { day: census, words: ukDate(census) },
        administers: actor.role === 'administrator',
      });
    },
  );

  app.get<{ Querystring: Static<typeof CensusQuery> }>(
    '/workforce/census.csv',
    {
      config: access('staff:manage', 'workforce-census.exported'),
      schema: { querystring: CensusQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const day = request.query.date ?? lastCensusDay(actor.today);
      const line = request.query.line ?? 'workers';
      const census = await councilCensusReturn(db, actor.councilId, day);
      await appendAuditNow(db, auditSource(actor), {
        action: 'workforce-census.exported',
        details: { day, line },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="workforce-census-${day}-${line}.csv"`)
        .send(line === 'council' ? census.council : census.workers);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { INDICATORS } from '../../domain/indicators/index.ts';
import { actorOf } from '../../platform/authentication.ts';
import { listHref, pageView } from '../../platform/lists.ts';
import { roleCan } from '../../platform/permissions.ts';
import { access } from '../../platform/route-table.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import { comparisonsAsAt } from './comparators.ts';
import { childrenBehindIndicator, dashboardSeries, indicatorPage } from './dashboard.ts';
import {
  chartAlternative,
  comparisonView,
  figureDetail,
  indicatorChart,
  pointsOf,
  seriesHead,
  seriesRows,
  shownValue,
  themeNames,
  tileOf,
} from './views/figure-words.ts';

const AsAt = Type.Optional(Type.String({ format: 'date' }));
const DashboardQuery = Type.Object({ asAt: AsAt });
const IndicatorParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) });
const ChildrenQuery = Type.Object({
  asAt: AsAt,
  which: Type.Optional(Type.Union([Type.Literal('counted'), Type.Literal('out-of')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

/** How the service is doing: the dashboard, a page per indicator, and the children behind a figure (issue 20). */
export async function performanceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof DashboardQuery> }>(
    '/performance',
    { config: access('figures:read', 'none'), schema: { querystring: DashboardQuery, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const series = await dashboardSeries(db, actor, request.query.asAt);
      const latest = series.at(-1)!;
      const comparisons = await comparisonsAsAt(db, actor.councilId, latest.period.end);
      const themes = Object.entries(themeNames).map(([theme, name]) => ({
        name,
        tiles: INDICATORS.filter((definition) => definition.theme === theme).map((definition) =>
          tileOf(definition, series, comparisons.get(definition.id)),
        ),
      }));
      return reply.page('performance/views/dashboard.njk', {
        pageTitle: 'How the service is doing',
        period: latest.period,
        first: series[0]!.period,
        population: latest.population,
        populationWords: latest.population?.children0To17.toLocaleString('en-GB'),
        themes,
      });
    },
  );

  app.get<{ Params: Static<typeof IndicatorParams>; Querystring: Static<typeof DashboardQuery> }>(
    '/performance/:id',
    {
      config: access('figures:read', 'none'),
      schema: { params: IndicatorParams, querystring: DashboardQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const page = await indicatorPage(db, actor, request.params.id, request.query.asAt);
      const { definition, series, latest, byTeam, figure } = page;
      const points = pointsOf(series, definition.id);
      const comparisons = await comparisonsAsAt(db, actor.councilId, latest.period.end);
      return reply.page('performance/views/indicator.njk', {
        published: comparisonView(definition, comparisons.get(definition.id), figure.value),
        pageTitle: definition.title,
        definition,
        period: latest.period,
        value: shownValue(definition, figure.value),
        detail: figureDetail(definition, figure),
        chart: indicatorChart(definition, series),
        alternative: chartAlternative(definition, points),
        seriesHead: seriesHead(definition),
        seriesRows: seriesRows(definition, series).reverse(),
        teamHead: [{ text: 'Team' }, ...seriesHead(definition, false).slice(1)],
        teamRows: byTeam.map((row) => [
          { text: row.team },
          ...seriesRows(
            definition,
            [{ ...latest, results: [{ definition, figure: row.figure }] }],
            false,
          )[0]!.slice(1),
        ]),
        counted: figure.children.length,
        outOf: figure.outOf?.length ?? null,
        names: roleCan(actor.role, 'child:read'),
        asAt: request.query.asAt,
      });
    },
  );

  app.get<{ Params: Static<typeof IndicatorParams>; Querystring: Static<typeof ChildrenQuery> }>(
    '/performance/:id/children',
    {
      config: access('child:read', 'children.listed'),
      schema: { params: IndicatorParams, querystring: ChildrenQuery, hide: true },
    },
    async (request, reply) => {
      const which = request.query.which ?? 'counted';
      const behind = await childrenBehindIndicator(db, actorOf(request), {
        id: request.params.id,
        which,
        ...(request.query.asAt ? { asAt: request.query.asAt } : {}),
        ...(request.query.page ? { page: request.query.page } : {}),
      });
      const path = `/performance/${behind.definition.id}/children`;
      return reply.page('performance/views/children.njk', {
        pageTitle: `${behind.definition.title}: the children ${which === 'counted' ? 'counted' : 'it is out of'}`,
        definition: behind.definition,
        period: behind.period,
        which,
        counted: behind.counted,
        notShown: behind.notShown,
        listPage: pageView(behind.window, (next) => listHref(path, request.query, { page: next })),
        rows: behind.rows.map((row) => [
          {
            html: `<a class="govuk-link" href="/children/${row.id}">${escapeHtml(`${row.given_name} ${row.family_name}`)}</a>`,
          },
          { text: row.local_id },
          { text: row.date_of_birth ? ukDate(row.date_of_birth) : 'Not known' },
        ]),
      });
    },
  );
}

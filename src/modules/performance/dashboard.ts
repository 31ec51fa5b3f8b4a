import type { Database } from '../../db/database.ts';
import { lastWholeQuarters } from '../../domain/indicators/chosen-period.ts';
import { indicatorById, type IndicatorDefinition } from '../../domain/indicators/index.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/lists.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { timescaleSettings } from '../timescales/service.ts';
import { visibleChildrenAmong } from './queries.ts';
import { figuresByTeam, figuresForPeriods, keptOrWorkedOut, type PeriodFigures } from './service.ts';

/** The dashboard's trend: the last 8 whole quarters (issue 20, part 4). */
export const TREND_QUARTERS = 8;

/**
 * Every indicator over the last 8 whole quarters as at `asAt` (default the actor's today), as known now: the
 * figures kept for them unless a correction since alters them (kept-figures.ts).
 */
export async function dashboardSeries(db: Database, actor: Actor, asAt?: string): Promise<PeriodFigures[]> {
  const day = asAt && asAt < actor.today ? asAt : actor.today;
  return figuresForPeriods(db, actor.councilId, lastWholeQuarters(day, TREND_QUARTERS), {
    kept: { now: actor.now },
  });
}

/**
 * The daily job's part: the dashboard's closed quarters as at `now` worked out and kept where a correction has
 * altered them (or none is kept), and the others marked as still true now, so a dashboard request finds them kept.
 */
export async function keepDashboardFigures(db: Database, councilId: string, now: Date): Promise<void> {
  await keptOrWorkedOut(db, councilId, lastWholeQuarters(londonDate(now), TREND_QUARTERS), now, true);
}

/** The indicator with this id, or "not found". */
export function indicatorNamed(id: string): IndicatorDefinition {
  const definition = indicatorById(id);
  if (!definition) throw new NotFound();
  return definition;
}

/** An indicator's page: its series, its latest quarter by team. */
export async function indicatorPage(db: Database, actor: Actor, id: string, asAt?: string) {
  const definition = indicatorNamed(id);
  const series = await dashboardSeries(db, actor, asAt);
  const { calendar } = await timescaleSettings(db, actor.councilId);
  const latest = series.at(-1)!;
  const byTeam = await figuresByTeam(db, actor.councilId, latest, definition, calendar);
  const figure = latest.results.find((result) => result.definition.id === id)!.figure;
  return { definition, series, latest, byTeam, figure };
}

/**
 * One page of the children behind an indicator's latest figure (those counted, or all it is out of), in name
 * order, with how many it stands on and how many of them the actor may not see (counted, not named). The read is
 * audited with the children shown, as the timescale drill-downs are.
 */
export async function childrenBehindIndicator(
  db: Database,
  actor: Actor,
  request: { id: string; asAt?: string; which: 'counted' | 'out-of'; page?: number },
) {
  const definition = indicatorNamed(request.id);
  const series = await figuresForPeriods(
    db,
    actor.councilId,
    [lastWholeQuarters(request.asAt && request.asAt < actor.today ? request.asAt : actor.today, 1)[0]!],
    { kept: { now: actor.now } },
  );
  const latest = series[0]!;
  const figure = latest.results.find((result) => result.definition.id === request.id)!.figure;
  const behind = request.which === 'out-of' ? (figure.outOf ?? []) : figure.children;
  return withTransaction(db, actor, async (trx) => {
    const { total } = await visibleChildrenAmong(trx, actor, behind, { limit: 0, offset: 0 });
    const window = pageWindow(total, request.page);
    const { rows } = await visibleChildrenAmong(trx, actor, behind, window);
    await appendAudit(trx, auditSource(actor), {
      action: 'children.listed',
      details: {
        list: 'indicator',
        indicator: request.id,
        period: latest.period.label,
        childIds: rows.map((row) => row.id),
      },
    });
    return {
      definition,
      period: latest.period,
      rows,
      window,
      counted: behind.length,
      notShown: behind.length - total,
    };
  });
}

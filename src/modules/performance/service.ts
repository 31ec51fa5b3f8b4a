import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import {
  computeIndicators,
  INDICATORS,
  financialYearOf,
  openOn,
  type ChildFacts,
  type CouncilFacts,
  type IndicatorDefinition,
  type IndicatorFigure,
  type ReportingPeriod,
} from '../../domain/indicators/index.ts';
import {
  PopulationFileError,
  populationEstimates,
  populationForYear,
} from '../../domain/indicators/population.ts';
import { londonDate } from '../../platform/actor.ts';
import { alteredSince, inputsDigest, KEPT_MARGIN_MS, type KeptPeriod } from './kept-figures.ts';
import { readRecordsOnDays, type ChildRecord, type RecordTable } from '../record/service.ts';
import { timescaleSettings } from '../timescales/service.ts';
import { workforceForIndicators } from '../workforce/census-service.ts';
import {
  childIdsTouching,
  councilArea,
  councilPopulation,
  figureInputs,
  keepFigures,
  keptFigures,
  keptFiguresStillTrue,
  savePopulation,
  socialWorkers,
  theseChildren,
  versionsSince,
  workerTeamsOn,
} from './queries.ts';

export { PopulationFileError };

/** The tables of a child's record that the indicators read (`ChildFacts`); the others are not fetched. */
const INDICATOR_TABLES: readonly RecordTable[] = [
  'contacts',
  'episodes',
  'assessments',
  'strategy_discussions',
  'section47_enquiries',
  'initial_conferences',
  'cp_plans',
  'care_periods',
  'legal_statuses',
  'placements',
  'missing_episodes',
  'care_leaver_contacts',
  'allocations',
];

export interface IndicatorResult {
  readonly definition: IndicatorDefinition;
  readonly figure: IndicatorFigure;
}

/** Every indicator's figure for one period, and the facts it was computed from (for the figures by team). */
export interface PeriodFigures {
  readonly period: ReportingPeriod;
  /** The ONS mid-year estimate used for rates per 10,000, if one is loaded. */
  readonly population: { midYear: number; children0To17: number; source?: string } | undefined;
  readonly results: readonly IndicatorResult[];
  /** The facts, when the figures were worked out now rather than kept (figures by team need them). */
  readonly facts?: CouncilFacts;
}

/** When the figures are read as known: `knownAt` an instant (default now, every correction recorded so far). */
export interface FigureOptions {
  readonly knownAt?: Date;
  readonly calendar?: WorkingDayCalendar;
  /**
   * Use and keep the figures of closed periods (those ended before the day of `now`, the clock of the one
   * asking), as known now: see kept-figures.ts. The period still running is always worked out.
   */
  readonly kept?: { readonly now: Date };
}

/**
 * Every indicator for each period, each from the children's records as they stood at the end of the period's last
 * day, as Hearth knew them at `knownAt`; the records are read once for all the periods. Without `knownAt` only the
 * children whose records touch the periods are read (`childrenTouching`); as known at a past time, every child,
 * since a correction since may have moved a child's dates out of the periods.
 */
export async function figuresForPeriods(
  db: Kysely<Tables>,
  councilId: string,
  periods: readonly ReportingPeriod[],
  options: FigureOptions = {},
): Promise<PeriodFigures[]> {
  if (options.kept && !options.knownAt) return keptOrWorkedOut(db, councilId, periods, options.kept.now);
  return workedOut(db, councilId, periods, options);
}

/**
 * The closed periods' figures as kept, where nothing recorded since alters the record as it stood at their end
 * and their other inputs are unchanged; the others worked out now (in one read), and kept if closed. With
 * `refresh` (the daily job) the kept figures found still true are marked as known now, so that the next check
 * looks only at what is recorded after it.
 */
export async function keptOrWorkedOut(
  db: Kysely<Tables>,
  councilId: string,
  periods: readonly ReportingPeriod[],
  now: Date,
  refresh = false,
): Promise<PeriodFigures[]> {
  const today = londonDate(now);
  const knownAt = new Date(now.getTime() - KEPT_MARGIN_MS);
  const closed = periods.filter((period) => period.end < today);
  const [kept, inputs, workforce] = await Promise.all([
    closed.length ? keptFigures(db, councilId, closed) : [],
    figureInputs(db, councilId),
    workforceForIndicators(db, councilId),
  ]);
  // The workforce (posts, leavers, agency cover, sickness) is an input of the census indicators.
  const digest = inputsDigest({ ...inputs, workforce });
  const usable = kept.filter((row) => row.inputs === digest);
  const since = usable.map((row) => row.known_at.getTime()).sort((a, b) => a - b)[0];
  const versions =
    since === undefined ? [] : await versionsSince(db, councilId, new Date(since), INDICATOR_TABLES);
  const stillTrue = new Map(
    usable
      .filter((row) => !alteredSince(versions, row.known_at, row.period_end))
      .map((row) => [`${row.period_start}/${row.period_end}`, row.figures as KeptPeriod]),
  );
  if (refresh) await keptFiguresStillTrue(db, councilId, [...stillTrue.keys()].map(periodOfKey), knownAt);
  const missing = [
    ...new Map(
      periods
        .filter((period) => !stillTrue.has(`${period.start}/${period.end}`))
        .map((period) => [`${period.start}/${period.end}`, period]),
    ).values(),
  ];
  const fresh = await workedOut(db, councilId, missing);
  await keepFigures(
    db,
    fresh
      .filter((figures) => figures.period.end < today)
      .map((figures) => ({
        council_id: councilId,
        period_start: figures.period.start,
        period_end: figures.period.end,
        known_at: knownAt,
        inputs: digest,
        figures: keptPeriodOf(figures),
      })),
  );
  return periods.map(
    (period) =>
      withPeriod(
        fresh.find((figures) => sameDays(figures.period, period)),
        period,
      ) ?? figuresFromKept(period, stillTrue.get(`${period.start}/${period.end}`)!),
  );
}

const sameDays = (a: ReportingPeriod, b: ReportingPeriod) => a.start === b.start && a.end === b.end;
const withPeriod = (figures: PeriodFigures | undefined, period: ReportingPeriod) =>
  figures && { ...figures, period };

const periodOfKey = (key: string) => {
  const [start, end] = key.split('/') as [string, string];
  return { start, end };
};

/** What is kept of a period's figures: each figure by indicator, and the population. */
function keptPeriodOf(figures: PeriodFigures): KeptPeriod {
  return {
    population: figures.population,
    figures: Object.fromEntries(figures.results.map((result) => [result.definition.id, result.figure])),
  };
}

function figuresFromKept(period: ReportingPeriod, kept: KeptPeriod): PeriodFigures {
  return {
    period,
    population: kept.population ?? undefined,
    results: INDICATORS.map((definition) => ({ definition, figure: kept.figures[definition.id]! })),
  };
}

/** Every indicator for each period, worked out now from the record (see `figuresForPeriods`). */
async function workedOut(
  db: Kysely<Tables>,
  councilId: string,
  periods: readonly ReportingPeriod[],
  options: FigureOptions = {},
): Promise<PeriodFigures[]> {
  if (!periods.length) return [];
  const first = periods.map((period) => period.start).sort()[0]!;
  const last = periods
    .map((period) => period.end)
    .sort()
    .at(-1)!;
  const scope = options.knownAt
    ? ('all' as const)
    : { chosenBy: theseChildren(await childIdsTouching(db, councilId, first, last)) };
  const [byDay, workers, workforce, populations, calendar] = await Promise.all([
    readRecordsOnDays(
      db,
      councilId,
      scope,
      periods.map((period) => period.end),
      options.knownAt,
      INDICATOR_TABLES,
    ),
    socialWorkers(db, councilId),
    workforceForIndicators(db, councilId),
    councilPopulation(db, councilId),
    options.calendar ?? timescaleSettings(db, councilId).then((settings) => settings.calendar),
  ]);
  return periods.map((period) => {
    const population = populationForYear(populations, financialYearOf(period.end));
    const facts: CouncilFacts = {
      children: childFactsOf(byDay.get(period.end)!),
      workers,
      workforce,
      ...(population ? { population0To17: population.children0To17 } : {}),
    };
    return { period, population, results: computeIndicators(facts, period, calendar), facts };
  });
}

/** The records as the indicators read them: `ChildFacts` is the record's own shape, so no copy is made. */
function childFactsOf(records: Map<string, ChildRecord>): ChildFacts[] {
  return [...records.values()];
}

/** Every indicator for one period. */
export async function figuresFor(
  db: Kysely<Tables>,
  councilId: string,
  period: ReportingPeriod,
  options: FigureOptions = {},
): Promise<PeriodFigures> {
  return (await figuresForPeriods(db, councilId, [period], options))[0]!;
}

/** A team's figure for an indicator, or that of the children held by no team. */
export interface TeamFigure {
  readonly team: string;
  readonly teamId: string | null;
  readonly figure: IndicatorFigure;
}

/**
 * An indicator's figure for each team: the children whose case holder (allocated worker or personal adviser) on
 * the period's last day is in the team then, or, for a child no longer held, the team of the last case holder.
 * Children never allocated are "not allocated". Rates per 10,000 are the council's, so not given here.
 */
export async function figuresByTeam(
  db: Kysely<Tables>,
  councilId: string,
  figures: PeriodFigures,
  definition: IndicatorDefinition,
  calendar: WorkingDayCalendar,
): Promise<TeamFigure[]> {
  const day = figures.period.end;
  const teams = new Map((await workerTeamsOn(db, councilId, day)).map((row) => [row.worker_id, row]));
  const facts = figures.facts ?? (await workedOut(db, councilId, [figures.period]))[0]!.facts!;
  const groups = new Map<string, { team: string; teamId: string | null; children: ChildFacts[] }>();
  for (const child of facts.children) {
    const holder = caseHolderOf(child, day);
    const team = holder ? teams.get(holder) : undefined;
    const key = team?.team_id ?? '';
    const group = groups.get(key) ?? {
      team: team?.team_name ?? 'Not allocated',
      teamId: team?.team_id ?? null,
      children: [],
    };
    group.children.push(child);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({
      team: group.team,
      teamId: group.teamId,
      figure: definition.compute(
        { children: group.children, workers: facts.workers },
        figures.period,
        calendar,
      ),
    }))
    .filter((row) => row.figure.numerator > 0 || (row.figure.denominator ?? 0) > 0)
    .sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : a.team.localeCompare(b.team)));
}

/** The child's case holder on `day`, or else the most recent one before it. */
function caseHolderOf(child: ChildFacts, day: string): string | undefined {
  const holding = child.allocations
    .filter((allocation) => ['allocated-worker', 'personal-adviser'].includes(allocation.case_role))
    .filter((allocation) => allocation.from_date <= day)
    .sort((a, b) => (a.from_date < b.from_date ? 1 : -1));
  return (holding.find((allocation) => openOn(allocation.from_date, allocation.to_date, day)) ?? holding[0])
    ?.worker_id;
}

/**
 * Loads the council's 0–17 population from an ONS mid-year estimates file (`populationEstimates` reads its two
 * layouts): the rows of the council's area, `areaCode` or else the council's own GSS code. Returns what was kept.
 */
export async function loadPopulation(
  db: Kysely<Tables>,
  councilId: string,
  text: string,
  options: { source: string; midYear?: number; areaCode?: string },
): Promise<{ areaCode: string; estimates: { midYear: number; children0To17: number }[] }> {
  const areaCode = options.areaCode ?? (await councilArea(db, councilId))?.gss_code ?? undefined;
  if (!areaCode)
    throw new PopulationFileError(
      "The council has no area code recorded: give the area's GSS code (for example E10000016).",
    );
  const estimates = populationEstimates(text, options.midYear).filter(
    (estimate) => estimate.areaCode === areaCode,
  );
  if (!estimates.length) throw new PopulationFileError(`The file has no figures for the area ${areaCode}.`);
  await savePopulation(
    db,
    estimates.map((estimate) => ({
      council_id: councilId,
      mid_year: estimate.midYear,
      area_code: areaCode,
      children_0_to_17: estimate.children0To17,
      source: options.source,
    })),
  );
  return { areaCode, estimates: estimates.map(({ midYear, children0To17 }) => ({ midYear, children0To17 })) };
}

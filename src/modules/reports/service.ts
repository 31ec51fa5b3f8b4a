import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import {
  classificationWords,
  IMPLICATIONS,
  recommendationsOf,
  type ReportPeriod,
} from '../../domain/reports/committee-report.ts';
import {
  financialYear,
  INDICATORS,
  quarter,
  type IndicatorDefinition,
  type ReportingPeriod,
} from '../../domain/indicators/index.ts';
import { lastWholeQuarters } from '../../domain/indicators/chosen-period.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Role } from '../../platform/permissions.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { ukDate } from '../../platform/views.ts';
import { figuresForPeriods, type PeriodFigures } from '../performance/service.ts';
import {
  chartAlternative,
  changeWords,
  figureDetail,
  indicatorChart,
  pointsOf,
  shownValue,
  themeNames,
} from '../performance/views/figure-words.ts';
import { councilName, reportWords, saveReportWords } from './queries.ts';

/** One figure of a report: the period's value, what it stands on, the change, and its chart over the quarters. */
export interface ReportFigure {
  readonly id: string;
  readonly title: string;
  readonly value: string;
  readonly detail: string;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly rawValue: number | null;
  readonly change: string;
  readonly chart: string;
  readonly alternative: string;
}

/** A committee report, ready to be written as HTML, Word or PDF: every figure from the dashboard's figures. */
export interface CommitteeReport {
  readonly council: string;
  readonly title: string;
  readonly period: ReportingPeriod;
  readonly kind: 'annual' | 'quarter';
  readonly key: string;
  readonly titleBlock: {
    readonly committee: string;
    readonly meetingDate: string;
    readonly author: string;
    readonly classification: string;
    readonly exempt: boolean;
  };
  readonly summary: string;
  readonly recommendations: readonly string[];
  readonly themes: readonly {
    readonly theme: string;
    readonly name: string;
    readonly commentary: string;
    readonly figures: readonly ReportFigure[];
  }[];
  readonly implications: readonly {
    readonly kind: string;
    readonly heading: string;
    readonly text: string;
  }[];
  readonly chartsCover: string;
  readonly population: string;
  /** The appendix not for publication, for the roles named on it only. */
  readonly exemptAppendix: { readonly text: string; readonly roles: readonly string[] } | null;
  readonly definitions: readonly {
    readonly title: string;
    readonly counts: string;
    readonly source: string;
  }[];
}

/** What the author writes, as kept (the form's fields). */
export interface ReportWords {
  committee: string;
  meetingDate: string | null;
  author: string;
  classification: 'public' | 'exempt';
  exemptParagraph: number | null;
  summary: string;
  recommendations: string;
  commentary: Record<string, string>;
  implications: Record<string, string>;
  exemptAppendix: string;
  exemptAppendixRoles: string[];
}

/** The words kept for a period's report, or the empty ones a new report starts from. */
export async function wordsOfReport(db: Kysely<Tables>, councilId: string, period: ReportingPeriod) {
  const row = await reportWords(db, councilId, period);
  return {
    committee: row?.committee ?? '',
    meetingDate: row?.meeting_date ?? null,
    author: row?.author ?? '',
    classification: row?.classification ?? 'public',
    exemptParagraph: row?.exempt_paragraph ?? null,
    summary: row?.summary ?? '',
    recommendations: row?.recommendations ?? '',
    commentary: (row?.commentary ?? {}) as Record<string, string>,
    implications: (row?.implications ?? {}) as Record<string, string>,
    exemptAppendix: row?.exempt_appendix ?? '',
    exemptAppendixRoles: row?.exempt_appendix_roles ?? [],
  } satisfies ReportWords;
}

/** Keeps what the author wrote for a period's report, audited. */
export async function keepReportWords(
  db: Database,
  actor: Actor,
  period: ReportingPeriod,
  words: ReportWords,
): Promise<void> {
  await withTransaction(db, actor, async (trx) => {
    await saveReportWords(trx, {
      council_id: actor.councilId,
      period_start: period.start,
      period_end: period.end,
      committee: words.committee,
      meeting_date: words.meetingDate,
      author: words.author,
      classification: words.classification,
      exempt_paragraph: words.classification === 'exempt' ? words.exemptParagraph : null,
      summary: words.summary,
      recommendations: words.recommendations,
      commentary: words.commentary,
      implications: words.implications,
      exempt_appendix: words.exemptAppendix,
      exempt_appendix_roles: words.exemptAppendixRoles,
      updated_by: actor.userId,
      updated_at: actor.now,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'report.words-saved',
      details: { period: period.label, start: period.start, end: period.end },
    });
  });
}

/**
 * The quarters a report's charts run over, and the period its change is from: for a year, its four quarters and
 * the year before; for a quarter, the dashboard's 8 quarters ending with it (the one before is the change's).
 */
function periodsOf(report: ReportPeriod): { quarters: ReportingPeriod[]; before: ReportingPeriod } {
  if (report.kind === 'annual') {
    const year = Number(report.period.start.slice(0, 4));
    return {
      quarters: ([1, 2, 3, 4] as const).map((number) => quarter(year, number)),
      before: financialYear(year - 1),
    };
  }
  const quarters = lastWholeQuarters(report.period.end, 8);
  return { quarters, before: quarters.at(-2)! };
}

const figureOf = (figures: PeriodFigures, id: string) =>
  figures.results.find((result) => result.definition.id === id)!.figure;

function reportFigure(
  definition: IndicatorDefinition,
  main: PeriodFigures,
  before: PeriodFigures,
  quarters: readonly PeriodFigures[],
): ReportFigure {
  const figure = figureOf(main, definition.id);
  const points = pointsOf(quarters, definition.id);
  return {
    id: definition.id,
    title: definition.title,
    value: shownValue(definition, figure.value),
    // "No figure" stands on nothing: "0 of 0" beside it would only repeat that.
    detail: figure.value === null ? 'Nothing to count' : figureDetail(definition, figure),
    numerator: figure.numerator,
    denominator: figure.denominator,
    rawValue: figure.value,
    change: changeWords(
      definition,
      { label: main.period.label, value: figure.value },
      { label: before.period.label, value: figureOf(before, definition.id).value },
    ).text.replace('the quarter before', 'the period before'),
    chart: indicatorChart(definition, quarters),
    alternative: chartAlternative(definition, points),
  };
}

/**
 * The committee report on a period for someone in `role` (none at the command line: then the non-public appendix
 * is left out unless `withExemptFor` names a role on it). The figures are the dashboard's: the same kept figures
 * for closed periods, as known now (`now`, the clock of the one asking).
 */
export async function committeeReport(
  db: Kysely<Tables>,
  asker: { councilId: string; role: Role | null; now: Date },
  report: ReportPeriod,
): Promise<CommitteeReport> {
  const { quarters, before } = periodsOf(report);
  const [council, words, figures] = await Promise.all([
    councilName(db, asker.councilId),
    wordsOfReport(db, asker.councilId, report.period),
    figuresForPeriods(db, asker.councilId, [report.period, before, ...quarters], {
      kept: { now: asker.now },
    }),
  ]);
  const [main, earlier, ...byQuarter] = figures as [PeriodFigures, PeriodFigures, ...PeriodFigures[]];
  const seen = asker.role !== null && words.exemptAppendixRoles.includes(asker.role);
  return {
    council: council.name,
    title: `How children’s social care is doing: ${report.kind === 'annual' ? `the year ${report.period.label}` : report.period.label}`,
    period: report.period,
    kind: report.kind,
    key: report.key,
    titleBlock: {
      committee: words.committee || 'Not yet named',
      meetingDate: words.meetingDate ? ukDate(words.meetingDate) : 'Not yet set',
      author: words.author || 'Not yet named',
      classification: classificationWords(words.classification, words.exemptParagraph),
      exempt: words.classification === 'exempt',
    },
    summary:
      words.summary ||
      `This report sets out how children’s social care in ${council.name} did in ${report.period.label} (${ukDate(report.period.start)} to ${ukDate(report.period.end)}), from the children’s records as they stood at its end, with every correction recorded since.`,
    recommendations: recommendationsOf(words.recommendations),
    themes: Object.entries(themeNames).map(([theme, name]) => ({
      theme,
      name,
      commentary: words.commentary[theme] ?? '',
      figures: INDICATORS.filter((definition) => definition.theme === theme).map((definition) =>
        reportFigure(definition, main, earlier, byQuarter),
      ),
    })),
    implications: IMPLICATIONS.map((implication) => ({
      ...implication,
      text: words.implications[implication.kind] ?? '',
    })),
    chartsCover: `Each chart shows the quarters from ${byQuarter[0]!.period.label} to ${byQuarter.at(-1)!.period.label}; each change is from ${earlier.period.label}.`,
    population: main.population
      ? `Rates per 10,000 use ${main.population.children0To17.toLocaleString('en-GB')} children aged 0 to 17 (ONS mid-${main.population.midYear} estimate).`
      : 'No population estimate is loaded, so there are no rates per 10,000 children.',
    exemptAppendix:
      seen && words.exemptAppendix ? { text: words.exemptAppendix, roles: words.exemptAppendixRoles } : null,
    definitions: INDICATORS.map((definition) => ({
      title: definition.title,
      counts: definition.counts,
      source: definition.source,
    })),
  };
}

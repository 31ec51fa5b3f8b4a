import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { financialYear, INDICATORS, type ReportingPeriod } from '../../domain/indicators/index.ts';
import {
  evidenceNotInHearth,
  figureLines,
  figuresToWatch,
  ILACS_AREAS,
  indicatorsOfArea,
  SELF_EVALUATION_QUESTIONS,
  supervisionSentence,
  type FigureEvidence,
  type IlacsArea,
  type QuestionKey,
} from '../../domain/reports/self-evaluation.ts';
import type { Database } from '../../db/database.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { ukDate } from '../../platform/views.ts';
import { comparisonsAsAt } from '../performance/comparators.ts';
import { figuresForPeriods, type PeriodFigures } from '../performance/service.ts';
import { supervisionStandings } from '../supervision/service.ts';
import { councilName, saveSelfEvaluationAnswers, selfEvaluationAnswers } from './queries.ts';

/** The author's answers: by area, each question's words. */
export type SelfEvaluationAnswers = Record<IlacsArea, Record<QuestionKey, string>>;

/** One ILACS area of the self-evaluation: the author's answers, and beside them what Hearth drafts. */
export interface SelfEvaluationArea {
  readonly area: IlacsArea;
  readonly heading: string;
  readonly questions: readonly {
    readonly key: QuestionKey;
    readonly question: string;
    readonly answer: string;
    /** What Hearth drafts beside the answer, and the heading it goes under. */
    readonly drafted: { readonly heading: string; readonly lines: readonly string[] };
    readonly notInHearth: readonly string[];
  }[];
}

/** A self-evaluation for a financial year, ready to be written as a page, HTML, Word or PDF. */
export interface SelfEvaluation {
  readonly council: string;
  readonly title: string;
  readonly year: number;
  readonly period: ReportingPeriod;
  readonly changed: string;
  readonly areas: readonly SelfEvaluationArea[];
  readonly definitions: readonly {
    readonly title: string;
    readonly counts: string;
    readonly source: string;
  }[];
}

const emptyAnswers = (): SelfEvaluationAnswers =>
  Object.fromEntries(
    ILACS_AREAS.map(({ area }) => [area, { known: '', how: '', next: '' }]),
  ) as SelfEvaluationAnswers;

/** The answers kept for a year, each area's three in full (empty where none is written), and who last changed them. */
export async function answersOfYear(db: Kysely<Tables>, councilId: string, year: number) {
  const row = await selfEvaluationAnswers(db, councilId, year);
  const kept = (row?.answers ?? {}) as Partial<Record<string, Partial<Record<string, string>>>>;
  const answers = emptyAnswers();
  for (const { area } of ILACS_AREAS)
    for (const { key } of SELF_EVALUATION_QUESTIONS) answers[area][key] = kept[area]?.[key] ?? '';
  const changed = row
    ? `Last changed by ${[row.given_name, row.family_name].filter(Boolean).join(' ') || 'someone no longer in Hearth'} on ${ukDate(londonDate(row.updated_at))}.`
    : 'Not yet written: the figures below are Hearth’s draft.';
  return { answers, changed };
}

/** Keeps the self-evaluation's answers for a year, audited as the committee report's words are. */
export async function keepSelfEvaluation(
  db: Database,
  actor: Actor,
  year: number,
  answers: SelfEvaluationAnswers,
): Promise<void> {
  await withTransaction(db, actor, async (trx) => {
    await saveSelfEvaluationAnswers(trx, {
      council_id: actor.councilId,
      year,
      answers,
      updated_by: actor.userId,
      updated_at: actor.now,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'self-evaluation.words-saved',
      details: { year: financialYear(year).label },
    });
  });
}

const figureOf = (figures: PeriodFigures, id: string) =>
  figures.results.find((result) => result.definition.id === id)!.figure;

/** Each indicator's evidence for the year: its figure, the year before's, and England's where loaded. */
function evidenceOf(
  main: PeriodFigures,
  before: PeriodFigures,
  comparisons: Awaited<ReturnType<typeof comparisonsAsAt>>,
): FigureEvidence[] {
  return INDICATORS.map((definition) => {
    const figure = figureOf(main, definition.id);
    const england = comparisons.get(definition.id);
    return {
      definition,
      numerator: figure.numerator,
      denominator: figure.denominator,
      value: figure.value,
      ratePer10000: figure.ratePer10000 ?? null,
      yearBefore: figureOf(before, definition.id).value,
      england: england?.england == null ? null : { value: england.england, year: england.year },
    };
  });
}

/** What Hearth says of how it knows: where the figures come from, for every area, and what else the area uses. */
function sourcesOf(area: IlacsArea, period: ReportingPeriod, englandYears: string[], supervision: boolean) {
  return [
    `The figures are Hearth’s for ${period.label}, from the children’s records as they stood at ${ukDate(period.end)} with every correction recorded since: the same as the dashboard’s. What each counts is in the appendix.`,
    englandYears.length
      ? `England’s figures are the DfE’s published statistics for ${englandYears.join(' and ')}, as loaded into Hearth.`
      : 'No published figures for England are loaded into Hearth, so the figures are not compared with England’s.',
    ...(area === 'leadership'
      ? [
          'The workforce figures are from the workers’ records in Hearth (posts, starts, leavings, full-time equivalents, agency cover), counted as the DfE’s workforce census counts them.',
          ...(supervision
            ? [
                'Supervision is from the one-to-one supervisions recorded in Hearth, against the council’s standard.',
              ]
            : []),
        ]
      : []),
  ];
}

/**
 * The self-evaluation for the financial year starting in `year`: the author's answers for each ILACS area, and
 * beside them the year's figures (the dashboard's own, as known now), supervision at the year's end for the
 * leaders' area, and what Hearth does not hold.
 */
export async function selfEvaluation(
  db: Database,
  asker: { councilId: string; now: Date; today: string },
  year: number,
): Promise<SelfEvaluation> {
  const period = financialYear(year);
  const lastDay = period.end < asker.today ? period.end : asker.today;
  const [council, kept, figures, comparisons, standings] = await Promise.all([
    councilName(db, asker.councilId),
    answersOfYear(db, asker.councilId, year),
    figuresForPeriods(db, asker.councilId, [period, financialYear(year - 1)], { kept: { now: asker.now } }),
    comparisonsAsAt(db, asker.councilId, period.end),
    supervisionStandings(db, asker.councilId, lastDay, 'all'),
  ]);
  const evidence = evidenceOf(figures[0]!, figures[1]!, comparisons);
  const englandYears = [
    ...new Set(evidence.flatMap((one) => (one.england ? [one.england.year] : []))),
  ].sort();
  const supervision = supervisionSentence(standings, ukDate(lastDay));
  return {
    council: council.name,
    title: `Self-evaluation of social work practice: ${period.label}`,
    year,
    period,
    changed: kept.changed,
    areas: ILACS_AREAS.map(({ area, heading }) => {
      const ids = new Set(indicatorsOfArea(area, INDICATORS).map((definition) => definition.id));
      const ours = evidence.filter((one) => ids.has(one.definition.id));
      const known = [...figureLines(ours), ...(area === 'leadership' && supervision ? [supervision] : [])];
      const watch = figuresToWatch(ours);
      const drafted: Record<QuestionKey, { heading: string; lines: string[] }> = {
        known: { heading: `From Hearth’s figures for ${period.label}`, lines: known },
        how: {
          heading: 'Where Hearth’s figures come from',
          lines: sourcesOf(area, period, englandYears, supervision !== null),
        },
        next: {
          heading: 'Figures worse than the year before or than England’s',
          lines: watch.length
            ? watch
            : ['None of this area’s figures is worse than the year before or than England’s.'],
        },
      };
      return {
        area,
        heading,
        questions: SELF_EVALUATION_QUESTIONS.map(({ key, question }) => ({
          key,
          question,
          answer: kept.answers[area][key],
          drafted: drafted[key],
          notInHearth: key === 'how' ? evidenceNotInHearth(area) : [],
        })),
      };
    }),
    definitions: INDICATORS.map(({ title, counts, source }) => ({ title, counts, source })),
  };
}

import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { lastWholeQuarters } from '../../domain/indicators/chosen-period.ts';
import { financialYearOf } from '../../domain/indicators/index.ts';
import {
  IMPLICATIONS,
  reportPeriodOf,
  SCHEDULE_12A_SHORT,
  type ReportPeriod,
} from '../../domain/reports/committee-report.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { parseFormFields, type FieldSpec, type RecordValues } from '../../platform/recording/fields.ts';
import { access } from '../../platform/route-table.ts';
import { createViews } from '../../platform/views.ts';
import { themeNames } from '../performance/views/figure-words.ts';
import { CONTENT_TYPES, REPORT_FORMATS, reportFile, reportFileName, rolesInWords } from './render.ts';
import { selfEvaluationRoutes } from './self-evaluation-routes.ts';
import { committeeReport, keepReportWords, wordsOfReport, type ReportWords } from './service.ts';

const ReportParams = Type.Object({ key: Type.String({ pattern: '^\\d{4}(-Q[1-4])?$' }) });
/** Without a format, the report's page; with one, its file to download. */
const ReportQuery = Type.Object({
  format: Type.Optional(Type.Union(REPORT_FORMATS.map((format) => Type.Literal(format)))),
});

/** Who may see the non-public appendix: the choices the author has. */
const APPENDIX_READERS: Record<string, string[]> = {
  director: ['director'],
  managers: ['director', 'service-manager'],
  figures: ['director', 'service-manager', 'performance-analyst'],
};

const wordFields: FieldSpec[] = [
  {
    name: 'committee',
    label: 'Committee',
    kind: 'text',
    maxLength: 200,
    hint: 'For example, Children and Young People Scrutiny Committee',
  },
  { name: 'meetingDate', label: 'Date of the meeting', kind: 'date', notFuture: false },
  {
    name: 'author',
    label: 'Report of',
    kind: 'text',
    maxLength: 200,
    hint: 'For example, Director of Children’s Services',
  },
  {
    name: 'classification',
    label: 'Classification',
    kind: 'choice',
    required: true,
    options: () => [
      { value: 'public', text: 'Public' },
      { value: 'exempt', text: 'Exempt from publication (Schedule 12A)' },
    ],
  },
  {
    name: 'exemptParagraph',
    label: 'Paragraph of Schedule 12A, if exempt',
    kind: 'choice',
    options: () =>
      Object.entries(SCHEDULE_12A_SHORT).map(([paragraph, words]) => ({
        value: paragraph,
        text: `Paragraph ${paragraph}: ${words}`,
      })),
  },
  {
    name: 'summary',
    label: 'Summary',
    kind: 'textarea',
    maxLength: 5000,
    hint: 'Left empty, the report says what period it covers',
  },
  {
    name: 'recommendations',
    label: 'Recommendations',
    kind: 'textarea',
    maxLength: 5000,
    hint: 'One a line',
  },
  ...Object.entries(themeNames).map(([theme, name]): FieldSpec => ({
    name: `commentary-${theme.replaceAll(' ', '-')}`,
    label: `Commentary: ${name.toLowerCase()}`,
    kind: 'textarea',
    maxLength: 5000,
  })),
  ...IMPLICATIONS.map((implication): FieldSpec => ({
    name: `implication-${implication.kind}`,
    label: implication.heading,
    kind: 'textarea',
    maxLength: 5000,
  })),
  { name: 'exemptAppendix', label: 'Appendix not for publication', kind: 'textarea', maxLength: 20000 },
  {
    name: 'appendixReaders',
    label: 'Who may see the appendix not for publication',
    kind: 'choice',
    required: true,
    options: () => [
      { value: 'director', text: 'Directors' },
      { value: 'managers', text: 'Directors and service managers' },
      { value: 'figures', text: 'Directors, service managers and performance analysts' },
    ],
  },
];

const themeField = (theme: string) => `commentary-${theme.replaceAll(' ', '-')}`;

/** The form's values from the words kept. */
function valuesOf(words: ReportWords): Record<string, unknown> {
  const readers = Object.entries(APPENDIX_READERS).find(
    ([, roles]) => roles.join() === words.exemptAppendixRoles.join(),
  )?.[0];
  const [year, month, day] = (words.meetingDate ?? '--').split('-');
  return {
    committee: words.committee,
    'meetingDate-day': day ? String(Number(day)) : '',
    'meetingDate-month': month ? String(Number(month)) : '',
    'meetingDate-year': year ?? '',
    author: words.author,
    classification: words.classification,
    exemptParagraph: words.exemptParagraph === null ? '' : String(words.exemptParagraph),
    summary: words.summary,
    recommendations: words.recommendations,
    ...Object.fromEntries(
      Object.keys(themeNames).map((theme) => [themeField(theme), words.commentary[theme] ?? '']),
    ),
    ...Object.fromEntries(
      IMPLICATIONS.map(({ kind }) => [`implication-${kind}`, words.implications[kind] ?? '']),
    ),
    exemptAppendix: words.exemptAppendix,
    appendixReaders: readers ?? 'director',
  };
}

/** The words from the form's values, or the problems with them. */
function wordsOf(values: RecordValues): ReportWords {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const classification = text('classification') === 'exempt' ? 'exempt' : 'public';
  if (classification === 'exempt' && !text('exemptParagraph'))
    throw new ValidationError([
      { path: 'exemptParagraph', message: 'Choose the paragraph of Schedule 12A the report is exempt under' },
    ]);
  return {
    committee: text('committee'),
    meetingDate: text('meetingDate') || null,
    author: text('author'),
    classification,
    exemptParagraph: classification === 'exempt' ? Number(text('exemptParagraph')) : null,
    summary: text('summary'),
    recommendations: text('recommendations'),
    commentary: Object.fromEntries(Object.keys(themeNames).map((theme) => [theme, text(themeField(theme))])),
    implications: Object.fromEntries(IMPLICATIONS.map(({ kind }) => [kind, text(`implication-${kind}`)])),
    exemptAppendix: text('exemptAppendix'),
    exemptAppendixRoles: APPENDIX_READERS[text('appendixReaders')] ?? APPENDIX_READERS.director!,
  };
}

function periodNamed(key: string): ReportPeriod {
  const period = reportPeriodOf(key);
  if (!period) throw new NotFound();
  return period;
}

/** The reports someone can ask for as at today: the last two financial years ended or running, the last 4 quarters. */
function reportsToChoose(actor: Actor) {
  const year = financialYearOf(actor.today);
  const quarters = lastWholeQuarters(actor.today, 4).reverse();
  return {
    years: [year - 1, year - 2].map((start) => reportPeriodOf(String(start))!),
    quarters: quarters.map((quarter) => {
      const number = Math.floor(((Number(quarter.start.slice(5, 7)) + 8) % 12) / 3) + 1;
      return reportPeriodOf(`${financialYearOf(quarter.start)}-Q${number}`)!;
    }),
  };
}

/** Committee reports: choose one, read it, write its words, download it (issue 20, part 5). */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  const views = createViews();
  await selfEvaluationRoutes(app);

  app.get(
    '/performance/reports',
    { config: access('figures:read', 'none'), schema: { hide: true } },
    async (request, reply) =>
      reply.page('reports/views/choose.njk', {
        pageTitle: 'Committee reports',
        ...reportsToChoose(actorOf(request)),
      }),
  );

  app.get<{ Params: Static<typeof ReportParams>; Querystring: Static<typeof ReportQuery> }>(
    '/performance/reports/:key',
    {
      config: access('figures:read', 'none'),
      schema: { params: ReportParams, querystring: ReportQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await committeeReport(db, actor, periodNamed(request.params.key));
      const format = request.query.format;
      if (format)
        return reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
          .send(await reportFile(views, report, format));
      return reply.page('reports/views/report-page.njk', {
        pageTitle: report.title,
        report,
        exemptRoles: rolesInWords(report.exemptAppendix?.roles ?? []),
        downloads: [
          { format: 'pdf', text: 'PDF' },
          { format: 'docx', text: 'Word' },
          { format: 'html', text: 'HTML' },
        ],
      });
    },
  );

  const renderForm = (
    key: string,
    values: Record<string, unknown>,
    problems: ValidationError['fields'] = [],
  ) => ({
    pageTitle: `The words of the report on ${periodNamed(key).period.label}`,
    caption: 'Committee reports',
    fields: wordFields.map((field) => ({
      ...field,
      options: field.kind === 'choice' ? field.options('') : undefined,
    })),
    values,
    cancel: `/performance/reports/${key}`,
    ...formErrors(problems),
  });

  app.get<{ Params: Static<typeof ReportParams> }>(
    '/performance/reports/:key/words',
    { config: access('figures:read', 'none'), schema: { params: ReportParams, hide: true } },
    async (request, reply) => {
      const { period } = periodNamed(request.params.key);
      const words = await wordsOfReport(db, actorOf(request).councilId, period);
      return reply.page('recording/record-form.njk', renderForm(request.params.key, valuesOf(words)));
    },
  );

  app.post<{ Params: Static<typeof ReportParams>; Body: Record<string, unknown> }>(
    '/performance/reports/:key/words',
    { config: access('figures:read', 'report.words-saved'), schema: { params: ReportParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { period } = periodNamed(request.params.key);
      const body = request.body ?? {};
      try {
        const parsed = parseFormFields(wordFields, body, actor.today);
        if (parsed.problems.length) throw new ValidationError(parsed.problems);
        await keepReportWords(db, actor, period, wordsOf(parsed.values));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page('recording/record-form.njk', renderForm(request.params.key, body, error.fields));
      }
      return reply.redirect(`/performance/reports/${request.params.key}`, 303);
    },
  );
}

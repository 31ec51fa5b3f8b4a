import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ILACS_AREAS, SELF_EVALUATION_QUESTIONS } from '../../domain/reports/self-evaluation.ts';
import { actorOf } from '../../platform/authentication.ts';
import { NotFound, type ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { createViews } from '../../platform/views.ts';
import { CONTENT_TYPES, REPORT_FORMATS, selfEvaluationFile, selfEvaluationFileName } from './render.ts';
import {
  answersOfYear,
  keepSelfEvaluation,
  selfEvaluation,
  type SelfEvaluation,
  type SelfEvaluationAnswers,
} from './self-evaluation.ts';

/** The longest answer kept: about three pages of A4. */
export const LONGEST_ANSWER = 10_000;

const YearParams = Type.Object({ year: Type.String({ pattern: '^\\d{4}$' }) });
const FormatQuery = Type.Object({
  format: Type.Optional(Type.Union(REPORT_FORMATS.map((format) => Type.Literal(format)))),
});

const fieldName = (area: string, question: string) => `${area}-${question}`;

/** The financial year a page names, or not found. */
function yearNamed(text: string): number {
  const year = Number(text);
  if (year < 2000 || year > 2200) throw new NotFound();
  return year;
}

/** The form's values from the answers kept. */
function valuesOf(answers: SelfEvaluationAnswers): Record<string, string> {
  return Object.fromEntries(
    ILACS_AREAS.flatMap(({ area }) =>
      SELF_EVALUATION_QUESTIONS.map(({ key }) => [fieldName(area, key), answers[area][key]]),
    ),
  );
}

/** The answers from the form, or the problems with them, each naming its field, area and question. */
function answersOf(body: Record<string, unknown>): {
  answers: SelfEvaluationAnswers;
  problems: ValidationError['fields'];
} {
  const problems: ValidationError['fields'] = [];
  const answers = Object.fromEntries(
    ILACS_AREAS.map(({ area, heading }) => [
      area,
      Object.fromEntries(
        SELF_EVALUATION_QUESTIONS.map(({ key, question }) => {
          const name = fieldName(area, key);
          const text = typeof body[name] === 'string' ? (body[name] as string).trim() : '';
          if (text.length > LONGEST_ANSWER)
            problems.push({
              path: name,
              message: `The answer to “${question}” under ${heading.toLowerCase()} must be ${LONGEST_ANSWER.toLocaleString('en-GB')} characters or fewer`,
            });
          return [key, text];
        }),
      ),
    ]),
  ) as SelfEvaluationAnswers;
  return { answers, problems };
}

/** The self-evaluation of social work practice for a financial year: read it, write its answers, download it. */
export async function selfEvaluationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  const views = createViews();

  app.get<{ Params: Static<typeof YearParams>; Querystring: Static<typeof FormatQuery> }>(
    '/performance/reports/self-evaluation/:year',
    {
      config: access('figures:read', 'none'),
      schema: { params: YearParams, querystring: FormatQuery, hide: true },
    },
    async (request, reply) => {
      const evaluation = await selfEvaluation(db, actorOf(request), yearNamed(request.params.year));
      const format = request.query.format;
      if (format)
        return reply
          .type(CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `attachment; filename="${selfEvaluationFileName(evaluation, format)}"`,
          )
          .send(await selfEvaluationFile(views, evaluation, format));
      return reply.page('reports/views/self-evaluation-page.njk', {
        pageTitle: evaluation.title,
        evaluation,
        downloads: [
          { format: 'pdf', text: 'PDF' },
          { format: 'docx', text: 'Word' },
          { format: 'html', text: 'HTML' },
        ],
      });
    },
  );

  const renderForm = (
    evaluation: SelfEvaluation,
    values: Record<string, unknown>,
    problems: ValidationError['fields'] = [],
  ) => ({
    pageTitle: `The self-evaluation for ${evaluation.period.label}`,
    period: evaluation.period,
    areas: evaluation.areas,
    values,
    cancel: `/performance/reports/self-evaluation/${evaluation.year}`,
    ...formErrors(problems),
  });

  app.get<{ Params: Static<typeof YearParams> }>(
    '/performance/reports/self-evaluation/:year/words',
    { config: access('figures:read', 'none'), schema: { params: YearParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const year = yearNamed(request.params.year);
      const [evaluation, kept] = await Promise.all([
        selfEvaluation(db, actor, year),
        answersOfYear(db, actor.councilId, year),
      ]);
      return reply.page(
        'reports/views/self-evaluation-form.njk',
        renderForm(evaluation, valuesOf(kept.answers)),
      );
    },
  );

  app.post<{ Params: Static<typeof YearParams>; Body: Record<string, unknown> }>(
    '/performance/reports/self-evaluation/:year/words',
    {
      config: access('figures:read', 'self-evaluation.words-saved'),
      schema: { params: YearParams, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const year = yearNamed(request.params.year);
      const { answers, problems } = answersOf(request.body ?? {});
      if (problems.length) {
        const evaluation = await selfEvaluation(db, actor, year);
        return reply
          .code(400)
          .page(
            'reports/views/self-evaluation-form.njk',
            renderForm(evaluation, request.body ?? {}, problems),
          );
      }
      await keepSelfEvaluation(db, actor, year, answers);
      return reply.redirect(`/performance/reports/self-evaluation/${year}`, 303);
    },
  );
}

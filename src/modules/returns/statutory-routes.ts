import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/authentication.ts';
import { formErrors } from '../../platform/forms.ts';
import { roleCan } from '../../platform/permissions.ts';
import { access } from '../../platform/route-table.ts';
import { findingsForPage, makeReturn, type ReturnChoice, type StatutoryReturn } from './statutory-returns.ts';

const years = [2025];
const kinds: readonly StatutoryReturn[] = ['ssda903', 'cin', 'annex-a'];
const names: Record<StatutoryReturn, string> = {
  ssda903: 'SSDA903 children looked after',
  cin: 'Children in need census',
  'annex-a': 'Ofsted’s Annex A',
};

type Query = { return?: string; year?: string };

/** The return and year asked for, or the fields to fix. */
function choiceOf(query: Query): { choice?: ReturnChoice; problems: { path: string; message: string }[] } {
  const problems = [];
  if (!kinds.includes(query.return as StatutoryReturn))
    problems.push({ path: 'return', message: 'Choose a return' });
  const year = Number(query.year ?? years[0]);
  if (!years.includes(year))
    problems.push({ path: 'year', message: 'Choose a collection year Hearth knows' });
  return problems.length
    ? { problems }
    : { choice: { kind: query.return as StatutoryReturn, year }, problems };
}

/**
 * Statutory returns (issue 18, part 5): a performance analyst or manager chooses the return and year, sees what
 * Hearth's own validation finds by rule, with the children (linked, for those who may read them; counted for
 * anyone else), and downloads the files. Each return made is audited as the person's.
 */
export async function statutoryReturnRoutes(app: FastifyInstance): Promise<void> {
  const page = (values: Query, extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Statutory returns',
    values: { return: values.return ?? '', year: values.year ?? String(years[0]) },
    yearItems: years.map((year) => ({
      value: String(year),
      text: `${year} to ${year + 1}`,
      selected: String(year) === (values.year ?? String(years[0])),
    })),
    names,
    errors: {},
    ...extra,
  });

  app.get<{ Querystring: Query }>(
    '/returns',
    { config: access('returns:validate', 'return.exported'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.query.return === undefined) return reply.page('returns/views/returns.njk', page({}));
      const { choice, problems } = choiceOf(request.query);
      if (!choice) {
        const errors = formErrors(problems);
        return reply.code(400).page('returns/views/returns.njk', {
          ...page(request.query, errors),
          pageTitle: 'Error: Statutory returns',
        });
      }
      const made = await makeReturn(app.hearth.db, actor, choice);
      const groups = await findingsForPage(app.hearth.db, actor, made.findings);
      return reply.page(
        'returns/views/returns.njk',
        page(request.query, {
          report: {
            name: names[choice.kind],
            kind: choice.kind,
            year: choice.year,
            fileName: made.file.name,
            today: actor.today,
            childrenText: `${made.children.toLocaleString('en-GB')} ${made.children === 1 ? 'child' : 'children'}`,
            lists: made.lists,
            errors: made.findings.filter((finding) => finding.severity === 'error').length,
            queries: made.findings.filter((finding) => finding.severity === 'query').length,
            groups,
            namesChildren: roleCan(actor.role, 'child:read'),
          },
        }),
      );
    },
  );

  app.get<{ Querystring: Query }>(
    '/returns/download',
    { config: access('returns:validate', 'return.exported'), schema: { hide: true } },
    async (request, reply) => {
      const { choice, problems } = choiceOf(request.query);
      if (!choice)
        return reply.code(400).page('returns/views/returns.njk', page(request.query, formErrors(problems)));
      const made = await makeReturn(app.hearth.db, actorOf(request), choice);
      return reply
        .type(made.file.type)
        .header('content-disposition', `attachment; filename="${made.file.name}"`)
        .send(typeof made.file.content === 'string' ? made.file.content : Buffer.from(made.file.content));
    },
  );
}

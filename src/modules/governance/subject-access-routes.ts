import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { NotFound } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { createViews } from '../../platform/views.ts';
import { disclosureFile, disclosureFileName, kindWords, sectionsHtml } from './subject-access-render.ts';
import {
  exportSource,
  exportSubjectAccess,
  findChildForSubjectAccess,
  reviewSubjectAccess,
  type SubjectAccessRecord,
} from './subject-access-service.ts';

const SUBJECT_ACCESS = 'records:subject-access';

const FindQuery = Type.Object({ localId: Type.Optional(Type.String({ maxLength: 64 })) });
const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
/** The officer's choices: `reviewed` once they have seen the list; then only the ticked parties are withheld. */
const Choices = {
  reviewed: Type.Optional(Type.Literal('yes')),
  redact: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 64 }),
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 }),
    ]),
  ),
};
const ReviewQuery = Type.Object(Choices);
const ExportQuery = Type.Object({
  ...Choices,
  format: Type.Union([Type.Literal('html'), Type.Literal('pdf')]),
});

/** Whom to withhold: those ticked once the officer has reviewed; before that, every third party. */
function chosenFrom(query: Static<typeof ReviewQuery>) {
  return (record: SubjectAccessRecord): ReadonlySet<string> => {
    const keys = record.thirdParties.map((party) => party.key);
    if (query.reviewed !== 'yes') return new Set(keys);
    const ticked = new Set([query.redact ?? []].flat());
    return new Set(keys.filter((key) => ticked.has(key)));
  };
}

/** A subject access request: find the child, review the record and its third parties, download it (issue 22 part 8). */
export async function subjectAccessRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  const views = createViews();

  app.get<{ Querystring: Static<typeof FindQuery> }>(
    '/subject-access',
    { config: access(SUBJECT_ACCESS, 'none'), schema: { querystring: FindQuery, hide: true } },
    async (request, reply) => {
      const localId = request.query.localId?.trim();
      if (localId === undefined)
        return reply.page('governance/views/subject-access-find.njk', {
          pageTitle: 'Subject access request',
          values: {},
        });
      const problem = localId
        ? await findChildForSubjectAccess(db, actorOf(request), localId).then(
            (child) => child,
            (error: unknown) => {
              if (error instanceof NotFound) return 'No child the council holds has this ID';
              throw error;
            },
          )
        : 'Enter the child’s council ID';
      if (typeof problem !== 'string') return reply.redirect(`/subject-access/${problem.id}`, 303);
      return reply.code(400).page('governance/views/subject-access-find.njk', {
        pageTitle: 'Subject access request',
        values: { localId },
        ...formErrors([{ path: 'localId', message: problem }]),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ReviewQuery> }>(
    '/subject-access/:childId',
    {
      config: access(SUBJECT_ACCESS, 'subject-access.viewed'),
      schema: { params: ChildParams, querystring: ReviewQuery, hide: true },
    },
    async (request, reply) => {
      const record = await reviewSubjectAccess(db, actorOf(request), request.params.childId);
      const redacted = chosenFrom(request.query)(record);
      return reply.page('governance/views/subject-access-review.njk', {
        pageTitle: `${record.name} – Subject access request`,
        record,
        parties: record.thirdParties.map((party) => ({
          value: party.key,
          text: party.label,
          hint: {
            text: `${kindWords[party.kind]}: ${party.appears === 1 ? 'once' : `${party.appears} times`} in the record`,
          },
          checked: redacted.has(party.key),
        })),
        sections: sectionsHtml(record, 'review', redacted),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ExportQuery> }>(
    '/subject-access/:childId/export',
    {
      config: access(SUBJECT_ACCESS, 'subject-access.exported'),
      schema: { params: ChildParams, querystring: ExportQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format } = request.query;
      const { record, redacted } = await exportSubjectAccess(
        db,
        exportSource(actor),
        request.params.childId,
        chosenFrom(request.query),
        format,
        actor,
      );
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${disclosureFileName(record, format)}"`)
        .send(await disclosureFile(views, record, redacted, format));
    },
  );
}

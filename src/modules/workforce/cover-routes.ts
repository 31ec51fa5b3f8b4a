import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { caseRoles, isCaseRole } from '../../domain/workforce/allocation-rules.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import { absenceWords, arrangeCover, viewCoverProposal, viewWorkerCaseload } from './cover-service.ts';

const WorkerParams = Type.Object({ workerId: Type.String({ maxLength: 64 }) });
// One choice per child, named cover-<child id>; an empty choice leaves that child without cover for now.
const CoverForm = Type.Object(
  { absenceId: Type.String({ maxLength: 64 }), _csrf: Type.Optional(Type.String()) },
  { additionalProperties: Type.String({ maxLength: 64 }) },
);
type Worker = { Params: Static<typeof WorkerParams> };

const roleName = (role: string) => (isCaseRole(role) ? caseRoles[role] : role);

/** Cover for leave and sickness in one step (issue 17, part 4): the worker's caseload, and cover proposed. */
export async function coverRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<Worker>(
    '/workers/:workerId/caseload',
    { config: access('child:allocate', 'caseload.viewed'), schema: { params: WorkerParams, hide: true } },
    async (request, reply) => {
      const { worker, children, hidden, absence } = await viewWorkerCaseload(
        db,
        actorOf(request),
        request.params.workerId,
      );
      return reply.page('workforce/views/worker-caseload.njk', {
        pageTitle: `Caseload – ${worker.given_name} ${worker.family_name}`,
        worker,
        hidden,
        absence: absence && absenceWords(absence),
        rows: children.map((child) => [
          { html: childLink(child) },
          { text: roleName(child.case_role) },
          { text: ukDate(child.from_date) },
          { text: child.cover_name ? coverText(child.cover_name, child.cover_to) : 'None' },
        ]),
      });
    },
  );

  const coverView = async (actor: Actor, workerId: string, values: Record<string, string>, extra: object) => {
    const proposal = await viewCoverProposal(db, actor, workerId);
    const choices = (childId: string, proposed: string | null) => [
      { value: '', text: 'No cover for now' },
      ...proposal.candidates.map((candidate) => ({
        value: candidate.id,
        text: `${candidate.name} (${candidate.caseload}${candidate.target === null ? '' : ` of ${candidate.target}`})`,
        selected: (values[`cover-${childId}`] ?? proposed) === candidate.id,
      })),
    ];
    return {
      pageTitle: `Cover for leave and sickness – ${proposal.worker.given_name} ${proposal.worker.family_name}`,
      worker: proposal.worker,
      absence: proposal.absence && { id: proposal.absence.id, words: absenceWords(proposal.absence) },
      from: proposal.absence?.from,
      shortfall: proposal.shortfall,
      hidden: proposal.hidden,
      errors: {},
      children: proposal.children.map((child) => ({
        id: child.child_id,
        link: childLink(child),
        name: `${child.given_name} ${child.family_name}`,
        role: roleName(child.case_role),
        covered: child.cover_name ? coverText(child.cover_name, child.cover_to) : null,
        why: child.proposal?.why ?? '',
        overTarget: child.proposal?.overTarget ?? false,
        choices: choices(child.child_id, child.proposal?.workerId ?? null),
      })),
      ...extra,
    };
  };

  app.get<Worker>(
    '/workers/:workerId/cover',
    { config: access('child:allocate', 'caseload.viewed'), schema: { params: WorkerParams, hide: true } },
    async (request, reply) =>
      reply.page(
        'workforce/views/cover.njk',
        await coverView(actorOf(request), request.params.workerId, {}, {}),
      ),
  );

  app.post<Worker & { Body: Static<typeof CoverForm> }>(
    '/workers/:workerId/cover',
    {
      config: access('child:allocate', 'worker.cover-arranged'),
      schema: { params: WorkerParams, body: CoverForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { workerId } = request.params;
      const values = request.body as Record<string, string>;
      const coverBy = new Map(
        Object.entries(values)
          .filter(([name, value]) => name.startsWith('cover-') && value !== '')
          .map(([name, value]) => [name.slice('cover-'.length), value]),
      );
      try {
        await arrangeCover(db, actor, workerId, { absenceId: request.body.absenceId, coverBy });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page(
            'workforce/views/cover.njk',
            await coverView(actor, workerId, values, formErrors(error.fields)),
          );
      }
      return reply.redirect(`/workers/${workerId}/cover`, 303);
    },
  );
}

function childLink(child: { child_id: string; given_name: string; family_name: string }): string {
  return `<a class="govuk-link" href="/children/${child.child_id}">${escapeHtml(`${child.given_name} ${child.family_name}`)}</a>`;
}

function coverText(name: string, to: string | null): string {
  return `${name}${to ? ` until ${ukDate(to)}` : ', until the return'}`;
}

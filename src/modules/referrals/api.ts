import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { authoriseAssessment, recordAssessment } from './assessment-service.ts';
import {
  apiContact,
  apiDate,
  AssessmentBody,
  AssessmentParams,
  AuthoriseBody,
  ChildParams,
  CloseBody,
  ContactBody,
  Created,
  EpisodeParams,
  EpisodeSummary,
  ReferralBody,
  Versioned,
} from './schemas.ts';
import { closeEpisode, recordContact, recordReferral, viewJourney } from './service.ts';
import { episodeSummary } from './views/journey-view-models.ts';

/** The JSON API of the front door and assessment; refusals answer 400 with field paths, stale edits 409. */
export async function referralApiRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  const refusals = { 400: Type.Any(), 404: Type.Any() };

  app.get<{ Params: Static<typeof ChildParams> }>(
    '/api/children/:childId/episodes',
    {
      config: access('child:read', 'episodes.viewed'),
      schema: {
        summary: 'A child’s episodes of need, newest first, with their assessments',
        params: ChildParams,
        response: { 200: Type.Array(EpisodeSummary) },
      },
    },
    async (request) =>
      (await viewJourney(db, actorOf(request), request.params.childId)).episodes.map(episodeSummary),
  );

  app.post<{ Params: Static<typeof ChildParams>; Body: Static<typeof ContactBody> }>(
    '/api/children/:childId/contacts',
    {
      config: access('child:write', 'contact.recorded'),
      schema: {
        summary: 'Record a contact and the decision on it',
        params: ChildParams,
        body: ContactBody,
        response: { 201: Created, ...refusals },
      },
    },
    async (request, reply) => {
      const { id } = await recordContact(
        db,
        actorOf(request),
        request.params.childId,
        apiContact(request.body),
      );
      return reply.code(201).send({ id });
    },
  );

  app.post<{ Params: Static<typeof ChildParams>; Body: Static<typeof ReferralBody> }>(
    '/api/children/:childId/referrals',
    {
      config: access('child:write', 'referral.recorded'),
      schema: {
        summary: 'Record a referral, opening an episode of need (refused if one is open)',
        params: ChildParams,
        body: ReferralBody,
        response: { 201: Created, ...refusals },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordReferral(db, actorOf(request), request.params.childId, {
        referralDate: apiDate(body.referralDate),
        source: body.source,
        primaryNeed: body.primaryNeed,
        noFurtherAction: body.noFurtherAction ?? false,
        contactId: body.contactId ?? null,
      });
      return reply.code(201).send({ id });
    },
  );

  app.post<{ Params: Static<typeof EpisodeParams>; Body: Static<typeof AssessmentBody> }>(
    '/api/children/:childId/episodes/:episodeId/assessments',
    {
      config: access('child:write', 'assessment.recorded'),
      schema: {
        summary: 'Record an assessment in an episode of need',
        params: EpisodeParams,
        body: AssessmentBody,
        response: { 201: Created, ...refusals },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordAssessment(
        db,
        actorOf(request),
        request.params.childId,
        request.params.episodeId,
        {
          startDate: apiDate(body.startDate),
          factors: body.factors,
          outcome: body.outcome ?? '',
          summary: body.summary ?? '',
        },
      );
      return reply.code(201).send({ id });
    },
  );

  app.post<{ Params: Static<typeof AssessmentParams>; Body: Static<typeof AuthoriseBody> }>(
    '/api/children/:childId/assessments/:assessmentId/authorisation',
    {
      config: access('casework:authorise', 'assessment.authorised'),
      schema: {
        summary: 'Authorise an assessment (managers); 409 if `version` is stale',
        params: AssessmentParams,
        body: AuthoriseBody,
        response: { 200: Versioned, ...refusals, 409: Type.Any() },
      },
    },
    async (request) => {
      const body = request.body;
      const version = await authoriseAssessment(
        db,
        actorOf(request),
        request.params.childId,
        request.params.assessmentId,
        {
          authorisedOn: apiDate(body.authorisedOn),
          outcome: body.outcome,
          version: body.version,
        },
      );
      return { version };
    },
  );

  app.post<{ Params: Static<typeof EpisodeParams>; Body: Static<typeof CloseBody> }>(
    '/api/children/:childId/episodes/:episodeId/closure',
    {
      config: access('child:write', 'episode.closed'),
      schema: {
        summary: 'Close an episode of need with a CIN reason for closure; 409 if `version` is stale',
        params: EpisodeParams,
        body: CloseBody,
        response: { 200: Versioned, ...refusals, 409: Type.Any() },
      },
    },
    async (request) => {
      const body = request.body;
      const version = await closeEpisode(
        db,
        actorOf(request),
        request.params.childId,
        request.params.episodeId,
        {
          closedOn: apiDate(body.closedOn),
          reason: body.reason,
          version: body.version,
        },
      );
      return { version };
    },
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { londonDate } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import {
  decideDuplicateReview,
  decisionWords,
  duplicateReviewQueue,
  viewDuplicateReview,
} from './duplicate-reviews.ts';
import { reviewFacts } from './views/front-door-view-models.ts';

const ReviewParams = Type.Object({ reviewId: Type.String({ format: 'uuid' }) });
const QueueQuery = Type.Object({ decided: Type.Optional(Type.Literal('different-child')) });
const DecisionForm = Type.Object({
  decision: Type.Optional(Type.String({ maxLength: 40 })),
  _csrf: Type.Optional(Type.String()),
});

/** Service managers' queue of possible duplicates at the front door, and their decision on each (issue 17). */
export async function duplicateReviewRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof QueueQuery> }>(
    '/duplicate-reviews',
    {
      config: access('duplicates:review', 'children.listed'),
      schema: { querystring: QueueQuery, hide: true },
    },
    async (request, reply) => {
      const reviews = await duplicateReviewQueue(db, actorOf(request));
      return reply.page('front-door/views/duplicate-reviews.njk', {
        pageTitle: 'Possible duplicates to review',
        decided: request.query.decided === 'different-child',
        reviews: reviews.map((review) => ({
          ...review,
          raisedOn: londonDate(review.raised_at),
          facts: reviewFacts(review),
        })),
      });
    },
  );

  type Review = { Params: Static<typeof ReviewParams>; Body: Static<typeof DecisionForm> };
  const reviewPage = async (request: FastifyRequest<Review>) => {
    const review = await viewDuplicateReview(db, actorOf(request), request.params.reviewId);
    return {
      pageTitle: `Is this ${review.given_name} ${review.family_name}?`,
      review: { ...review, facts: reviewFacts(review) },
      decisions: Object.entries(decisionWords).map(([value, text]) => ({ value, text })),
    };
  };

  app.get<Review>(
    '/duplicate-reviews/:reviewId',
    {
      config: access('duplicates:review', 'front-door.duplicate-viewed'),
      schema: { params: ReviewParams, hide: true },
    },
    async (request, reply) => reply.page('front-door/views/duplicate-review.njk', await reviewPage(request)),
  );

  app.post<Review>(
    '/duplicate-reviews/:reviewId',
    {
      config: access('duplicates:review', 'front-door.duplicate-reviewed'),
      schema: { params: ReviewParams, body: DecisionForm, hide: true },
    },
    async (request, reply) => {
      try {
        const decided = await decideDuplicateReview(
          db,
          actorOf(request),
          request.params.reviewId,
          String(request.body.decision ?? ''),
        );
        // The same child: the manager goes on to record the contact on the existing record.
        return reply.redirect(
          decided.decision === 'same-child'
            ? `/children/${decided.childId}/contacts/new`
            : '/duplicate-reviews?decided=different-child',
          303,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page('front-door/views/duplicate-review.njk', {
          ...(await reviewPage(request)),
          ...formErrors(error.fields),
        });
      }
    },
  );
}

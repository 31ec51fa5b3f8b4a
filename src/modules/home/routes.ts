import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/authentication.ts';
import { londonDate } from '../../platform/actor.ts';
import { roleCan, roleNames } from '../../platform/permissions.ts';
import { myDuplicateQuestions } from '../front-door/duplicate-reviews.ts';
import { access } from '../../platform/route-table.ts';
import { assessmentsReturnedTo } from '../referrals/assessment-service.ts';
import { myReminders } from '../reminders/service.ts';
import { myOpenActions } from '../supervision/service.ts';
import { obligationWords } from '../timescales/views/timescale-view-models.ts';

/** The page a person lands on after signing in. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/home',
    { config: access('signed-in', 'children.listed'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const reminders = await myReminders(app.hearth.db, actor);
      const returned = await assessmentsReturnedTo(app.hearth.db, actor);
      const actions = await myOpenActions(app.hearth.db, actor);
      // The answers to the worker's possible duplicates at the front door (front-door/duplicate-reviews.ts).
      const questions = roleCan(actor.role, 'front-door:record')
        ? await myDuplicateQuestions(app.hearth.db, actor)
        : [];
      return reply.page('home/views/home.njk', {
        pageTitle: `Welcome, ${actor.name}`,
        roleName: roleNames[actor.role],
        reminders,
        returned,
        overdueActions: actions.overdue,
        duplicateQuestions: questions.map((question) => ({
          ...question,
          raisedOn: londonDate(question.raisedAt),
          decidedOn: question.decidedAt ? londonDate(question.decidedAt) : null,
        })),
        obligationWords,
      });
    },
  );
}

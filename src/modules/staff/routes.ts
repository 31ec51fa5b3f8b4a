import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/authentication.ts';
import { roleNames, isRole } from '../../platform/permissions.ts';
import { access } from '../../platform/route-table.ts';
import { listUsers } from './service.ts';

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/staff',
    { config: access('staff:manage', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const users = await listUsers(app.hearth.db, {
        councilId: actor.councilId,
        today: actor.today,
        now: actor.now,
      });
      return reply.page('staff/views/staff.njk', {
        pageTitle: 'Staff',
        rows: users.map((user) => [
          { text: user.name },
          { text: user.email },
          { text: isRole(user.role) ? roleNames[user.role] : user.role },
          { text: user.teams.join(', ') || 'None' },
          { text: user.locked ? 'Locked' : 'Active' },
        ]),
      });
    },
  );
}

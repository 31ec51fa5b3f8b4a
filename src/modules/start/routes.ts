import type { FastifyInstance } from 'fastify';
import { access } from '../../platform/route-table.ts';

/** The start page: what Hearth is and where to sign in. */
export async function startRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: access('public', 'none'), schema: { hide: true } }, async (_request, reply) =>
    reply.page('start/views/start.njk', { pageTitle: "Children's social care record" }),
  );
}

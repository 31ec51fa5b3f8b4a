import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access } from './route-table.ts';

/** `/health` answers for the process alone: it never touches the database, so a load balancer can poll it. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      config: access('public', 'none'),
      schema: {
        summary: 'Whether the Hearth process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
}

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access } from './route-table.ts';

/**
 * `/health` answers for the process alone: it never touches the database, reads no session and makes no visitor
 * cookie, so a load balancer can poll it; its requests are not logged, or the polls would bury the log.
 */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      config: { ...access('public', 'none'), sessionless: true },
      logLevel: 'warn',
      schema: {
        summary: 'Whether the Hearth process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
}

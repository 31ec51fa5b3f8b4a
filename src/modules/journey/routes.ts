import type { FastifyInstance } from 'fastify';
import { registerRecordings, forChild, type Recording } from '../../platform/recording/routes.ts';
import { recordDeath } from './death.ts';
import { childCaption } from './service.ts';

/**
 * What ends a child's journey whatever stage it is at: their death (CIN census reason for closure RC2; SSDA903 E2),
 * recorded once, as a form page and an API endpoint.
 */
export const journeyRecordings: Recording[] = [
  {
    path: '/children/:childId/death',
    title: 'Record that the child has died',
    guidance:
      'This is recorded once. It closes the open episode of need and any period of care on that day, ends every allocation and everything due, and nothing can be recorded after it.',
    permission: 'child:write',
    audit: 'child.died.recorded',
    fields: [{ name: 'diedOn', label: 'Date of death', kind: 'date', required: true, notFuture: true }],
    context: (db, actor, params) => childCaption(db, actor, params.childId!),
    record: forChild(recordDeath),
    returnTo: (params) => `/children/${params.childId}/journey`,
  },
];

export async function journeyRoutes(app: FastifyInstance): Promise<void> {
  registerRecordings(app, journeyRecordings);
}

import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';
import { londonDate } from '../../platform/actor.ts';
import type { DfeApiConfig } from '../../platform/dfe-api-config.ts';
import { dfeApiClient, type DfeApiSender } from './client.ts';
import { councilDfeCode, sentOn } from './queries.ts';
import { runDfeApi } from './service.ts';
import { repeatEvery } from '../../platform/repeating-job.ts';

const HOUR = 3_600_000;

/** The client for the council's endpoint: the DfE's number for the council is the `la_code` in its path. */
export async function senderFor(
  db: Database,
  config: DfeApiConfig,
  councilId: string,
): Promise<DfeApiSender> {
  const laCode = await councilDfeCode(db, councilId);
  if (!laCode) throw new Error('the council has no DfE number (dfe_code), which the DfE API needs');
  return dfeApiClient(config, laCode);
}

/**
 * The daily DfE API job, when `HEARTH_DFE_API_*` is configured: once a day the configured council's changed
 * documents are sent. It checks every hour whether today's run was sent, so a restart or a failed run catches up
 * within the hour, and only one run goes at a time. Nothing is scheduled when the API is not configured.
 */
export function scheduleDailyDfeApi(app: FastifyInstance, sender?: DfeApiSender): () => Promise<void> {
  const { db, clock, config } = app.hearth;
  const dfeApi = config.dfeApi;
  if (!dfeApi) return async () => {};
  const run = async () => {
    const now = clock();
    const today = londonDate(now);
    if (await sentOn(db, dfeApi.councilId, today)) return;
    const result = await runDfeApi(db, dfeApi.councilId, {
      now,
      today,
      sender: sender ?? (await senderFor(db, dfeApi, dfeApi.councilId)),
    });
    app.log.info(
      {
        council: dfeApi.councilId,
        documents: result.documents.length,
        undelivered: result.undelivered.length,
      },
      'Sent the day’s documents to the DfE children’s social care API',
    );
  };
  return repeatEvery(HOUR, run, app.log, 'The DfE API run failed; it will be tried again within the hour', {
    runNow: true,
  });
}

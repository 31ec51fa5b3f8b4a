import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.ts';
import { refreshObligations } from '../timescales/service.ts';

/**
 * Reworking the timescales a new standard or closure day changes, after the page has answered (issue 17 part 10:
 * saving took about 28 s when every child of the council was reworked before the next page could load). Only the
 * children it changes are reworked, a small batch per transaction, yielding between batches so that everyone's
 * pages keep their turn on the database. The daily rebuild catches anything left if the server stops half-way.
 */
interface Rework {
  total: number;
  done: number;
  failed: boolean;
}

const reworks = new Map<string, Set<Rework>>();
const batchSize = 100;

/** How far the council's reworks still running have gone, for the Local standards page; nothing when done. */
export function reworkUnderWay(councilId: string): Rework | undefined {
  const running = [...(reworks.get(councilId) ?? [])];
  if (running.length === 0) return undefined;
  return {
    total: running.reduce((sum, rework) => sum + rework.total, 0),
    done: running.reduce((sum, rework) => sum + rework.done, 0),
    failed: running.some((rework) => rework.failed),
  };
}

/** Starts reworking the children's timescales and returns at once. */
export function startRework(
  db: Database,
  councilId: string,
  childIds: readonly string[],
  clock: { now: Date; today: string },
  log: FastifyBaseLogger,
): void {
  if (childIds.length === 0) return;
  const rework: Rework = { total: childIds.length, done: 0, failed: false };
  const running = reworks.get(councilId) ?? new Set<Rework>();
  running.add(rework);
  reworks.set(councilId, running);
  const run = async () => {
    for (let start = 0; start < childIds.length; start += batchSize) {
      await new Promise((resolve) => setImmediate(resolve));
      await refreshObligations(db, councilId, { childIds: childIds.slice(start, start + batchSize) }, clock);
      rework.done += Math.min(batchSize, childIds.length - start);
    }
    running.delete(rework);
  };
  run().catch((error: unknown) => {
    rework.failed = true;
    log.error({ err: error }, 'Reworking timescales after a change of local standard failed');
  });
}

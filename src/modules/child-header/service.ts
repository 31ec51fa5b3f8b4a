import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { withTransaction } from '../../platform/transactions.ts';
import { journeyStatusOf } from '../journey/journey-record.ts';
import { readRecord, type ChildRecord } from '../record/service.ts';
import { obligationsOf } from '../timescales/service.ts';
import { workersWithTeams } from './queries.ts';
import { childHeaderView, type ChildHeaderView } from './views/header-view.ts';

export type { ChildHeaderView } from './views/header-view.ts';

/**
 * What the header on every page of a child says (issue 17, part 2): who the child is, their status from the
 * journey, current warnings, whether the record is restricted, who works with them, and what is due and overdue
 * from the stored obligations, the same rows My caseload and the home page read. The gatekeeper allows the read
 * (readRecord) or it is refused as "not found". It writes no audit entry of its own: it is shown only on pages
 * whose own service audits the read of the same child in the same request, and a second entry for every page
 * would double the child's access log.
 */
export async function childHeader(
  db: Database,
  actor: Actor,
  childId: string,
  /** The child's whole record as this request has already read it (the gatekeeper allowed it), to read it once. */
  alreadyRead?: ChildRecord,
): Promise<ChildHeaderView> {
  return withTransaction(db, actor, async (trx) => {
    const record = alreadyRead ?? (await readRecord(trx, actor, [childId])).get(childId)!;
    const status = journeyStatusOf(record, actor.today);
    const obligations =
      (await obligationsOf(trx, actor.councilId, [childId], actor.today)).get(childId) ?? [];
    const workerIds = [...new Set(record.allocations.map((allocation) => allocation.worker_id))];
    const workers = await workersWithTeams(trx, actor.councilId, workerIds, actor.today);
    return childHeaderView({ record, status, obligations, workers }, actor.today);
  });
}

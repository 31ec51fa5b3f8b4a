import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Tables } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import { pastDate, type DateEntry, type Problem } from '../../domain/journey/rules.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { statusesOf } from '../journey/service.ts';
import { obligationsOf } from '../timescales/service.ts';
import {
  allocationHistory,
  caseHolder,
  caseHolders,
  endAllocations,
  endAllocationsOn,
  insertAllocation,
  myCaseload,
  teamCaseloads,
} from './queries.ts';

export const caseRoles = {
  'allocated-worker': 'Allocated worker',
  'personal-adviser': 'Personal adviser',
  'independent-reviewing-officer': 'Independent reviewing officer',
  'co-worker': 'Co-worker',
  cover: 'Cover',
} as const;

/**
 * My caseload: the children allocated to me today, each with their journey status and the next statutory task due
 * (worked out by the timescales feature from the record). The read is audited with the children shown.
 */
export async function viewMyCaseload(db: Database, actor: Actor) {
  return withTransaction(db, actor, async (trx) => {
    const rows = (await myCaseload(trx, actor)).rows;
    const childIds = rows.map((row) => row.id);
    const obligations = await obligationsOf(trx, actor.councilId, childIds, actor.today);
    const statuses = await statusesOf(trx, actor, childIds);
    const children = rows.map((row) => {
      const open = (obligations.get(row.id) ?? [])
        .filter((obligation) => obligation.status === 'due' || obligation.status === 'overdue')
        .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
      const next = open[0];
      return {
        ...row,
        status: statuses.get(row.id)!,
        next_due: next
          ? { kind: next.kind as string, dueBy: next.dueBy, overdue: next.status === 'overdue' }
          : null,
      };
    });
    // Sorted by the next thing due (issue 8): the most pressing first, children with nothing due last.
    children.sort((a, b) =>
      (a.next_due?.dueBy ?? '9999-12-31').localeCompare(b.next_due?.dueBy ?? '9999-12-31'),
    );
    await appendAudit(trx, auditSource(actor), {
      action: 'caseload.viewed',
      details: { childIds: children.map((child) => child.id) },
    });
    return children;
  });
}

/** Team caseloads: each worker's count against the team's target, for the teams the actor manages (or all). */
export async function viewTeamCaseloads(db: Database, actor: Actor) {
  return withTransaction(db, actor, async (trx) => {
    const rows = (
      await teamCaseloads(trx, actor, actor.role === 'service-manager' || actor.role === 'director')
    ).rows;
    await appendAudit(trx, auditSource(actor), { action: 'caseloads.viewed' });
    return rows;
  });
}

/** A child's allocation history, and the workers who could be allocated. */
export async function viewAllocations(db: Database, actor: Actor, childId: string) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'read', [childId]);
    const history = await allocationHistory(trx, actor.councilId, childId);
    const workers = await caseHolders(trx, actor.councilId);
    await appendAudit(trx, auditSource(actor), { action: 'allocations.viewed', childId });
    return { history, workers };
  });
}

/**
 * Allocates (or reallocates) a child: a manager names the worker, the case role, the date and the reason. The
 * child's current allocation in the same case role ends the day before, and stays in the history.
 */
export async function allocateChild(
  db: Database,
  actor: Actor,
  childId: string,
  input: { workerId: string; caseRole: string; from: DateEntry; reason: string },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const problems: Problem[] = [];
    const worker = /^[0-9a-f-]{36}$/i.test(input.workerId)
      ? await caseHolder(trx, actor.councilId, input.workerId)
      : undefined;
    if (!worker) problems.push({ path: 'workerId', message: 'Select the worker to allocate' });
    if (!(input.caseRole in caseRoles))
      problems.push({ path: 'caseRole', message: 'Select the worker’s role on the case' });
    const from = pastDate(problems, 'from', input.from, actor.today, {
      missing: 'Enter the date the allocation starts',
      future: 'The date the allocation starts must be today or in the past',
    });
    if (!input.reason.trim())
      problems.push({ path: 'reason', message: 'Enter the reason for the allocation' });
    if (problems.length) throw new ValidationError(problems);
    await endAllocations(trx, actor.councilId, childId, input.caseRole, from!);
    const id = uuidv7();
    await insertAllocation(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      worker_id: input.workerId,
      case_role: input.caseRole,
      from_date: from!,
      reason: input.reason.trim(),
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.allocated',
      childId,
      details: {
        allocationId: id,
        workerId: input.workerId,
        caseRole: input.caseRole,
        reason: input.reason.trim(),
      },
    });
    return id;
  });
}

/**
 * Ends every allocation of a child who has died, on the day of death, inside the caller's transaction (which has
 * the gatekeeper's leave to write), with an audit entry naming the allocations ended. No worker holds a case past
 * a child's death, so it leaves every caseload from that day.
 */
export async function endAllocationsOnDeath(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  diedOn: string,
): Promise<void> {
  const ended = await endAllocationsOn(trx, actor.councilId, childId, diedOn);
  if (!ended.length) return;
  await appendAudit(trx, auditSource(actor), {
    action: 'allocations.ended',
    childId,
    details: { reason: 'The child died', on: diedOn, allocations: ended.map((allocation) => allocation.id) },
  });
}

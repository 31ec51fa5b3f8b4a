import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import type { DateEntry } from '../../domain/journey/rules.ts';
import {
  allocationEnding,
  allocationProblems,
  caseRoles,
  dayBefore,
  isCaseRole,
  longDate,
  type ChildForAllocation,
} from '../../domain/workforce/allocation-rules.ts';
import { requireChildren, visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { openJourney, statusesOf } from '../journey/service.ts';
import {
  allocationHistory,
  allocationMade,
  caseHolder,
  caseHolders,
  childrenForAllocation,
  endAllocations,
  endAllocationsOn,
  insertAllocation,
} from './queries.ts';

export { caseRoles };

type Db = Transaction<Tables>;

export interface AllocationInput {
  workerId: string;
  caseRole: string;
  from: DateEntry;
  reason: string;
}

/**
 * What the allocation rules need of each child: the journey stage, whether the child is on a plan, the latest
 * referral, the date of birth and every allocation. The gatekeeper must allow every child (see `statusesOf`).
 */
export async function allocationFacts(
  trx: Db,
  actor: Actor,
  childIds: readonly string[],
): Promise<Map<string, ChildForAllocation>> {
  const statuses = await statusesOf(trx, actor, childIds);
  const history = await allocationHistory(trx, actor.councilId, childIds);
  const facts = new Map<string, ChildForAllocation>();
  for (const child of await childrenForAllocation(trx, actor.councilId, childIds)) {
    const status = statuses.get(child.id)!;
    facts.set(child.id, {
      givenName: child.given_name,
      stage: status.stage,
      onPlan:
        status.stage === 'child-protection-plan' ||
        status.stage === 'looked-after' ||
        (status.stage === 'child-in-need' && status.details.plan),
      referralDate: child.referral_date,
      dateOfBirth: child.date_of_birth,
      allocations: history
        .filter((row) => row.child_id === child.id)
        .map((row) => ({
          workerId: row.worker_id,
          workerName: `${row.given_name} ${row.family_name}`,
          caseRole: row.case_role,
          from: row.from_date,
          to: row.to_date,
        })),
    });
  }
  return facts;
}

/** A child's names, allocation history, and the workers who could be allocated: one audited read. */
export async function viewAllocations(db: Database, actor: Actor, childId: string) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'read', [childId]);
    const history = await allocationHistory(trx, actor.councilId, [childId]);
    const workers = await caseHolders(trx, actor.councilId);
    const [child] = await childrenForAllocation(trx, actor.councilId, [childId]);
    await appendAudit(trx, auditSource(actor), { action: 'allocations.viewed', childId });
    return { child: child!, history, workers };
  });
}

/**
 * Allocates inside the caller's transaction, after the gatekeeper has allowed the write: checks the allocation
 * rules (issue 17, part 3), ends the child's current allocation of the same kind the day before the new one
 * starts (never rewriting it), and records the new one with who made it. Cover names the absence it covers, and
 * ends with it. Returns the new allocation's id and what the rules found.
 */
export async function allocateWithin(
  trx: Db,
  actor: Actor,
  childId: string,
  input: AllocationInput,
  cover: {
    absence: { id: string; from: string; to: string | null };
    facts: ChildForAllocation;
  } | null = null,
) {
  const absence = cover?.absence ?? null;
  const { facts, worker, from } = await checkAllocation(trx, actor, childId, input, cover);
  await endAllocations(trx, actor.councilId, childId, input.caseRole, from);
  const id = uuidv7();
  const reason = input.reason.trim();
  await insertAllocation(trx, {
    council_id: actor.councilId,
    id,
    child_id: childId,
    worker_id: worker.id,
    case_role: input.caseRole,
    from_date: from,
    to_date: absence?.to ?? null,
    reason,
    allocated_by: actor.workerId,
    absence_id: absence?.id ?? null,
  });
  await appendAudit(trx, auditSource(actor), {
    action: 'child.allocated',
    childId,
    details: { allocationId: id, workerId: worker.id, caseRole: input.caseRole, reason },
  });
  return { id, facts, worker, from };
}

async function checkAllocation(
  trx: Db,
  actor: Actor,
  childId: string,
  input: AllocationInput,
  cover: { absence: { from: string }; facts: ChildForAllocation } | null,
) {
  // The child's row is locked, so two managers allocating at once are checked in turn; cover for many children
  // comes with their facts read at once, under a lock on the absent worker's row (see `arrangeCover`).
  if (!cover) await openJourney(trx, actor, childId);
  const facts = cover?.facts ?? (await allocationFacts(trx, actor, [childId])).get(childId)!;
  const worker = /^[0-9a-f-]{36}$/i.test(input.workerId)
    ? await caseHolder(trx, actor.councilId, input.workerId, actor.today)
    : undefined;
  const proposed = worker && {
    id: worker.id,
    name: `${worker.given_name} ${worker.family_name}`,
    role: worker.role,
    qualified: worker.contract !== 'student',
  };
  const { problems, from } = allocationProblems(
    { ...input, worker: proposed ?? null },
    facts,
    actor.today,
    cover?.absence.from ?? null,
  );
  if (problems.length || !worker || !from) throw new ValidationError(problems);
  return { facts, worker, from };
}

/** Rolls back the work of a preview: what it wrote was only to ask the gatekeeper what would follow. */
class Preview<T> extends Error {
  readonly outcome: T;
  constructor(outcome: T) {
    super('preview');
    this.outcome = outcome;
  }
}

/**
 * What an allocation would change, for the page that asks the manager to confirm it: the allocation it ends, the
 * team the child moves to, and whether the manager would still see the child. The allocation is made in a
 * transaction that is then rolled back, so the answer is the gatekeeper's own, not a second copy of its rules.
 */
export async function previewAllocation(db: Database, actor: Actor, childId: string, input: AllocationInput) {
  try {
    return await withTransaction(db, actor, async (trx) => {
      await requireChildren(trx, actor, 'write', [childId]);
      const current = await currentTeams(trx, actor, childId, input.caseRole);
      const { facts, worker, from } = await allocateWithin(trx, actor, childId, input);
      const stillSees = (await visibleChildIds(trx, actor, [childId])).has(childId);
      throw new Preview({ facts, worker, from, current, stillSees });
    });
  } catch (error) {
    if (!(error instanceof Preview)) throw error;
    const { facts, worker, from, current, stillSees } = error.outcome as {
      facts: ChildForAllocation;
      worker: { given_name: string; family_name: string; teams: string | null };
      from: string;
      current: string | null;
      stillSees: boolean;
    };
    return {
      from,
      workerName: `${worker.given_name} ${worker.family_name}`,
      changes: allocationChanges({
        child: facts,
        workerName: `${worker.given_name} ${worker.family_name}`,
        caseRole: input.caseRole,
        from,
        teamNow: current,
        teamAfter: worker.teams,
        stillSees,
      }),
    };
  }
}

/** The teams of the child's current worker in this case role, if any. */
async function currentTeams(trx: Db, actor: Actor, childId: string, caseRole: string) {
  const history = await allocationHistory(trx, actor.councilId, [childId]);
  const current = history.find((row) => row.case_role === caseRole && row.to_date === null);
  if (!current) return null;
  return (await caseHolder(trx, actor.councilId, current.worker_id, actor.today))?.teams ?? null;
}

/** The sentences the confirmation page shows: what starts, what ends, where the child goes, who stops seeing them. */
export function allocationChanges(change: {
  child: ChildForAllocation;
  workerName: string;
  caseRole: string;
  from: string;
  teamNow: string | null;
  teamAfter: string | null;
  stillSees: boolean;
}): string[] {
  const name = change.child.givenName;
  const role = isCaseRole(change.caseRole) ? caseRoles[change.caseRole].toLowerCase() : change.caseRole;
  const sentences = [`${change.workerName} will be ${name}’s ${role} from ${longDate(change.from)}.`];
  const ending = allocationEnding(change.caseRole, change.from, change.child);
  if (ending)
    sentences.push(`${ending.workerName}’s allocation as ${role} will end on ${longDate(ending.endsOn)}.`);
  const moves =
    change.caseRole === 'allocated-worker' && change.teamAfter && change.teamAfter !== change.teamNow
      ? `${name} will move to the ${change.teamAfter} team`
      : '';
  const unseen = change.stillSees ? '' : `you will no longer see ${name}’s record`;
  if (moves && unseen) sentences.push(`${moves}; ${unseen}.`);
  else if (moves) sentences.push(`${moves}.`);
  else if (unseen) sentences.push(`${unseen[0]!.toUpperCase()}${unseen.slice(1)}.`);
  return sentences;
}

/** Allocates (or reallocates) a child in one transaction: see `allocateWithin`. */
export async function allocateChild(db: Database, actor: Actor, childId: string, input: AllocationInput) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    return (await allocateWithin(trx, actor, childId, input)).id;
  });
}

/**
 * What an allocation did, for the manager who made it (even when the child has left their view since) or anyone
 * who may read the child: the new allocation, the one it ended, and whether the reader still sees the child.
 */
export async function viewAllocationMade(db: Database, actor: Actor, allocationId: string) {
  return withTransaction(db, actor, async (trx) => {
    const made = /^[0-9a-f-]{36}$/i.test(allocationId)
      ? await allocationMade(trx, actor.councilId, allocationId)
      : undefined;
    if (!made) throw new NotFound();
    const sees = (await visibleChildIds(trx, actor, [made.child_id])).has(made.child_id);
    if (!sees && made.allocated_by !== actor.workerId) throw new NotFound();
    const history = await allocationHistory(trx, actor.councilId, [made.child_id]);
    const ended = history.find(
      (row) => row.case_role === made.case_role && row.to_date === dayBefore(made.from_date),
    );
    await appendAudit(trx, auditSource(actor), { action: 'allocations.viewed', childId: made.child_id });
    return { made, ended, sees };
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
  await endEveryAllocation(trx, actor, childId, { lastDay: diedOn, reason: 'The child died' });
}

/**
 * Ends every allocation of a child whose involvement has closed (nothing of their journey still open), inside the
 * caller's transaction: no worker holds a closed case, so the child leaves every caseload and My caseload never
 * lists a closed child as still allocated. The last day held is the day the closure is recorded: the worker held
 * the case in Hearth until then, and no allocation already in the history is rewritten.
 */
export async function endAllocationsOnClosure(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
): Promise<void> {
  await endEveryAllocation(trx, actor, childId, {
    lastDay: actor.today,
    reason: 'The child’s episode of need closed',
  });
}

async function endEveryAllocation(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  ending: { lastDay: string; reason: string },
): Promise<void> {
  const ended = await endAllocationsOn(trx, actor.councilId, childId, ending.lastDay);
  if (!ended.length) return;
  await appendAudit(trx, auditSource(actor), {
    action: 'allocations.ended',
    childId,
    details: {
      reason: ending.reason,
      on: ending.lastDay,
      allocations: ended.map((allocation) => allocation.id),
    },
  });
}

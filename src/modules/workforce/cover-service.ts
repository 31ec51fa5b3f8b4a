import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { isCaseRole, longDate } from '../../domain/workforce/allocation-rules.ts';
import { absenceKinds, isAbsenceKind } from '../../domain/workforce/absences.ts';
import { proposeCover, type ChildToCover, type CoverCandidate } from '../../domain/workforce/cover.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { allocateWithin, allocationFacts } from '../caseloads/allocation-service.ts';
import {
  absenceToCover,
  childrenHeldBy,
  coverCandidates,
  hiddenChildrenOf,
  lockWorker,
  managedWorker,
  reviewersOf,
} from './queries.ts';

type Trx = Transaction<Tables>;

async function requireManagedWorker(trx: Trx, actor: Actor, workerId: string) {
  const worker = /^[0-9a-f-]{36}$/i.test(workerId) ? await managedWorker(trx, actor, workerId) : undefined;
  if (!worker) throw new NotFound('There is no such worker in the teams you manage');
  return worker;
}

/** The day cover starts: the absence's first day, or today if the absence has already begun. */
function coverStart(absence: { from_date: string }, today: string): string {
  return absence.from_date > today ? absence.from_date : today;
}

/** In words: "annual leave from 21 December 2026 to 4 January 2027". */
export function absenceWords(absence: { kind: string; from_date: string; to_date: string | null }): string {
  const kind = isAbsenceKind(absence.kind) ? absenceKinds[absence.kind].toLowerCase() : absence.kind;
  const until = absence.to_date ? `to ${longDate(absence.to_date)}` : 'with no return date yet';
  return `${kind} from ${longDate(absence.from_date)} ${until}`;
}

/**
 * A worker's caseload for their manager (issue 17, part 4): the children they hold today, with any cover, and
 * the absence to cover (today's, or the next one booked). The read is audited with the children shown.
 */
export async function viewWorkerCaseload(db: Database, actor: Actor, workerId: string) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await requireManagedWorker(trx, actor, workerId);
    const children = (await childrenHeldBy(trx, actor, workerId, actor.today)).rows;
    const hidden = await hiddenChildrenOf(trx, actor, workerId, actor.today);
    const absence = await absenceToCover(trx, actor.councilId, workerId, actor.today);
    await appendAudit(trx, auditSource(actor), {
      action: 'caseload.viewed',
      details: { workerId, childIds: children.map((child) => child.child_id) },
    });
    return { worker, children, hidden, absence };
  });
}

/**
 * The cover proposal for an absent worker's children (issue 17, part 4): for each child the worker holds on the
 * first day of cover, a proposed cover worker from `proposeCover`, the workers the manager may choose instead, and
 * whether the team can absorb the work.
 */
export async function viewCoverProposal(db: Database, actor: Actor, workerId: string) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await requireManagedWorker(trx, actor, workerId);
    const absence = await absenceToCover(trx, actor.councilId, workerId, actor.today);
    if (!absence) return { worker, absence: null, children: [], candidates: [], shortfall: null, hidden: 0 };
    const day = coverStart(absence, actor.today);
    const held = (await childrenHeldBy(trx, actor, workerId, day)).rows;
    const childIds = held.map((child) => child.child_id);
    const facts = await allocationFacts(trx, actor, childIds);
    const reviews = await reviewersOf(trx, actor.councilId, childIds);
    const candidates: CoverCandidate[] = (
      await coverCandidates(trx, actor, workerId, childIds, day)
    ).rows.map((row) => ({
      id: row.id,
      name: `${row.given_name} ${row.family_name}`,
      role: row.role,
      qualified: row.contract !== 'student',
      sameTeam: row.same_team,
      caseload: row.caseload,
      target: row.target,
    }));
    const toCover: ChildToCover[] = held
      .filter((child) => child.cover_name === null && isCaseRole(child.case_role))
      .map((child) => ({
        id: child.child_id,
        child: facts.get(child.child_id)!,
        absentWorkerId: workerId,
        coveredRole: child.case_role as ChildToCover['coveredRole'],
        reviewedBy: reviews
          .filter((review) => review.child_id === child.child_id)
          .flatMap((review) => [review.recorded_by, review.iro_worker_id ?? '']),
      }));
    const { proposals, shortfall } = proposeCover(toCover, candidates, day);
    await appendAudit(trx, auditSource(actor), {
      action: 'caseload.viewed',
      details: { workerId, childIds },
    });
    const children = held.map((child) => ({
      ...child,
      proposal: proposals.find((proposal) => proposal.childId === child.child_id) ?? null,
    }));
    const hidden = await hiddenChildrenOf(trx, actor, workerId, day);
    return { worker, absence: { ...absence, from: day }, children, candidates, shortfall, hidden };
  });
}

/**
 * Arranges cover in one transaction: a cover allocation for each child given a worker, from the first day of
 * cover to the last day of the absence, so cover ends when the absence ends. Each passes the allocation rules;
 * if any child's does not, nothing is written and each problem names the child.
 */
export async function arrangeCover(
  db: Database,
  actor: Actor,
  workerId: string,
  input: { absenceId: string; coverBy: ReadonlyMap<string, string> },
) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await requireManagedWorker(trx, actor, workerId);
    const absence = await absenceToCover(trx, actor.councilId, workerId, actor.today);
    if (!absence || absence.id !== input.absenceId)
      throw new ValidationError([
        {
          path: 'absenceId',
          message: 'That absence has ended or another was recorded: check the cover again',
        },
      ]);
    const day = coverStart(absence, actor.today);
    await lockWorker(trx, actor.councilId, workerId);
    const held = (await childrenHeldBy(trx, actor, workerId, day)).rows;
    const facts = await allocationFacts(
      trx,
      actor,
      held.map((child) => child.child_id),
    );
    const problems: { path: string; message: string }[] = [];
    let arranged = 0;
    const reason = `Cover while ${worker.given_name} ${worker.family_name} is away: ${absenceWords(absence)}`;
    for (const child of held) {
      const coverId = input.coverBy.get(child.child_id);
      if (!coverId || child.cover_name !== null) continue;
      try {
        await allocateWithin(
          trx,
          actor,
          child.child_id,
          { workerId: coverId, caseRole: 'cover', from: { date: day }, reason },
          { absence: { id: absence.id, from: day, to: absence.to_date }, facts: facts.get(child.child_id)! },
        );
        arranged += 1;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const problem of error.fields)
          problems.push({
            path: `cover-${child.child_id}`,
            message: `${child.given_name} ${child.family_name}: ${problem.message}`,
          });
      }
    }
    if (problems.length) throw new ValidationError(problems);
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.cover-arranged',
      details: { workerId, absenceId: absence.id, children: arranged },
    });
    return arranged;
  });
}

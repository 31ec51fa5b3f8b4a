import type { Database } from '../../db/database.ts';
import {
  caseKindOf,
  caseKinds,
  caseKindWords,
  caseWeights,
  teamLoad,
  workerLoad,
  type CaseKind,
  type WorkerLoad,
} from '../../domain/workforce/weighted-caseload.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { auditSource, withAuditedRead, withTransaction } from '../../platform/transactions.ts';
import { caseloadFacts, councilWeights, replaceWeights } from './caseload-queries.ts';
import { workforceTeams } from './people-queries.ts';
import { seesWholeWorkforce } from './people-service.ts';

/** The share of a full-time target a student on placement is given. */
const STUDENT_SHARE = 0.25;

export interface WorkerWithLoad extends WorkerLoad {
  workerId: string;
  name: string;
  manager: boolean;
  byKind: Partial<Record<CaseKind, number>>;
}

/**
 * Weighted caseloads today (issue 21, part 2): for each team the actor sees, each worker's children, weighted
 * load, target and headroom, and the team's. Counts only, no child named; the read is audited as team caseloads are.
 */
export async function viewWeightedCaseloads(db: Database, actor: Actor, teamId?: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const visible = await workforceTeams(
      trx,
      actor.councilId,
      actor.today,
      seesWholeWorkforce(actor) ? null : actor.workerId,
    );
    const teams = teamId ? visible.filter((team) => team.id === teamId) : visible;
    const weights = caseWeights((await councilWeights(trx, actor.councilId)).map(numeric));
    const facts = await caseloadFacts(
      trx,
      actor.councilId,
      teams.map((team) => team.id),
      actor.today,
    );
    audit({ action: 'caseloads.viewed' });
    const shown = teams.map((team) => {
      const members = new Map<string, { row: (typeof facts)[number]; kinds: Map<string, CaseKind> }>();
      for (const row of facts.filter((each) => each.team_id === team.id)) {
        const member = members.get(row.worker_id) ?? { row, kinds: new Map() };
        members.set(row.worker_id, member);
        if (row.child_id)
          member.kinds.set(
            row.child_id,
            caseKindOf({
              lookedAfter: Boolean(row.looked_after),
              childProtectionPlan: Boolean(row.protection_plan),
              careLeaver: Boolean(row.care_leaver),
              beingAssessed: Boolean(row.being_assessed),
              openEpisode: Boolean(row.open_episode),
              inProceedings: Boolean(row.in_proceedings),
            }),
          );
      }
      const workers: WorkerWithLoad[] = [...members.values()].map(({ row, kinds }) => {
        const manager = row.manages || row.job === 'team-manager';
        const list = [...kinds.values()];
        const byKind: Partial<Record<CaseKind, number>> = {};
        for (const kind of list) byKind[kind] = (byKind[kind] ?? 0) + 1;
        return {
          workerId: row.worker_id,
          name: `${row.given_name} ${row.family_name}`,
          manager,
          byKind,
          ...workerLoad({
            kinds: list,
            weights,
            teamTarget: team.caseload_target,
            // A student on placement holds a quarter of a worker's cases at most.
            fte: Number(row.fte) * (row.job === 'student' ? STUDENT_SHARE : 1),
            manager,
            managersHoldCases: team.managers_hold_cases,
          }),
        };
      });
      return { team, workers, total: teamLoad(workers) };
    });
    return { teams: shown, weights, choices: visible };
  });
}

const numeric = (row: { kind: string; weight: string }) => ({ kind: row.kind, weight: Number(row.weight) });

/** The weights in use: the council's, the defaults for the kinds it has not set. */
export async function viewWeights(db: Database, actor: Actor) {
  return caseWeights((await councilWeights(db, actor.councilId)).map(numeric));
}

/** Sets the council's weights from the form: each a number above 0 up to 9.9, to one decimal place. */
export async function setWeights(db: Database, actor: Actor, typed: Record<string, string | undefined>) {
  const problems: FieldProblem[] = [];
  const weights = caseKinds.map((kind) => {
    const text = (typed[kind] ?? '').trim();
    const weight = Number(text);
    if (!/^\d(\.\d)?$/.test(text) || weight <= 0)
      problems.push({
        path: kind,
        message: `Enter the weight of ${caseKindWords[kind].toLowerCase()} as a number from 0.1 to 9.9, like 1.5`,
      });
    return { kind, weight };
  });
  if (problems.length) throw new ValidationError(problems);
  await withTransaction(db, actor, async (trx) => {
    await replaceWeights(trx, actor.councilId, weights);
    await appendAudit(trx, auditSource(actor), {
      action: 'caseload-weights.changed',
      details: Object.fromEntries(weights.map((each) => [each.kind, each.weight])),
    });
  });
}

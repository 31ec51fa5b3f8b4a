import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { NotFound } from '../../platform/errors.ts';
import { withTransaction } from '../../platform/transactions.ts';
import {
  inductionStepsOf,
  postsOfTeams,
  trainingOf,
  workerDetails,
  workersOfTeams,
  workforceTeams,
} from './people-queries.ts';

/**
 * Who sees which teams in the Workforce section (issue 21, part 1): service managers, directors and
 * administrators the whole council; a team manager the teams they manage today. Nobody's workforce pages name a
 * child, so they are not audited as reads of a record.
 */
export function seesWholeWorkforce(actor: Actor): boolean {
  return ['service-manager', 'director', 'administrator'].includes(actor.role);
}

const isId = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

/** The teams the actor sees, with their targets, managers and established posts today. */
export async function viewWorkforce(db: Database, actor: Actor) {
  return withTransaction(db, actor, async (trx) => {
    const teams = await visibleTeams(trx, actor);
    const posts = await postsOfTeams(
      trx,
      actor.councilId,
      teams.map((team) => team.id),
      actor.today,
    );
    return { teams, posts };
  });
}

function visibleTeams(db: Database, actor: Actor) {
  return workforceTeams(db, actor.councilId, actor.today, seesWholeWorkforce(actor) ? null : actor.workerId);
}

/** One team the actor sees: its posts and its workers (those who left in the last year among them). */
export async function viewTeam(db: Database, actor: Actor, teamId: string) {
  return withTransaction(db, actor, async (trx) => {
    const team = isId(teamId)
      ? (await visibleTeams(trx, actor)).find((each) => each.id === teamId)
      : undefined;
    if (!team) throw new NotFound('There is no such team among those you can see');
    const [posts, workers] = await Promise.all([
      postsOfTeams(trx, actor.councilId, [team.id], actor.today),
      workersOfTeams(trx, actor.councilId, actor.today, [team.id]),
    ]);
    return { team, posts, workers };
  });
}

/** The workers of the teams the actor sees (of the whole council for those who see it all). */
export async function viewStaff(db: Database, actor: Actor) {
  return withTransaction(db, actor, async (trx) => {
    const teamIds = seesWholeWorkforce(actor)
      ? null
      : (await visibleTeams(trx, actor)).map((team) => team.id);
    return workersOfTeams(trx, actor.councilId, actor.today, teamIds);
  });
}

/**
 * One worker, if they are (or were) in a team the actor sees; anyone else is "not found". Those who may record on
 * a worker (training, induction, appraisal, leaving) are checked the same way, so a manager records on exactly
 * the people whose page they can open.
 */
export async function visibleWorker(db: Database, actor: Actor, workerId: string) {
  const worker = isId(workerId) ? await workerDetails(db, actor.councilId, workerId, actor.today) : undefined;
  const teamIds = new Set((await visibleTeams(db, actor)).map((team) => team.id));
  const visible =
    worker && (seesWholeWorkforce(actor) || (worker.team_ids ?? []).some((id) => teamIds.has(id)));
  if (!worker || !visible) throw new NotFound('There is no such worker in the teams you can see');
  return worker;
}

/** One worker the actor sees: their record, training and induction. */
export async function viewWorker(db: Database, actor: Actor, workerId: string) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await visibleWorker(trx, actor, workerId);
    const [training, induction] = await Promise.all([
      trainingOf(trx, actor.councilId, workerId),
      inductionStepsOf(trx, actor.councilId, workerId),
    ]);
    return { worker, training, induction };
  });
}

import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  dayBefore,
  disestablishProblems,
  fteProblems,
  teamKinds,
} from '../../domain/workforce/establishment.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, NotPermitted, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { roleCan } from '../../platform/permissions.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  changePost,
  changeTeam,
  endMembership,
  endPost,
  insertMembership,
  insertPost,
  insertTeam,
  lockedPost,
  lockedTeam,
  managerCandidates,
  openMemberships,
  setManages,
  teamNamed,
} from './establishment-queries.ts';
import { seesWholeWorkforce } from './people-service.ts';

/**
 * Shaping the council's establishment (issue 21, part 1): creating a team and setting its caseload target and
 * manager; establishing a post in a team with its FTE, correcting it, and disestablishing it. Funded posts and
 * teams are decided for the whole council, so service managers and administrators do it, not a team's manager.
 * Each is one transaction with its audit entry.
 */

const text = (values: RecordValues, name: string) => String(values[name] ?? '').trim();
const isId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Whether the actor shapes the establishment: whole-council roles that record on the workforce. */
export function shapesEstablishment(actor: Actor): boolean {
  return seesWholeWorkforce(actor) && roleCan(actor.role, 'workforce:record');
}

function requireShaper(actor: Actor) {
  if (!shapesEstablishment(actor))
    throw new NotPermitted('Teams and posts are set by service managers and administrators');
}

async function teamOf(db: Database, actor: Actor, teamId: string) {
  requireShaper(actor);
  const team = isId(teamId) ? await lockedTeam(db, actor.councilId, teamId) : undefined;
  if (!team) throw new NotFound('There is no such team');
  return team;
}

async function postOf(db: Database, actor: Actor, teamId: string, postId: string) {
  const team = await teamOf(db, actor, teamId);
  const post = isId(postId) ? await lockedPost(db, actor.councilId, team.id, postId) : undefined;
  if (!post) throw new NotFound('There is no such post in this team');
  return { team, post };
}

/** The caption of an establishment form: the team's name, or the section's for a new team. */
export async function establishmentCaption(db: Database, actor: Actor, teamId: string | undefined) {
  if (teamId === undefined) {
    requireShaper(actor);
    return 'Workforce';
  }
  return withTransaction(db, actor, async (trx) => (await teamOf(trx, actor, teamId)).name);
}

/** Who may be chosen as a team's manager: team and service managers in post today. */
export async function managerChoices(db: Database, actor: Actor) {
  requireShaper(actor);
  const candidates = await managerCandidates(db, actor.councilId, actor.today);
  return candidates.map((worker) => ({
    value: worker.id,
    text: `${worker.given_name} ${worker.family_name}`,
  }));
}

/** A team's name, target and whether managers hold cases, checked as the form and the API give them. */
async function teamValues(db: Database, actor: Actor, values: RecordValues, teamId: string | null) {
  const problems: FieldProblem[] = [];
  const name = text(values, 'name');
  if (name && (await teamNamed(db, actor.councilId, name, teamId)))
    problems.push({ path: 'name', message: `There is already a team called ${name}` });
  const target = values.target === null || values.target === undefined ? null : Number(values.target);
  if (target !== null && !Number.isInteger(target))
    problems.push({ path: 'target', message: 'Caseload target must be a whole number of children, like 20' });
  if (problems.length) throw new ValidationError(problems);
  return {
    name,
    caseload_target: target,
    managers_hold_cases: values.managersHoldCases === true,
    managerId: values.manager === null || values.manager === undefined ? null : String(values.manager),
  };
}

/**
 * Makes `managerId` the team's only manager from today: other managing memberships end yesterday, and the new
 * manager's membership (a plain one ended, a managing one begun) starts today. A membership that began today has
 * no earlier day to keep, so it changes in place. Returns who stopped managing, or null when `managerId` was
 * already the team's only manager.
 */
async function setManager(db: Database, actor: Actor, teamId: string, managerId: string) {
  const open = await openMemberships(db, actor.councilId, teamId, actor.today);
  const yesterday = dayBefore(actor.today);
  const stopped: string[] = [];
  let managing = false;
  let changed = false;
  for (const membership of open) {
    const isNew = membership.worker_id === managerId;
    if (isNew && membership.manages) managing = true;
    else if (isNew || membership.manages) {
      changed = true;
      if (membership.manages) stopped.push(membership.worker_id);
      if (membership.from_date >= actor.today) {
        await setManages(db, actor.councilId, membership.id, isNew);
        managing ||= isNew;
      } else await endMembership(db, actor.councilId, membership.id, yesterday);
    }
  }
  if (!managing) {
    changed = true;
    await insertMembership(db, {
      council_id: actor.councilId,
      id: uuidv7(),
      team_id: teamId,
      worker_id: managerId,
      manages: true,
      from_date: actor.today,
    });
  }
  return changed ? stopped : null;
}

/** Creates a team with its kind, caseload target and (if chosen) its manager from today. */
export async function createTeam(db: Database, actor: Actor, values: RecordValues) {
  requireShaper(actor);
  return withTransaction(db, actor, async (trx) => {
    const team = await teamValues(trx, actor, values, null);
    const id = uuidv7();
    const kind = text(values, 'kind') as keyof typeof teamKinds;
    await insertTeam(trx, {
      council_id: actor.councilId,
      id,
      name: team.name,
      kind,
      caseload_target: team.caseload_target,
      managers_hold_cases: team.managers_hold_cases,
    });
    if (team.managerId) await setManager(trx, actor, id, team.managerId);
    await appendAudit(trx, auditSource(actor), {
      action: 'team.created',
      details: {
        teamId: id,
        name: team.name,
        kind,
        caseloadTarget: team.caseload_target,
        managerId: team.managerId,
      },
    });
    return id;
  });
}

/** A team as it is, for the change form: its manager the first of those managing it today. */
export async function teamAsItIs(db: Database, actor: Actor, teamId: string): Promise<RecordValues> {
  return withTransaction(db, actor, async (trx) => {
    const team = await teamOf(trx, actor, teamId);
    const open = await openMemberships(trx, actor.councilId, team.id, actor.today);
    return {
      name: team.name,
      target: team.caseload_target,
      manager: open.find((membership) => membership.manages)?.worker_id ?? null,
      managersHoldCases: team.managers_hold_cases,
    };
  });
}

/** Changes a team's name, caseload target, manager (from today) and whether its managers hold cases. */
export async function reviseTeam(db: Database, actor: Actor, teamId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    const was = await teamOf(trx, actor, teamId);
    const team = await teamValues(trx, actor, values, was.id);
    await changeTeam(trx, actor.councilId, was.id, {
      name: team.name,
      caseload_target: team.caseload_target,
      managers_hold_cases: team.managers_hold_cases,
    });
    const stoppedManaging = team.managerId ? await setManager(trx, actor, was.id, team.managerId) : null;
    await appendAudit(trx, auditSource(actor), {
      action: 'team.changed',
      details: {
        teamId: was.id,
        was: {
          name: was.name,
          caseloadTarget: was.caseload_target,
          managersHoldCases: was.managers_hold_cases,
        },
        now: {
          name: team.name,
          caseloadTarget: team.caseload_target,
          managersHoldCases: team.managers_hold_cases,
        },
        managerFrom: stoppedManaging
          ? { managerId: team.managerId, from: actor.today, stoppedManaging }
          : null,
      },
    });
    return was.id;
  });
}

const postValues = (values: RecordValues) => {
  const fte = Number(values.fte);
  const problems = fteProblems(fte);
  if (problems.length) throw new ValidationError(problems);
  return { title: text(values, 'title'), job: text(values, 'job'), fte: fte.toFixed(2) };
};

/** Establishes a funded post in a team, with its FTE, from a day. */
export async function establishPost(db: Database, actor: Actor, teamId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    const team = await teamOf(trx, actor, teamId);
    const post = postValues(values);
    const id = uuidv7();
    const fromDate = text(values, 'from');
    await insertPost(trx, {
      council_id: actor.councilId,
      id,
      team_id: team.id,
      ...post,
      from_date: fromDate,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'post.established',
      details: { teamId: team.id, postId: id, ...post, fromDate },
    });
    return id;
  });
}

/** A post as it is, for the change form. */
export async function postAsItIs(db: Database, actor: Actor, teamId: string, postId: string) {
  return withTransaction(db, actor, async (trx) => {
    const { post } = await postOf(trx, actor, teamId, postId);
    return { title: post.title, job: post.job, fte: Number(post.fte) };
  });
}

/** Corrects a post's title, job or FTE; a disestablished post is kept as it ended. */
export async function revisePost(
  db: Database,
  actor: Actor,
  teamId: string,
  postId: string,
  values: RecordValues,
) {
  return withTransaction(db, actor, async (trx) => {
    const { post: was } = await postOf(trx, actor, teamId, postId);
    if (was.to_date !== null)
      throw new ValidationError([{ path: 'title', message: 'A disestablished post cannot be changed' }]);
    const post = postValues(values);
    await changePost(trx, actor.councilId, was.id, post);
    await appendAudit(trx, auditSource(actor), {
      action: 'post.changed',
      details: { teamId, postId, was: { title: was.title, job: was.job, fte: was.fte }, now: post },
    });
    return was.id;
  });
}

/** Disestablishes a post after its last day; whoever holds it then stops holding it on that day. */
export async function disestablishPost(
  db: Database,
  actor: Actor,
  teamId: string,
  postId: string,
  values: RecordValues,
) {
  return withTransaction(db, actor, async (trx) => {
    const { post } = await postOf(trx, actor, teamId, postId);
    const lastDay = text(values, 'to');
    const problems = disestablishProblems({ fromDate: post.from_date, toDate: post.to_date }, lastDay);
    if (problems.length) throw new ValidationError(problems);
    const ended = await endPost(trx, actor.councilId, post.id, lastDay);
    await appendAudit(trx, auditSource(actor), {
      action: 'post.disestablished',
      details: { teamId, postId, lastDay, holdersEnded: ended.map((each) => each.worker_id) },
    });
    return post.id;
  });
}

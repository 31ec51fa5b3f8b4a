import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  DEFAULT_SUPERVISION_INTERVAL,
  supervisionStanding,
  type Interval,
} from '../../domain/workforce/supervision.ts';
import { requireChildren, visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, NotPermitted, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { readRecord } from '../record/service.ts';
import {
  actionFor,
  actionsCloseableBy,
  actionsWhere,
  attendeesOf,
  childrenOfTeams,
  closeAction,
  colleaguesOf,
  discussionsOf,
  insertActions,
  insertAttendees,
  insertDiscussions,
  insertSupervision,
  recentSupervisionsOf,
  supervisedWorkers,
  supervisionFor,
  supervisionOfChildren,
  supervisionStandardOn,
} from './queries.ts';
import { supervisionProblems, type SupervisionInput } from './supervision-input.ts';

export type { SupervisionInput } from './supervision-input.ts';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Whom and which children a supervision recorded by the actor may name. */
export async function supervisionChoices(db: Database, actor: Actor) {
  const [colleagues, children] = await Promise.all([colleaguesOf(db, actor), childrenOfTeams(db, actor)]);
  return { colleagues, children: children.rows };
}

/**
 * Records a one-to-one or group case supervision with the children discussed and the actions agreed, in one
 * transaction. The actor is the supervisor (or facilitator). The children's parts join their records, so the
 * actor must be able to change each child's record; every child gets an audit entry. The supervisee's own part
 * (wellbeing, workload, learning) is not written to the audit.
 */
export async function recordSupervision(
  db: Database,
  actor: Actor,
  input: SupervisionInput,
): Promise<string> {
  return withTransaction(db, actor, async (trx) => {
    const problems = await supervisionProblems(trx, actor, input);
    if (problems.length) throw new ValidationError(problems);
    const childIds = input.children.map((child) => child.childId);
    await requireChildren(trx, actor, 'write', childIds);
    const id = uuidv7();
    const base = { council_id: actor.councilId };
    const oneToOne = input.kind === 'one-to-one';
    await insertSupervision(trx, {
      ...base,
      id,
      kind: input.kind,
      held_on: input.heldOn,
      minutes: input.minutes,
      supervisor_id: actor.workerId,
      supervisee_id: oneToOne ? input.superviseeId : null,
      wellbeing: oneToOne ? input.wellbeing : null,
      workload: oneToOne ? input.workload : null,
      learning: oneToOne ? input.learning : null,
      recorded_by: actor.workerId,
    });
    await insertAttendees(trx, [
      ...(oneToOne ? [] : input.attendeeIds).map((workerId) => ({
        ...base,
        id: uuidv7(),
        supervision_id: id,
        worker_id: workerId,
        partner_name: null,
        partner_organisation: null,
        partner_role: null,
      })),
      ...(oneToOne ? [] : input.partners).map((partner) => ({
        ...base,
        id: uuidv7(),
        supervision_id: id,
        worker_id: null,
        partner_name: partner.name,
        partner_organisation: partner.organisation,
        partner_role: partner.role,
      })),
    ]);
    await insertDiscussions(
      trx,
      input.children.map((child) => ({
        ...base,
        id: uuidv7(),
        supervision_id: id,
        child_id: child.childId,
        discussed_on: input.heldOn,
        discussion: child.discussion,
        graces: child.graces,
        reflective_model: child.reflectiveModel,
        reflection: child.reflection,
        decisions: child.decisions,
        recorded_by: actor.workerId,
      })),
    );
    const actionOf = (action: SupervisionInput['actions'][number], childId: string | null) => ({
      ...base,
      id: uuidv7(),
      source: 'supervision' as const,
      supervision_id: id,
      child_id: childId,
      description: action.description,
      owner_id: action.ownerId,
      due_on: action.dueOn,
      created_by: actor.workerId,
    });
    await insertActions(trx, [
      ...input.actions.map((action) => actionOf(action, null)),
      ...input.children.flatMap((child) => child.actions.map((action) => actionOf(action, child.childId))),
    ]);
    const details = { supervisionId: id, kind: input.kind, heldOn: input.heldOn };
    await appendAudit(trx, auditSource(actor), [
      { action: 'supervision.recorded', details: { ...details, superviseeId: input.superviseeId ?? null } },
      ...childIds.map((childId) => ({ action: 'supervision.child-discussed' as const, childId, details })),
    ]);
    return id;
  });
}

/**
 * A supervision for one of the people it belongs to (supervisor, supervisee, attendees, the line managers of the
 * supervisee or supervisor). Anyone else is told there is no such supervision, and the refusal is audited. The
 * supervisee's own part is given only to the supervisor, the supervisee and the supervisee's line managers
 * (issue 21, part 4); the children discussed only as far as the gatekeeper lets the actor see them.
 */
export async function viewSupervision(db: Database, actor: Actor, supervisionId: string) {
  return withTransaction(db, actor, async (trx) => {
    const found = isUuid(supervisionId) ? await supervisionFor(trx, actor, supervisionId) : undefined;
    if (!found?.is_party) {
      const refused = new NotFound('There is no such supervision');
      refused.refusals = [
        {
          action: 'supervision.read.refused',
          outcome: 'refused',
          details: { supervisionId: supervisionId.slice(0, 64) },
        },
      ];
      throw refused;
    }
    const [attendees, discussions, actions] = await Promise.all([
      attendeesOf(trx, actor.councilId, supervisionId),
      discussionsOf(trx, actor, supervisionId),
      actionsWhere(trx, actor.councilId, { supervisionId }),
    ]);
    const seen = new Set(discussions.map((discussion) => discussion.child_id));
    await appendAudit(
      trx,
      auditSource(actor),
      [...seen].map((childId) => ({ action: 'supervision.viewed', childId, details: { supervisionId } })),
    );
    const { wellbeing, workload, learning, reads_personal: readsPersonal, ...shared } = found;
    return {
      supervision: shared,
      // A group supervision has no personal part at all.
      personal: readsPersonal && shared.kind === 'one-to-one' ? { wellbeing, workload, learning } : null,
      attendees,
      discussions,
      // Actions about a child the actor may not see are left out, as the child is.
      actions: actions.filter((action) => action.child_id === null || seen.has(action.child_id)),
    };
  });
}

/** The child's part of every supervision that discussed them, latest first, and their actions (audited read). */
export async function childSupervision(db: Database, actor: Actor, childId: string) {
  return withTransaction(db, actor, async (trx) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const discussions = [...record.supervision_discussions].sort((a, b) =>
      b.discussed_on.localeCompare(a.discussed_on),
    );
    const actions = await actionsWhere(trx, actor.councilId, { childIds: [childId] });
    await appendAudit(trx, auditSource(actor), { action: 'child.supervision-viewed', childId });
    return { child: record.child, discussions, lastDiscussed: discussions[0]?.discussed_on ?? null, actions };
  });
}

/** The actor's own open actions, the overdue first: for their home page. */
export async function myOpenActions(db: Database, actor: Actor) {
  const actions = await actionsWhere(db, actor.councilId, { ownerId: actor.workerId, openOnly: true });
  const childIds = actions.flatMap((action) => (action.child_id ? [action.child_id] : []));
  const visible = childIds.length ? await visibleChildIds(db, actor, childIds) : new Set<string>();
  const shown = actions.filter((action) => action.child_id === null || visible.has(action.child_id));
  return {
    overdue: shown.filter((action) => action.due_on < actor.today),
    open: shown.filter((action) => action.due_on >= actor.today),
  };
}

/**
 * The one list of actions (issue 21, part 5): those the actor owns or agreed as supervisor, open ones or all,
 * leaving out any about a child the actor may not see.
 */
export async function viewActionList(db: Database, actor: Actor, openOnly: boolean) {
  const actions = await actionsCloseableBy(db, actor.councilId, actor.workerId, openOnly);
  const childIds = [...new Set(actions.flatMap((action) => (action.child_id ? [action.child_id] : [])))];
  const visible = childIds.length ? await visibleChildIds(db, actor, childIds) : new Set<string>();
  return actions.filter((action) => action.child_id === null || visible.has(action.child_id));
}

/** Closes an action as done or dropped: its owner, or the supervisor who agreed it. */
export async function closeOwnAction(
  db: Database,
  actor: Actor,
  actionId: string,
  status: 'done' | 'dropped',
): Promise<void> {
  await withTransaction(db, actor, async (trx) => {
    const action = isUuid(actionId) ? await actionFor(trx, actor.councilId, actionId) : undefined;
    if (!action) throw new NotFound('There is no such action');
    if (action.owner_id !== actor.workerId && action.supervisor_id !== actor.workerId)
      throw new NotPermitted('Only the action’s owner or the supervisor who agreed it can close it');
    if (action.status !== 'open') return;
    await closeAction(trx, actor.councilId, actionId, { status, on: actor.today, by: actor.workerId });
    await appendAudit(trx, auditSource(actor), {
      action: 'action.closed',
      childId: action.child_id,
      details: { actionId, status },
    });
  });
}

/**
 * For the children given (those a list already shows the actor), when each was last discussed in supervision and
 * how many open actions they have, and since when the earliest is due: the child in need tracker's columns.
 */
export async function supervisionOfListedChildren(db: Database, actor: Actor, childIds: readonly string[]) {
  const { rows } = await supervisionOfChildren(db, actor.councilId, childIds);
  return new Map(rows.map((row) => [row.child_id, row]));
}

/** The local standard for one-to-one supervision on `day`, monthly unless the council has set another. */
async function standardOn(db: Database, councilId: string, day: string): Promise<Interval> {
  const set = await supervisionStandardOn(db, councilId, day);
  if (!set) return DEFAULT_SUPERVISION_INTERVAL;
  if (set.unit === 'months') return { months: set.amount };
  if (set.unit === 'weeks') return { weeks: set.amount };
  return { weeks: Math.max(1, Math.round(set.amount / (set.unit === 'days' ? 7 : 5))) };
}

/**
 * Each worker's supervision on `day`: the last one-to-one, when the next is due and whether it is overdue. For a
 * team manager, the workers they line manage; for anyone else, themselves; `'all'` for the council's command.
 */
export async function supervisionStandings(
  db: Database,
  councilId: string,
  day: string,
  scope: { managerId: string } | { workerId: string } | 'all',
) {
  const standard = await standardOn(db, councilId, day);
  const { rows } = await supervisedWorkers(db, councilId, day, scope);
  return rows.map((worker) => ({
    workerId: worker.id,
    name: worker.name,
    ...supervisionStanding(
      {
        startedOn: worker.started_on ?? worker.created_on,
        asye: worker.asye_started_on
          ? { startedOn: worker.asye_started_on, completedOn: worker.asye_completed_on }
          : null,
      },
      worker.last_held,
      standard,
      day,
    ),
  }));
}

/** The actor's view of supervision standings: a manager's team, or their own. */
export function standingsFor(db: Database, actor: Actor) {
  return supervisionStandings(
    db,
    actor.councilId,
    actor.today,
    actor.role === 'team-manager' || actor.role === 'service-manager'
      ? { managerId: actor.workerId }
      : { workerId: actor.workerId },
  );
}

/** The supervisions the actor led, had or attended lately. */
export function recentSupervisions(db: Database, actor: Actor) {
  return recentSupervisionsOf(db, actor.councilId, actor.workerId);
}

/** The standard in force today, in words ("1 month"). */
export async function standardWordsOn(db: Database, councilId: string, day: string): Promise<string> {
  const standard = await standardOn(db, councilId, day);
  return 'weeks' in standard
    ? standard.weeks === 1
      ? 'week'
      : `${standard.weeks} weeks`
    : standard.months === 1
      ? 'month'
      : `${standard.months} months`;
}

import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { reflectiveModels, socialGraces } from '../../domain/workforce/supervision.ts';
import type { Actor } from '../../platform/actor.ts';
import { isRealIsoDate } from '../../platform/dates.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { workersAmong } from './queries.ts';

/** An action agreed in supervision: what, whose and by when. */
export interface ActionInput {
  description: string;
  ownerId: string;
  dueOn: string;
}

/** One child's part of a supervision. */
export interface DiscussionInput {
  childId: string;
  discussion: string;
  graces: string[];
  reflectiveModel: string | null;
  reflection: string | null;
  decisions: string | null;
  actions: ActionInput[];
}

/** A supervision as the form and the API give it; the actor is the supervisor or facilitator. */
export interface SupervisionInput {
  kind: 'one-to-one' | 'group';
  heldOn: string;
  minutes: number | null;
  superviseeId: string | null;
  wellbeing: string | null;
  workload: string | null;
  learning: string | null;
  attendeeIds: string[];
  partners: { name: string; organisation: string | null; role: string | null }[];
  /** Actions about no one child (the supervisee's learning, say). */
  actions: ActionInput[];
  children: DiscussionInput[];
}

export const partnerRoles: Record<string, string> = {
  school: 'School',
  health: 'Health',
  police: 'Police',
  housing: 'Housing',
  'early-help': 'Early help',
  other: 'Other',
};

/** The field paths of the form, which the API's messages share. */
export const fieldOf = {
  action: (prefix: string, index: number, part: 'description' | 'owner' | 'due') =>
    `${prefix}action-${index}-${part}`,
  child: (index: number, part: string) => `child-${index}-${part}`,
};

function actionProblems(
  actions: ActionInput[],
  prefix: string,
  workers: Set<string>,
  today: string,
): FieldProblem[] {
  return actions.flatMap((action, index) => [
    ...(action.description.trim()
      ? []
      : [{ path: fieldOf.action(prefix, index, 'description'), message: 'Enter what is to be done' }]),
    ...(workers.has(action.ownerId)
      ? []
      : [{ path: fieldOf.action(prefix, index, 'owner'), message: 'Choose who will do it' }]),
    ...(!isRealIsoDate(action.dueOn)
      ? [
          {
            path: fieldOf.action(prefix, index, 'due'),
            message: 'Enter the date it is due by, like 27 3 2027',
          },
        ]
      : action.dueOn < today
        ? [
            {
              path: fieldOf.action(prefix, index, 'due'),
              message: 'The date it is due by must be today or later',
            },
          ]
        : []),
  ]);
}

/** What is wrong with a supervision, each problem naming its field; none when it can be recorded. */
export async function supervisionProblems(
  db: Kysely<Tables>,
  actor: Actor,
  input: SupervisionInput,
): Promise<FieldProblem[]> {
  const owners = [...input.actions, ...input.children.flatMap((child) => child.actions)].map(
    (a) => a.ownerId,
  );
  const named = [...owners, ...input.attendeeIds, ...(input.superviseeId ? [input.superviseeId] : [])];
  const workers = await workersAmong(
    db,
    actor.councilId,
    named.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
  );
  const problems: FieldProblem[] = [];
  if (!isRealIsoDate(input.heldOn))
    problems.push({ path: 'heldOn', message: 'Enter the date of the supervision, like 27 3 2026' });
  else if (input.heldOn > actor.today)
    problems.push({ path: 'heldOn', message: 'The date of the supervision must be today or in the past' });
  if (
    input.minutes !== null &&
    !(Number.isInteger(input.minutes) && input.minutes >= 1 && input.minutes <= 600)
  )
    problems.push({ path: 'minutes', message: 'Enter how long it lasted in minutes, from 1 to 600' });
  if (input.kind === 'one-to-one') {
    if (!input.superviseeId || !workers.has(input.superviseeId) || input.superviseeId === actor.workerId)
      problems.push({ path: 'supervisee', message: 'Choose whom you supervised' });
  } else {
    if (!input.attendeeIds.length && !input.partners.length)
      problems.push({ path: 'attendees', message: 'Choose who attended the group supervision' });
    if (input.attendeeIds.some((id) => !workers.has(id)))
      problems.push({ path: 'attendees', message: 'Choose attendees from your teams' });
    input.partners.forEach((partner, index) => {
      if (!partner.name.trim())
        problems.push({ path: `partner-${index}-name`, message: 'Enter the partner’s name' });
      if (partner.role !== null && !(partner.role in partnerRoles))
        problems.push({ path: `partner-${index}-role`, message: 'Choose where the partner works' });
    });
  }
  if (input.kind === 'group' && !input.children.length)
    problems.push({ path: 'child-0-child', message: 'Choose at least one child discussed' });
  const seen = new Set<string>();
  input.children.forEach((child, index) => {
    if (!/^[0-9a-f-]{36}$/i.test(child.childId))
      problems.push({ path: fieldOf.child(index, 'child'), message: 'Choose the child discussed' });
    else if (seen.has(child.childId))
      problems.push({
        path: fieldOf.child(index, 'child'),
        message: 'Each child is discussed once: this child is already chosen',
      });
    seen.add(child.childId);
    if (!child.discussion.trim())
      problems.push({
        path: fieldOf.child(index, 'discussion'),
        message: 'Enter what was discussed about the child',
      });
    if (child.graces.some((grace) => !(grace in socialGraces)))
      problems.push({
        path: fieldOf.child(index, 'graces'),
        message: 'Choose the social GRACES from the list',
      });
    if (child.reflectiveModel !== null && !(child.reflectiveModel in reflectiveModels))
      problems.push({
        path: fieldOf.child(index, 'model'),
        message: 'Choose a reflective model from the list',
      });
    problems.push(...actionProblems(child.actions, `child-${index}-`, workers, actor.today));
  });
  problems.push(...actionProblems(input.actions, '', workers, actor.today));
  return problems;
}

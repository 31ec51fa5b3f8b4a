import { reflectiveModels, socialGraces } from '../../../domain/workforce/supervision.ts';
import { escapeHtml, ukDate } from '../../../platform/views.ts';
import { partnerRoles } from '../supervision-input.ts';

/** Something to choose: an id and the words shown for it. */
export interface Choice {
  id: string;
  name: string;
}

/** The choices of a code list, in its own order. */
export const choicesOf = (list: Record<string, string>): Choice[] =>
  Object.entries(list).map(([id, name]) => ({ id, name }));

/** Items of a govukSelect: a first empty item saying what to do, then the choices, the chosen one selected. */
export function choose(choices: readonly Choice[], chosen: unknown, prompt: string) {
  return [
    { value: '', text: prompt },
    ...choices.map((choice) => ({ value: choice.id, text: choice.name, selected: choice.id === chosen })),
  ];
}

/** Items of a govukCheckboxes, those posted ticked. */
export function ticked(choices: readonly Choice[], chosen: unknown) {
  const on = new Set(Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen]);
  return choices.map((choice) => ({ value: choice.id, text: choice.name, checked: on.has(choice.id) }));
}

/** What the form's templates are given to choose from, beside the colleagues and children. */
export const formLists = {
  graces: choicesOf(socialGraces),
  models: choicesOf(reflectiveModels),
  partnerRoles: choicesOf(partnerRoles),
  choose,
  ticked,
};

/** The words of a supervision's kind. */
export const kindWords = { 'one-to-one': 'One-to-one supervision', group: 'Group case supervision' } as const;

/** A partner attendee in words: "Jo Bloggs, Riverside Primary (school)". */
export function partnerWords(partner: {
  partner_name: string | null;
  partner_organisation: string | null;
  partner_role: string | null;
}): string {
  const role = partner.partner_role ? partnerRoles[partner.partner_role]?.toLowerCase() : null;
  return (
    [partner.partner_name, partner.partner_organisation].filter(Boolean).join(', ') +
    (role ? ` (${role})` : '')
  );
}

/** The GRACES a discussion turned to, in words. */
export function gracesWords(graces: readonly string[]): string {
  return graces.map((grace) => socialGraces[grace as keyof typeof socialGraces] ?? grace).join(', ');
}

/** Rows of an actions table: what, the child, whose, due (overdue tagged) and status. */
export function actionRows(
  actions: readonly {
    description: string;
    child_id: string | null;
    child_name: string | null;
    owner_name: string;
    due_on: string;
    status: string;
  }[],
  today: string,
) {
  return actions.map((action) => [
    { text: action.description },
    action.child_id
      ? {
          html: `<a class="govuk-link" href="/children/${action.child_id}/supervision">${escapeHtml(action.child_name ?? '')}</a>`,
        }
      : { text: 'No child' },
    { text: action.owner_name },
    {
      html:
        escapeHtml(ukDate(action.due_on)) +
        (action.status === 'open' && action.due_on < today
          ? ' <strong class="govuk-tag govuk-tag--red">Overdue</strong>'
          : ''),
    },
    { text: action.status === 'open' ? 'Open' : action.status === 'done' ? 'Done' : 'Dropped' },
  ]);
}

/** The actions list's rows: the action's own columns and, while it is open, a button to mark it as done. */
export function actionListRows(
  actions: ReadonlyArray<Parameters<typeof actionRows>[0][number] & { id: string }>,
  today: string,
  csrfToken: string,
) {
  return actionRows(actions, today).map((row, index) => {
    const action = actions[index]!;
    const button =
      action.status === 'open'
        ? `<form method="post" action="/actions/${action.id}/close" novalidate><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}"><input type="hidden" name="status" value="done"><input type="hidden" name="back" value="actions"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Mark as done<span class="govuk-visually-hidden">: ${escapeHtml(action.description)}</span></button></form>`
        : '';
    return [...row, { html: button }];
  });
}

/** Rows of the supervision standings: the worker, the last one-to-one, the next due, overdue tagged. */
export function standingRows(
  standings: readonly {
    name: string;
    lastHeld: string | null;
    nextDue: string;
    overdue: boolean;
    daysOverdue: number;
  }[],
) {
  return standings.map((standing) => [
    { text: standing.name },
    { text: standing.lastHeld ? ukDate(standing.lastHeld) : 'None recorded' },
    {
      html:
        escapeHtml(ukDate(standing.nextDue)) +
        (standing.overdue
          ? ` <strong class="govuk-tag govuk-tag--red">Overdue by ${standing.daysOverdue} day${standing.daysOverdue === 1 ? '' : 's'}</strong>`
          : ''),
    },
  ]);
}

/** A child's part of a supervision as summary list rows; the GRACES and the model only when recorded. */
export function discussionRows(discussion: {
  discussion: string;
  graces: readonly string[];
  reflective_model: string | null;
  reflection: string | null;
  decisions: string | null;
}) {
  const model = discussion.reflective_model as keyof typeof reflectiveModels | null;
  return [
    { key: { text: 'Discussion' }, value: { text: discussion.discussion } },
    ...(discussion.graces.length
      ? [{ key: { text: 'Social GRACES' }, value: { text: gracesWords(discussion.graces) } }]
      : []),
    ...(model
      ? [{ key: { text: 'Reflective model' }, value: { text: reflectiveModels[model] ?? model } }]
      : []),
    ...(discussion.reflection
      ? [{ key: { text: 'Reflection' }, value: { text: discussion.reflection } }]
      : []),
    { key: { text: 'Decisions' }, value: { text: discussion.decisions ?? 'None recorded' } },
  ];
}

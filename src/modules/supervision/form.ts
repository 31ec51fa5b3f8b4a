import { dateFromParts } from '../../platform/dates.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { ActionInput, SupervisionInput } from './supervision-input.ts';

/** A posted form: each field once, or several times for checkboxes. */
export type PostedForm = Record<string, string | string[] | undefined>;

const one = (form: PostedForm, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};
const many = (form: PostedForm, name: string) => {
  const value = form[name];
  return (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((part) => part !== '');
};
const orNull = (text: string) => (text === '' ? null : text);

/** How many rows of children and partners the form shows: what was posted, and one more when asked. */
export function formRows(form: PostedForm, kind: 'one-to-one' | 'group') {
  const count = (name: string, least: number) =>
    Math.min(20, Math.max(least, Number.parseInt(one(form, name), 10) || least));
  const more = one(form, 'add');
  return {
    children: count('childCount', kind === 'group' ? 2 : 1) + (more === 'child' ? 1 : 0),
    partners: count('partnerCount', 1) + (more === 'partner' ? 1 : 0),
  };
}

/** Actions per child shown on the form; more are recorded through the API. */
export const ACTIONS_PER_CHILD = 2;

/** A date from its three boxes, as text: a problem becomes an impossible date the service names. */
function dateOf(form: PostedForm, name: string, label: string, problems: FieldProblem[]): string {
  const read = dateFromParts(
    label,
    one(form, `${name}-day`),
    one(form, `${name}-month`),
    one(form, `${name}-year`),
  );
  if ('problem' in read) {
    problems.push({ path: name, message: read.problem });
    return '';
  }
  return read.date ?? '';
}

/** The rows up to the last one filled in: blank rows at the end are spare, so indices stay the form's. */
function filledRows(count: number, blank: (index: number) => boolean): number[] {
  let last = count - 1;
  while (last >= 0 && blank(last)) last -= 1;
  return Array.from({ length: last + 1 }, (_, index) => index);
}

function actionsOf(form: PostedForm, prefix: string, count: number, problems: FieldProblem[]): ActionInput[] {
  const blank = (index: number) =>
    ['description', 'owner', 'due-day', 'due-month', 'due-year'].every(
      (part) => one(form, `${prefix}action-${index}-${part}`) === '',
    );
  return filledRows(count, blank).map((index) => {
    const name = `${prefix}action-${index}`;
    return {
      description: one(form, `${name}-description`),
      ownerId: one(form, `${name}-owner`),
      dueOn: dateOf(form, `${name}-due`, 'The date it is due by', problems),
    };
  });
}

/**
 * Reads the supervision form into the service's input. Rows left wholly blank are left out; the dates that are
 * not real dates come back as problems, with the rest left for the service to check.
 */
export function supervisionFromForm(
  form: PostedForm,
  kind: 'one-to-one' | 'group',
): { input: SupervisionInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const rows = formRows({ ...form, add: undefined }, kind);
  const minutes = one(form, 'minutes');
  const input: SupervisionInput = {
    kind,
    heldOn: dateOf(form, 'heldOn', 'The date of the supervision', problems),
    minutes: minutes === '' ? null : /^\d{1,4}$/.test(minutes) ? Number(minutes) : -1,
    superviseeId: orNull(one(form, 'supervisee')),
    wellbeing: orNull(one(form, 'wellbeing')),
    workload: orNull(one(form, 'workload')),
    learning: orNull(one(form, 'learning')),
    attendeeIds: many(form, 'attendees'),
    partners: filledRows(rows.partners, (index) =>
      ['name', 'organisation', 'role'].every((part) => one(form, `partner-${index}-${part}`) === ''),
    ).map((index) => ({
      name: one(form, `partner-${index}-name`),
      organisation: orNull(one(form, `partner-${index}-organisation`)),
      role: orNull(one(form, `partner-${index}-role`)),
    })),
    actions: kind === 'one-to-one' ? actionsOf(form, '', ACTIONS_PER_CHILD, problems) : [],
    children: [],
  };
  const blankChild = (index: number) =>
    ['child', 'discussion', 'reflection', 'decisions', 'model'].every(
      (part) => one(form, `child-${index}-${part}`) === '',
    ) && !actionsOf(form, `child-${index}-`, ACTIONS_PER_CHILD, []).length;
  for (const index of filledRows(rows.children, blankChild)) {
    const name = `child-${index}`;
    input.children.push({
      childId: one(form, `${name}-child`),
      discussion: one(form, `${name}-discussion`),
      graces: many(form, `${name}-graces`),
      reflectiveModel: orNull(one(form, `${name}-model`)),
      reflection: orNull(one(form, `${name}-reflection`)),
      decisions: orNull(one(form, `${name}-decisions`)),
      actions: actionsOf(form, `${name}-`, ACTIONS_PER_CHILD, problems),
    });
  }
  return { input, problems };
}

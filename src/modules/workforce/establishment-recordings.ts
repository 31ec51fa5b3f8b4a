import { teamKinds } from '../../domain/workforce/establishment.ts';
import { jobs } from '../../domain/workforce/staff-rows.ts';
import type { FieldSpec } from '../../platform/recording/fields.ts';
import type { Recording } from '../../platform/recording/routes.ts';
import {
  createTeam,
  disestablishPost,
  establishmentCaption,
  establishPost,
  managerChoices,
  postAsItIs,
  reviseTeam,
  revisePost,
  teamAsItIs,
} from './establishment-service.ts';

/**
 * The council's establishment (issue 21, part 1), each form declared once with its handling and JSON API: a team
 * created and changed (caseload target, manager), a post established in a team, corrected and disestablished.
 */

const TEAM = '/workforce/teams/:teamId';
const choices = (words: Readonly<Record<string, string>>) => () =>
  Object.entries(words).map(([value, text]) => ({ value, text }));

const nameField: FieldSpec = {
  name: 'name',
  label: 'Team name',
  kind: 'text',
  required: true,
  maxLength: 100,
};
const targetField: FieldSpec = {
  name: 'target',
  label: 'Caseload target',
  kind: 'number',
  min: 0,
  max: 200,
  hint: 'The most children one full-time worker should hold, for example 25 in assessment or 18 in children in care',
};
/** The API's schema takes any worker's id; the form and the checks use the council's managers (`fieldsFor`). */
const managerField: FieldSpec = {
  name: 'manager',
  label: 'Manager',
  kind: 'choice',
  hint: 'From today. Whoever manages the team now stops managing it.',
  options: () => [],
};
const holdsCasesField: FieldSpec = {
  name: 'managersHoldCases',
  label: 'Do the team’s managers hold cases?',
  kind: 'yes-no',
  hint: 'Usually no. An adoption team’s manager may hold adoption work.',
};

/** The fields with the manager chosen among the council's team and service managers in post today. */
const withManagers =
  (fields: readonly FieldSpec[]): Recording['fieldsFor'] =>
  async (db, actor) => {
    const options = await managerChoices(db, actor);
    return fields.map((field) =>
      field.kind === 'choice' && field.name === 'manager' ? { ...field, options: () => options } : field,
    );
  };

const teamFields: readonly FieldSpec[] = [
  nameField,
  { name: 'kind', label: 'Kind of team', kind: 'choice', required: true, options: choices(teamKinds) },
  targetField,
  { ...managerField, hint: 'They manage the team from today' },
  holdsCasesField,
];
const teamChangeFields: readonly FieldSpec[] = [nameField, targetField, managerField, holdsCasesField];

export const teamRecording: Recording = {
  path: '/workforce/teams',
  title: 'Create a team',
  permission: 'workforce:record',
  audit: 'team.created',
  formAudit: 'none',
  fields: teamFields,
  fieldsFor: withManagers(teamFields),
  context: async (db, actor) => ({ caption: await establishmentCaption(db, actor, undefined) }),
  record: (db, actor, _params, values) => createTeam(db, actor, values),
  returnTo: () => '/workforce',
};

export const teamChangeRecording: Recording = {
  path: TEAM,
  formPath: `${TEAM}/change`,
  apiMethod: 'put',
  title: 'Change the team',
  guidance: 'A new manager manages the team from today; who managed it before is kept for past days.',
  permission: 'workforce:record',
  audit: 'team.changed',
  formAudit: 'none',
  fields: teamChangeFields,
  fieldsFor: withManagers(teamChangeFields),
  context: async (db, actor, params) => ({ caption: await establishmentCaption(db, actor, params.teamId!) }),
  initial: (db, actor, params) => teamAsItIs(db, actor, params.teamId!),
  record: (db, actor, params, values) => reviseTeam(db, actor, params.teamId!, values),
  returnTo: (params) => `/workforce/teams/${params.teamId}`,
};

const postFields: readonly FieldSpec[] = [
  {
    name: 'title',
    label: 'Post title',
    kind: 'text',
    required: true,
    maxLength: 120,
    hint: 'As the council’s establishment names it, for example Social worker (post 14)',
  },
  { name: 'job', label: 'Job', kind: 'choice', required: true, options: choices(jobs) },
  {
    name: 'fte',
    label: 'Full-time equivalent (FTE)',
    kind: 'number',
    required: true,
    min: 0.01,
    max: 1,
    hint: '1 for a full-time post, 0.5 for half time',
  },
];
const post = {
  permission: 'workforce:record',
  formAudit: 'none',
  context: async (db, actor, params) => ({ caption: await establishmentCaption(db, actor, params.teamId!) }),
  returnTo: (params) => `/workforce/teams/${params.teamId}`,
} satisfies Partial<Recording>;

export const postRecording: Recording = {
  ...post,
  path: `${TEAM}/posts`,
  title: 'Establish a post',
  guidance:
    'A funded post in this team. The workforce census counts it as vacant on each day from this one that no employee holds it.',
  audit: 'post.established',
  fields: [
    ...postFields,
    { name: 'from', label: 'Date the post is established', kind: 'date', required: true, notFuture: false },
  ],
  record: (db, actor, params, values) => establishPost(db, actor, params.teamId!, values),
};

export const postChangeRecording: Recording = {
  ...post,
  path: `${TEAM}/posts/:postId`,
  formPath: `${TEAM}/posts/:postId/change`,
  apiMethod: 'put',
  title: 'Correct a post',
  guidance:
    'Correct the post’s title, job or FTE as it was established. A change to the establishment from a date, such as a post made part time, is a new post: disestablish this one and establish the new one, so past vacancy figures stay as they were.',
  audit: 'post.changed',
  fields: postFields,
  initial: (db, actor, params) => postAsItIs(db, actor, params.teamId!, params.postId!),
  record: (db, actor, params, values) => revisePost(db, actor, params.teamId!, params.postId!, values),
};

export const postEndRecording: Recording = {
  ...post,
  path: `${TEAM}/posts/:postId/disestablish`,
  formPath: `${TEAM}/posts/:postId/disestablish`,
  title: 'Disestablish a post',
  guidance:
    'The post counts in the establishment up to and including its last day. Whoever holds it then stops holding it on that day.',
  audit: 'post.disestablished',
  fields: [{ name: 'to', label: 'Last day of the post', kind: 'date', required: true, notFuture: false }],
  record: (db, actor, params, values) => disestablishPost(db, actor, params.teamId!, params.postId!, values),
};

export const establishmentRecordings = [
  teamRecording,
  teamChangeRecording,
  postRecording,
  postChangeRecording,
  postEndRecording,
];

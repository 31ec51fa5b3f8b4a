import { Type } from 'typebox';
import { ListQuery, sortField } from '../../platform/lists.ts';
import { childSorts } from './queries.ts';

const anId = (description: string) =>
  Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })], { description }));

/** A list of children: what was typed, the team and worker filters, the sort and the page (Find a child, Children). */
export const ChildListQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Names, date of birth, child ID, UPN, NHS number or postcode',
    }),
  ),
  team: anId('Only children allocated today to a worker of this team'),
  worker: anId('Only children allocated today to this worker'),
  sort: sortField(childSorts),
  ...ListQuery,
});

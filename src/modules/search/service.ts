import type { Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { withAuditedRead } from '../../platform/transactions.ts';
import { statusesOf } from '../journey/service.ts';
import { childrenFound, listFilters, matchingNames, type ChildSort } from './queries.ts';
import type { ChildListQuery } from './schemas.ts';
import { searchTermsOf } from './search-terms.ts';

export type ChildListRequest = Static<typeof ChildListQuery>;

/**
 * Finds the children the actor may see that match what was typed and the team and worker filters, one page at a
 * time, each with their journey status; with the teams and workers to filter by. Find a child shows nothing until
 * something is typed; the Children page (`everyoneWhenEmpty`) shows every child it may. The search and the
 * children it showed are audited.
 */
export async function findChildren(
  db: Database,
  actor: Actor,
  request: ChildListRequest,
  options: { everyoneWhenEmpty: boolean } = { everyoneWhenEmpty: false },
) {
  const typed = searchTermsOf(request.q ?? '');
  const terms = typed.kind === 'empty' && options.everyoneWhenEmpty ? ({ kind: 'all' } as const) : typed;
  // Closest names first when names were typed; otherwise by name.
  const sort: ChildSort =
    request.sort && (request.sort !== 'relevance' || terms.kind === 'name')
      ? request.sort
      : terms.kind === 'name'
        ? 'relevance'
        : 'name';
  const order = request.order ?? 'ascending';
  return withAuditedRead(db, actor, async (trx, audit) => {
    const names = terms.kind === 'name' ? await matchingNames(trx, actor.councilId, terms.tokens) : undefined;
    const filter = {
      terms: { ...terms, names },
      teamId: request.team || undefined,
      workerId: request.worker || undefined,
      sort,
      order,
    };
    const found = terms.kind === 'empty' ? undefined : await childrenFound(trx, actor, filter, request.page);
    const rows = found?.rows ?? [];
    const statuses = await statusesOf(
      trx,
      actor,
      rows.map((child) => child.id),
    );
    const children = rows.map((child) => ({ ...child, status: statuses.get(child.id)! }));
    const filters = await listFilters(trx, actor, filter.teamId);
    if (terms.kind !== 'empty')
      audit({
        action: options.everyoneWhenEmpty ? 'children.listed' : 'children.searched',
        details: {
          kind: terms.kind,
          text: request.q ?? null,
          teamId: filter.teamId ?? null,
          workerId: filter.workerId ?? null,
          childIds: children.map((child) => child.id),
        },
      });
    return { terms, sort, order, children, window: found?.window, filters };
  });
}

/** The teams and case-holding workers a long list of children can be filtered by (a team's own, once chosen). */
export async function filterChoices(db: Database, actor: Actor, teamId: string | undefined) {
  return listFilters(db, actor, teamId);
}

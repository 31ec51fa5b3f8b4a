import { sql, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import { pageOfQuery } from '../../db/paging.ts';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Order } from '../../platform/lists.ts';
import { caseHoldingRoles } from '../../platform/permissions.ts';
import type { NameToken, SearchTerms } from './search-terms.ts';

/**
 * Name matching tolerant of misspellings, variant spellings, accents and apostrophes: each word typed, as its
 * search name (src/domain/names/search-name.ts), is matched against the search names of the council's distinct
 * names (migrations 0041 and 0057) by trigram similarity (pg_trgm), by its start, or by Double Metaphone key
 * (fuzzystrmatch), so Mohammed finds Muhammad, Stephen finds Steven, Zoe finds Zoë and OBrien finds O'Brien.
 * A word in a script without spaces (李) makes few trigrams, so it matches names holding it, as written. The few
 * names that match each word are then looked up among the children by btree index.
 */
export async function matchingNames(db: Kysely<Tables>, councilId: string, tokens: readonly NameToken[]) {
  return Promise.all(
    tokens.map(async (token) => {
      const escaped = token.searchName.replace(/[\\%_]/g, (match) => `\\${match}`);
      const matches = token.unspaced
        ? sql<SqlBool>`search_name like ${`%${escaped}%`}`
        : sql<SqlBool>`(search_name % ${token.searchName} or search_name like ${`${escaped}%`}
            or metaphone = dmetaphone(${token.searchName}) or metaphone_alt = dmetaphone_alt(${token.searchName}))`;
      const names = await sql<{ name: string }>`select distinct name from child_search_names
        where council_id = ${councilId} and ${matches}`.execute(db);
      return names.rows.map((row) => row.name);
    }),
  );
}

/** What a search looks for, with the names that match each word typed when it is a search by name. */
export type ResolvedSearch = SearchTerms & { names?: readonly (readonly string[])[] };

function condition(terms: ResolvedSearch) {
  switch (terms.kind) {
    case 'upn':
      return sql<SqlBool>`c.upn = ${terms.upn}`;
    case 'nhs-number':
      return sql<SqlBool>`c.nhs_number = ${terms.nhsNumber}`;
    case 'date-of-birth':
      return sql<SqlBool>`(c.date_of_birth = ${terms.date} or c.expected_date_of_birth = ${terms.date})`;
    case 'postcode':
      return sql<SqlBool>`exists (select 1 from child_addresses a where a.council_id = c.council_id
        and a.child_id = c.id and a.to_date is null and upper(replace(a.postcode, ' ', '')) = ${terms.postcode})`;
    case 'name': {
      // Every word must match the given or the family name (so "Isla Bolton" is not every Isla). A word in a
      // script without spaces may also be the whole name written together, family name first or not (李小龍).
      const words = terms.tokens.map((token, index) => {
        const names = terms.names?.[index] ?? [];
        const named = sql<SqlBool>`(c.given_name = any(${names}::text[]) or c.family_name = any(${names}::text[]))`;
        if (!token.unspaced) return named;
        const part = `%${token.searchName.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
        return sql<SqlBool>`(${named} or search_name(c.family_name || c.given_name) like ${part}
          or search_name(c.given_name || c.family_name) like ${part})`;
      });
      return sql<SqlBool>`(c.local_id = ${terms.text} or (${sql.join(words, sql` and `)}))`;
    }
    case 'all':
      return sql<SqlBool>`true`;
    case 'empty':
      return sql<SqlBool>`false`;
  }
}

/** The columns a list of children can be sorted by; `relevance` puts the closest names first. */
export const childSorts = ['relevance', 'name', 'child-id', 'date-of-birth'] as const;
export type ChildSort = (typeof childSorts)[number];

/** Which children a list shows: those matching the search, allocated to a team's workers or to one worker. */
export interface ChildFilter {
  terms: ResolvedSearch;
  teamId?: string;
  workerId?: string;
  sort: ChildSort;
  order: Order;
}

function sorted(filter: ChildFilter) {
  const direction = filter.order === 'descending' ? sql`desc` : sql`asc`;
  const text =
    filter.terms.kind === 'name' ? filter.terms.tokens.map((token) => token.searchName).join(' ') : '';
  switch (filter.sort) {
    case 'relevance':
      return sql`similarity(search_name(c.given_name || ' ' || c.family_name), ${text}) desc,
        c.family_name, c.given_name, c.id`;
    case 'name':
      return sql`c.family_name ${direction}, c.given_name ${direction}, c.id`;
    case 'child-id':
      return sql`c.local_id ${direction}, c.id`;
    case 'date-of-birth':
      return sql`c.date_of_birth ${direction} nulls last, c.family_name, c.given_name, c.id`;
  }
}

/**
 * One page of the children the actor may see that match a search and the filters, with how many match in all.
 * Only the gatekeeper's set is searched, so a restricted child is never found, nor counted, by anyone not on
 * its list.
 */
export function childrenFound(
  db: Kysely<Tables>,
  actor: Actor,
  filter: ChildFilter,
  page: number | undefined,
) {
  let query = db
    .selectFrom('children as c')
    .select([
      'c.id',
      'c.local_id',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.restricted',
      'c.version',
      sql<string | null>`(select a.postcode from child_addresses a where a.council_id = c.council_id
        and a.child_id = c.id and a.to_date is null order by a.from_date desc limit 1)`.as('postcode'),
    ])
    .where('c.council_id', '=', actor.councilId)
    .where(sql<SqlBool>`c.id in (${allowedChildren(actor)})`)
    .where(condition(filter.terms));
  // The team and worker filters follow today's allocations: a child is in a team's list while one of the team's
  // workers holds them.
  if (filter.workerId)
    query = query.where(sql<SqlBool>`exists (select 1 from allocations a where a.council_id = c.council_id
      and a.child_id = c.id and a.worker_id = ${filter.workerId} and ${currentOn('a', actor.today)})`);
  if (filter.teamId)
    query = query.where(sql<SqlBool>`exists (select 1 from allocations a join team_memberships m
      on m.council_id = a.council_id and m.worker_id = a.worker_id and ${currentOn('m', actor.today)}
      where a.council_id = c.council_id and a.child_id = c.id and m.team_id = ${filter.teamId}
        and ${currentOn('a', actor.today)})`);
  return pageOfQuery(query.orderBy(sorted(filter)), page);
}

/** The council's teams and the workers who hold cases, to filter a list by; a team's own workers when one is chosen. */
export async function listFilters(db: Kysely<Tables>, actor: Actor, teamId: string | undefined) {
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('council_id', '=', actor.councilId)
    .orderBy('name')
    .execute();
  let workers = db
    .selectFrom('workers as w')
    .select(['w.id', 'w.given_name', 'w.family_name'])
    .where('w.council_id', '=', actor.councilId)
    .where('w.left_on', 'is', null)
    .where('w.role', 'in', caseHoldingRoles);
  if (teamId)
    workers =
      workers.where(sql<SqlBool>`exists (select 1 from team_memberships m where m.council_id = w.council_id
      and m.worker_id = w.id and m.team_id = ${teamId} and ${currentOn('m', actor.today)})`);
  return { teams, workers: await workers.orderBy('w.family_name').orderBy('w.given_name').execute() };
}

import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { SearchTerms } from './search-terms.ts';

/**
 * Name matching tolerant of misspellings and variant spellings: each word typed is matched against the council's
 * distinct names (migration 0041) by trigram similarity (pg_trgm), by its start, or by Double Metaphone key
 * (fuzzystrmatch), so Mohammed finds Muhammad, Stephen finds Steven, Katherine finds Catherine and Smyth finds
 * Smith. The few names that match each word are then looked up among the children by btree index.
 */
export async function matchingNames(db: Kysely<Tables>, councilId: string, tokens: readonly string[]) {
  return Promise.all(
    tokens.map(async (token) => {
      const prefix = `${token.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      const names = await sql<{ name: string }>`select distinct name from child_search_names
        where council_id = ${councilId} and (name % ${token} or name ilike ${prefix}
          or metaphone = dmetaphone(${token}) or metaphone_alt = dmetaphone_alt(${token}))`.execute(db);
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
      // Every word must match the given or the family name (so "Isla Bolton" is not every Isla).
      const words = (terms.names ?? []).map(
        (names) =>
          sql<SqlBool>`(c.given_name = any(${names}::text[]) or c.family_name = any(${names}::text[]))`,
      );
      return sql<SqlBool>`(c.local_id = ${terms.text} or (${sql.join(words, sql` and `)}))`;
    }
    case 'empty':
      return sql<SqlBool>`false`;
  }
}

/** The children the actor may see that match the search, closest names first. Only the gatekeeper's set is searched. */
export function searchChildren(db: Kysely<Tables>, actor: Actor, terms: ResolvedSearch, limit: number) {
  const text = terms.kind === 'name' ? terms.text : '';
  return db
    .selectFrom('children as c')
    .select([
      'c.id',
      'c.local_id',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      sql<string | null>`(select a.postcode from child_addresses a where a.council_id = c.council_id
        and a.child_id = c.id and a.to_date is null order by a.from_date desc limit 1)`.as('postcode'),
    ])
    .where('c.council_id', '=', actor.councilId)
    .where(sql<SqlBool>`c.id in (${allowedChildren(actor)})`)
    .where(condition(terms))
    .orderBy(sql`similarity(c.given_name || ' ' || c.family_name, ${text})`, 'desc')
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .limit(limit);
}

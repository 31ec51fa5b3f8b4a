import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { SearchTerms } from './search-terms.ts';

/**
 * Name matching tolerant of misspellings and variant spellings: each word typed must match the given or family
 * name by trigram similarity (pg_trgm), by its start, or by Double Metaphone key (fuzzystrmatch), so Mohammed
 * finds Muhammad, Stephen finds Steven, Katherine finds Catherine and Smyth finds Smith. Each alternative is its
 * own arm of a UNION so that each uses its index (migration 0005); one OR across them made the planner scan every
 * child and compute its keys (about 300 ms at 200,000 children).
 */
function nameCandidates(councilId: string, token: string) {
  const prefix = `${token.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  return sql`select id from children where council_id = ${councilId} and (given_name % ${token} or given_name ilike ${prefix})
    union select id from children where council_id = ${councilId} and (family_name % ${token} or family_name ilike ${prefix})
    union select id from children where council_id = ${councilId} and dmetaphone(given_name) = dmetaphone(${token})
    union select id from children where council_id = ${councilId} and dmetaphone(family_name) = dmetaphone(${token})
    union select id from children where council_id = ${councilId} and dmetaphone_alt(family_name) = dmetaphone_alt(${token})`;
}

function condition(terms: SearchTerms, councilId: string) {
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
    case 'name':
      return sql<SqlBool>`c.id in (select id from children where council_id = ${councilId} and local_id = ${terms.text}
        union (${sql.join(
          terms.tokens.map((token) => sql`(${nameCandidates(councilId, token)})`),
          sql` intersect `,
        )}))`;
    case 'empty':
      return sql<SqlBool>`false`;
  }
}

/** The children the actor may see that match the search, closest names first. Only the gatekeeper's set is searched. */
export function searchChildren(db: Kysely<Tables>, actor: Actor, terms: SearchTerms, limit: number) {
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
    .where(condition(terms, actor.councilId))
    .orderBy(sql`similarity(c.given_name || ' ' || c.family_name, ${text})`, 'desc')
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .limit(limit)
    .execute();
}
